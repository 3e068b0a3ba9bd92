import type { OnboardingInput } from '../input/inputSchema';
import type { CurrentMode, TargetMode } from '../input/modes';

/** A Kubernetes object as plain data. @public */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
}

/** Identifies one Kubernetes object. @public */
export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

/** An object the plan creates or updates. @public */
export interface PlannedObject {
  object: KubeObject;
  /** `create` when the object should not exist yet in the current mode, else `update`. */
  action: 'create' | 'update';
  /** Why the object exists. */
  reason: string;
  /** What breaks if it is skipped. */
  ifSkipped: string;
  /** File name in the rendered kustomize directory. */
  fileName: string;
  /** Id of the step that applies it. */
  stepId: string;
}

/** One ordered step of the plan. @public */
export interface PlanStep {
  id: string;
  title: string;
  description: string;
  /** How to undo this step alone, when the migration is stopped after it (the PR's per-step rollback). */
  rollback?: string;
}

/** Namespace label changes. @public */
export interface NamespaceLabelChanges {
  /** Labels to set, with their values. */
  set: Record<string, string>;
  /** Labels to remove (no neutral value exists for them). */
  remove: string[];
  /** Why each label is set or removed, by label key. */
  reasons: Record<string, string>;
  /** Id of the plan step each label belongs to, by label key (absent: the `label-namespace` step). */
  steps?: Record<string, string>;
}

/** An object to delete. @public */
export interface PlannedDeletion extends ObjectIdentity {
  reason: string;
  /** True when the object may not exist (current mode unknown, or optional feature). */
  ifPresent: boolean;
}

/** A setting of a Kubeflow controller outside the namespace that must change. @public */
export interface ControllerSetting {
  /** Human name of the controller, e.g. `kfp-profile-controller`. */
  controller: string;
  /** Namespace of the object; empty for cluster-scoped objects. */
  namespace: string;
  kind: string;
  name: string;
  /** Key (ConfigMap key, env var, or field path) to set. */
  key: string;
  value: string;
  reason: string;
}

/** A workload that must be restarted after merge. @public */
export interface RestartTarget {
  namespace: string;
  /** e.g. `deployment`, `statefulset`, or `all` for every workload of the namespace. */
  kind: string;
  /** Object name; `*` for all objects of the kind. */
  name: string;
}

/** Something a human must do after the PR is merged and applied. @public */
export interface PostMergeAction {
  id: string;
  title: string;
  description: string;
  /** Suggested command. */
  command?: string;
  restarts: RestartTarget[];
}

/** A risk the platform team must know about. @public */
export interface PlanWarning {
  code: string;
  message: string;
}

/** Transition the plan performs; `unknown` when the current mode was not given. @public */
export interface PlanTransition {
  from: CurrentMode | 'unknown';
  to: TargetMode;
}

/**
 * The onboarding plan for one namespace: a pure function of the input.
 * @public
 */
export interface OnboardingPlan {
  input: OnboardingInput;
  transition: PlanTransition;
  steps: PlanStep[];
  objects: PlannedObject[];
  namespaceLabels: NamespaceLabelChanges;
  deletions: PlannedDeletion[];
  controllerSettings: ControllerSetting[];
  postMerge: PostMergeAction[];
  warnings: PlanWarning[];
}
