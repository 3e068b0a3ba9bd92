export * from './labels';
export * from './dataplaneIntent';
export * from './names';
export * from './principals';
export * from './observedKinds';
export * from './kfam';
