import type {
  ContributorRole,
  EntityOnboardingTarget,
  OnboardingPlanPreviewRequest,
  TargetMode,
} from '@kf-mesh/plugin-kf-mesh-common';

/**
 * The onboarding template's form values the kf-mesh fields read (parameter
 * names of `templates/onboard-namespace/template.yaml`), as the scaffolder
 * hands them over in `formContext.formData`.
 */
export interface OnboardingFormValues {
  profile?: string;
  cluster?: string;
  namespace?: string;
  mode?: TargetMode;
  contributors?: Array<{ user: string; role: ContributorRole }>;
  waypointName?: string;
  userIdHeader?: string;
  userIdPrefix?: string;
  kfpVersion?: string;
  kubernetesTokenAccess?: boolean;
  trustDomain?: string;
  kubeflowNamespace?: string;
}

/** The whole form's values from a field's `formContext` (empty when the scaffolder passes none). */
export function formValuesOf(formContext: unknown): OnboardingFormValues {
  const formData = (formContext as { formData?: unknown } | undefined)
    ?.formData;
  return formData && typeof formData === 'object'
    ? (formData as OnboardingFormValues)
    : {};
}

/**
 * The target the form is about: the one named by `cluster`/`namespace` when
 * set, else the entity's only target; `undefined` when it is ambiguous or
 * absent.
 */
export function selectedTarget(
  targets: EntityOnboardingTarget[],
  values: OnboardingFormValues,
): EntityOnboardingTarget | undefined {
  const matching = targets.filter(
    t =>
      (!values.cluster || t.cluster === values.cluster) &&
      (!values.namespace || t.namespace === values.namespace),
  );
  return matching.length === 1 ? matching[0] : undefined;
}

const STRING_OPTIONS = [
  'waypointName',
  'userIdHeader',
  'userIdPrefix',
  'kfpVersion',
  'trustDomain',
  'kubeflowNamespace',
] as const;

/**
 * The plan preview request for the form's values; `undefined` until a
 * profile and a mode are chosen. Empty advanced options are left out (the
 * planner's Kubeflow defaults, and the cluster's KFP version, apply).
 */
export function planPreviewRequestOf(
  values: OnboardingFormValues,
): OnboardingPlanPreviewRequest | undefined {
  if (!values.profile || !values.mode) return undefined;
  const options: NonNullable<OnboardingPlanPreviewRequest['options']> = {};
  for (const key of STRING_OPTIONS) {
    const value = values[key];
    if (typeof value === 'string' && value !== '') options[key] = value;
  }
  if (typeof values.kubernetesTokenAccess === 'boolean') {
    options.kubernetesTokenAccess = values.kubernetesTokenAccess;
  }
  return {
    entityRef: values.profile,
    ...(values.cluster ? { cluster: values.cluster } : {}),
    ...(values.namespace ? { namespace: values.namespace } : {}),
    mode: values.mode,
    contributors: (values.contributors ?? []).map(c => ({
      user: c.user,
      role: c.role,
    })),
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
}
