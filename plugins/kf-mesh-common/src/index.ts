/**
 * Shared types, permissions and the onboarding planner of the kf-mesh plugins.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './api';
export * from './mesh';
export * from './planner';
export * from './mesh/istioValueMatching';
export * from './preflight';
export * from './waves';
