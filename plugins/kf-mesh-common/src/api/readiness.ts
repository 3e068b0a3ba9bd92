import type { OnboardingTargetMode } from './onboarding';

/**
 * Readiness of a namespace for a move to a target mode, computed by the
 * kf-mesh backend from the namespace status with the preflight's rules
 * (`evaluatePreflight`, the one home of what blocks an onboarding) and the
 * planner (what the move changes).
 */

/**
 * `ready`: the onboarding PR can be merged as is; `needs-restarts`: it can,
 * but `podsToRestart` pods keep their old dataplane until restarted (sidecar
 * injection acts on pod creation only, docs/mesh-semantics.md#b1);
 * `blocked`: the preflight refuses the move (`blockers`).
 * @public
 */
export type ReadinessState = 'ready' | 'needs-restarts' | 'blocked';

/** Every {@link ReadinessState}, best first. @public */
export const READINESS_STATES: readonly ReadinessState[] = [
  'ready',
  'needs-restarts',
  'blocked',
];

/** One reason a namespace cannot move (a preflight error). @public */
export interface ReadinessBlocker {
  /** The analyzer finding behind it (e.g. `KFM101`), when the rule comes from one. */
  code?: string;
  /** The preflight's message: what is wrong and what to do. */
  message: string;
}

/** What the move changes for the namespace's users. @public */
export interface ReadinessChanges {
  /**
   * `Kind/name` of the AuthorizationPolicies the onboarding replaces: for ambient their
   * HTTP rules move to the namespace waypoint (ztunnel enforces L4 only).
   */
  policiesMovedToWaypoint: string[];
  /** Objects the onboarding PR deletes (present in the cluster). */
  deletions: number;
  /** The namespace already runs the target mode: the PR only reconciles manifests. */
  alreadyInTargetMode: boolean;
}

/** Readiness of one namespace for one target mode. @public */
export interface NamespaceReadiness {
  targetMode: OnboardingTargetMode;
  state: ReadinessState;
  /** Pods that must restart after the merge to run the target dataplane. */
  podsToRestart: number;
  /** Non-empty exactly when `state` is `blocked`. */
  blockers: ReadinessBlocker[];
  /** The preflight's warnings (risky states a reviewer should know about). */
  warnings: string[];
  changes: ReadinessChanges;
}

/** Namespaces per readiness state over every page of a fleet query with `target`. @public */
export type ReadinessCounts = Record<ReadinessState, number>;
