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

/**
 * Where the kf-mesh fields find the other form values (`ui:options` of the
 * field); each defaults to the template's parameter name.
 */
export interface OnboardingFieldOptions {
  entityRefField?: string;
  clusterField?: string;
  namespaceField?: string;
  modeField?: string;
  contributorsField?: string;
  /** Parameters passed to the planner as its options, by their planner names. */
  optionsFields?: string[];
}

const OPTION_NAMES = [
  'waypointName',
  'userIdHeader',
  'userIdPrefix',
  'kfpVersion',
  'kubernetesTokenAccess',
  'trustDomain',
  'kubeflowNamespace',
] as const;

/**
 * The whole form's values from a field's `formContext` (empty when the
 * scaffolder passes none), read through the field's `ui:options` names.
 */
export function formValuesOf(
  formContext: unknown,
  uiOptions: OnboardingFieldOptions = {},
): OnboardingFormValues {
  const raw = (formContext as { formData?: unknown } | undefined)?.formData;
  const form: Record<string, unknown> =
    raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const values: Record<string, unknown> = {
    profile: form[uiOptions.entityRefField ?? 'profile'],
    cluster: form[uiOptions.clusterField ?? 'cluster'],
    namespace: form[uiOptions.namespaceField ?? 'namespace'],
    mode: form[uiOptions.modeField ?? 'mode'],
    contributors: form[uiOptions.contributorsField ?? 'contributors'],
  };
  const optionFields: readonly string[] =
    uiOptions.optionsFields ?? OPTION_NAMES;
  for (const name of OPTION_NAMES) {
    if (optionFields.includes(name)) values[name] = form[name];
  }
  return values as OnboardingFormValues;
}

/** The field's `ui:options` from its `uiSchema`. */
export function fieldOptionsOf(uiSchema: unknown): OnboardingFieldOptions {
  const options = (uiSchema as { 'ui:options'?: unknown } | undefined)?.[
    'ui:options'
  ];
  return options && typeof options === 'object'
    ? (options as OnboardingFieldOptions)
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
