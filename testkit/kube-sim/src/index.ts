export * from './crds';
export * from './sim';
export { ApiError } from './api/status';
export type { StatusBody } from './api/status';
export type { KubeObject, ObjectMeta } from './store/KubeObject';
export type { AuthConfig, TokenRules, AccessRule } from './auth/TokenRules';
export type {
  FaultSpec,
  FaultEffect,
  FaultMatch,
  FaultHandle,
} from './faults/Fault';
export type { FaultRegistry } from './faults/FaultRegistry';
export type {
  RequestCounters,
  CounterQuery,
  CounterEntry,
} from './faults/RequestCounters';
export * from './scenario';
