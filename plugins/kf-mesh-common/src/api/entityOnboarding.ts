import type {
  ContributorRole,
  CurrentMode,
  OnboardingContributor,
  OnboardingPlan,
  OnboardingRequest,
  TargetMode,
} from '../planner';
import type { PreflightReport } from '../preflight';
import type { NamespaceOnboardingStatus, OnboardingRisk } from './onboarding';
import type { ClusterProblem } from './responses';
import type { ObjectRef } from './status';

/**
 * Types of the entity-scoped onboarding routes: what the self-service template
 * shows a profile owner before Create. Both routes take the namespaces from the
 * catalog entity only and need `kf-mesh.entity.status.read` on it; an entity the
 * caller may not read answers exactly like a missing one (404).
 */

/**
 * A contributor the cluster knows: KFAM (kubeflow/dashboard
 * `components/access-management/kfam/bindings.go`) creates, per contributor, a
 * RoleBinding and an AuthorizationPolicy named by `kfamBindingName`, both annotated
 * `user: <e-mail>` and `role: edit|view`.
 * @public
 */
export interface ClusterContributor {
  /** User id exactly as KFAM stored it (the `user` annotation; the `kubeflow-userid` value without prefix). */
  user: string;
  role: ContributorRole;
  /** The KFAM objects it was read from (RoleBinding, AuthorizationPolicy). */
  sources: ObjectRef[];
}

/**
 * Whether the contributor list is complete: `known` when the RoleBindings of the
 * cluster are synced, `unknown` (with `reason`) when they could not be read
 * (RBAC forbids the watch, cluster down), in which case the list is what the
 * AuthorizationPolicies alone tell.
 * @public
 */
export interface ClusterContributorsState {
  state: 'known' | 'unknown';
  reason?: string;
}

/**
 * The GitOps repository and directory the onboarding pull request goes to, from
 * `kfMesh.onboardings.repositories` (read-only for the user).
 * @public
 */
export interface OnboardingGitopsTarget {
  /** GitHub host, e.g. `github.com`. */
  host: string;
  owner: string;
  repo: string;
  /** The scaffolder's `RepoUrlPicker` form of the repository: `<host>?owner=<owner>&repo=<repo>`. */
  repoUrl: string;
  /** Directory of the namespaces in the repository (config `directory`, default `clusters`). */
  directory: string;
  /** Where this namespace's manifests go: `<directory>/<cluster>/<namespace>`. */
  namespacePath: string;
}

/** One namespace an entity maps to, as the onboarding template needs it. @public */
export interface EntityOnboardingTarget {
  cluster: string;
  namespace: string;
  /** The Kubeflow Profile owning the namespace; `null` = not a profile namespace (cannot be onboarded). */
  profile: string | null;
  /** Profile owner (`spec.owner.name`), `null` when unknown. */
  owner: string | null;
  /** The planner's current mode of the namespace. */
  currentMode: CurrentMode;
  /** Contributors the cluster knows, sorted by user. */
  contributors: ClusterContributor[];
  contributorsState: ClusterContributorsState;
  /** KFP version read from the cluster, `null` when not found. */
  kfpVersion: string | null;
  /** `null` when no GitOps repository is configured (`kfMesh.onboardings`). */
  gitops: OnboardingGitopsTarget | null;
  /** The existing onboarding PR of the namespace, if any. */
  onboarding?: NamespaceOnboardingStatus;
}

/**
 * `GET /entity-onboarding?entityRef=<ref>`: every namespace target of the entity
 * with what the onboarding form prefills. Permission `kf-mesh.entity.status.read`
 * on the entity.
 * @public
 */
export interface EntityOnboardingContextResponse {
  entityRef: string;
  targets: EntityOnboardingTarget[];
  /** Namespaces of the entity that could not be answered (unknown cluster, cluster down, not found). */
  problems: ClusterProblem[];
}

/**
 * Body of `POST /entity-onboarding/plan`. `cluster`/`namespace` pick one of the
 * entity's targets and may be omitted when the entity maps to exactly one.
 * Unknown fields are refused (400 naming the field).
 * @public
 */
export interface OnboardingPlanPreviewRequest {
  entityRef: string;
  cluster?: string;
  namespace?: string;
  mode: TargetMode;
  /** The contributors the user confirmed; checked against the cluster's KFAM objects. */
  contributors: OnboardingContributor[];
  /** The planner's advanced options (empty strings = Kubeflow defaults). */
  options?: OnboardingRequest['options'];
}

/**
 * The preview of a plan as the task will run it: the rendered pull request
 * (the planner's `renderPlan`), without the file contents.
 * @public
 */
export interface OnboardingPlanPreviewRendered {
  title: string;
  /** The PR body (Markdown): objects with why, label changes, deletions, controller settings, restarts, risks, rollback. */
  description: string;
  summary: string;
  branchName: string;
  /** Paths of the files the PR writes, relative to `gitops.namespacePath`. */
  files: string[];
  /** Files of the previous mode's directory the PR deletes. */
  filesToDelete: string[];
}

/**
 * `POST /entity-onboarding/plan`: the preflight of the chosen target and, when it
 * passes (`preflight.errors` empty), the plan the task will open a PR with,
 * computed by the same preflight (`evaluatePreflight`) and planner
 * (`planOnboarding` + `renderPlan`) the scaffolder actions run.
 * A failing preflight is a 200 with `plan` absent, so the form can show every reason.
 * @public
 */
export interface OnboardingPlanPreviewResponse {
  entityRef: string;
  cluster: string;
  namespace: string;
  mode: TargetMode;
  preflight: PreflightReport;
  /** Present when the preflight passed. */
  plan?: OnboardingPlan;
  rendered?: OnboardingPlanPreviewRendered;
  /** What merging does to running workloads (pods to restart, deletions), when the preflight passed. */
  risk?: OnboardingRisk;
  gitops: OnboardingGitopsTarget | null;
  /**
   * Digest of the rendered plan (`onboardingPlanDigest`): the review step stores it, and
   * `kf-mesh:onboard` refuses to run when its own plan has another digest (the cluster or
   * the input changed since the review).
   */
  planDigest?: string;
}

/**
 * Value of the template field `ui:field: KfMeshContributorsPicker`: the
 * contributors the user confirmed (prefilled from `EntityOnboardingTarget.contributors`).
 * @public
 */
export type KfMeshContributorsPickerValue = Array<{
  user: string;
  role: ContributorRole;
}>;

/**
 * Value of the template field `ui:field: KfMeshPlanPreview` (the review step):
 * the user acknowledged the previewed plan with this digest.
 * @public
 */
export interface KfMeshPlanPreviewValue {
  acknowledged: boolean;
  /** `OnboardingPlanPreviewResponse.planDigest` of the plan shown. */
  planDigest: string;
}

/** Names of the scaffolder field extensions the onboarding template uses. @public */
export const KF_MESH_FIELD_EXTENSIONS = {
  contributorsPicker: 'KfMeshContributorsPicker',
  planPreview: 'KfMeshPlanPreview',
} as const;

/**
 * Client shape of the entity-scoped onboarding routes, for the frontend client
 * (`plugins/kf-mesh/src/api`) and the scaffolder actions' backend client.
 * @public
 */
export interface KfMeshEntityOnboardingApi {
  /** `GET /entity-onboarding?entityRef=`. */
  getEntityOnboarding(
    entityRef: string,
  ): Promise<EntityOnboardingContextResponse>;
  /** `POST /entity-onboarding/plan`. */
  previewOnboardingPlan(
    request: OnboardingPlanPreviewRequest,
  ): Promise<OnboardingPlanPreviewResponse>;
}
