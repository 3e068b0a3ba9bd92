export { buildScenario } from './buildScenario';
export type { Scenario, ScenarioOptions } from './buildScenario';
export {
  NEWER_SCENARIO_STATES,
  SCENARIO_STATES,
  isAmbientState,
  statesFor,
} from './ScenarioState';
export type { ScenarioState } from './ScenarioState';
export type { ScenarioNamespace } from './profileNamespace';
export type { Person } from './people';
export type { KfpVersion } from './kfpObjects';
export {
  APP_PLACEHOLDER,
  INJECTED_SIDECAR,
  injectedSidecar,
} from './injectedSidecar';
export type {
  InjectedContainer,
  InjectedSidecar,
  InjectedSidecarFixture,
} from './injectedSidecar';
