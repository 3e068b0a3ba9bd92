export * from './status';
export * from './responses';
export * from './onboarding';
export * from './currentMode';
export * from './entityOnboarding';
