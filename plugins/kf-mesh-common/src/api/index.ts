export * from './status';
export * from './responses';
export * from './onboarding';
export * from './currentMode';
export * from './readiness';
export * from './waves';
