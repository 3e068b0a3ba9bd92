export * from './labels';
export * from './dataplaneIntent';
export * from './names';
export * from './principals';
export * from './observedKinds';
export * from './kfpPods';
export * from './controllerOwnership';
export * from './componentVersions';
