import { z } from 'zod';
import { MAX_CONTRIBUTORS } from './rules';
import {
  ONBOARDING_OPTION_FIELDS,
  ONBOARDING_TEXT_FIELDS,
  type TextFieldRules,
} from './fieldRules';
import {
  CONTRIBUTOR_ROLES,
  CURRENT_MODES,
  TARGET_MODES,
  type ContributorRole,
  type CurrentMode,
  type TargetMode,
  type WaypointFor,
} from './modes';
import {
  DEFAULT_INGRESS_PRINCIPAL,
  KUBEFLOW_DEFAULTS,
  RESERVED_NAMESPACES,
} from './defaults';
import { kfamBindingName } from '../objects/kfamBindingName';

function fail(ctx: z.RefinementCtx, rule: string, message: string) {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message, params: { rule } });
}

/**
 * A text field checked by its rules (fieldRules.ts): length first (so oversized values get a length error, not a
 * pattern one), then each check in order; the first broken rule is the one reported.
 */
function text(rules: TextFieldRules) {
  return z.string().superRefine((value, ctx) => {
    if (value.length > rules.maxLength) {
      fail(
        ctx,
        'too-long',
        `must be at most ${rules.maxLength} characters (got ${value.length})`,
      );
      return;
    }
    if (value.length < rules.minLength) {
      fail(ctx, 'required', 'must not be empty');
      return;
    }
    const broken = rules.checks.find(check => !check.test(value));
    if (broken) fail(ctx, broken.rule, broken.text);
  });
}

const option = ONBOARDING_OPTION_FIELDS;

const optionsSchema = z
  .object({
    waypointName: text(option.waypointName.rules).default(
      KUBEFLOW_DEFAULTS.waypointName,
    ),
    waypointFor: z
      .enum(option.waypointFor.values)
      .default(KUBEFLOW_DEFAULTS.waypointFor),
    ingressGatewayPrincipal: text(
      option.ingressGatewayPrincipal.rules,
    ).optional(),
    kfpUiPrincipal: text(option.kfpUiPrincipal.rules).default(
      KUBEFLOW_DEFAULTS.kfpUiPrincipal,
    ),
    notebookControllerPrincipal: text(
      option.notebookControllerPrincipal.rules,
    ).default(KUBEFLOW_DEFAULTS.notebookControllerPrincipal),
    kfpApiServerPrincipal: text(option.kfpApiServerPrincipal.rules).default(
      KUBEFLOW_DEFAULTS.kfpApiServerPrincipal,
    ),
    userIdHeader: text(option.userIdHeader.rules).default(
      KUBEFLOW_DEFAULTS.userIdHeader,
    ),
    userIdPrefix: text(option.userIdPrefix.rules).default(
      KUBEFLOW_DEFAULTS.userIdPrefix,
    ),
    trustDomain: text(option.trustDomain.rules).default(
      KUBEFLOW_DEFAULTS.trustDomain,
    ),
    kfpVersion: text(option.kfpVersion.rules).default(
      KUBEFLOW_DEFAULTS.kfpVersion,
    ),
    kubernetesTokenAccess: z
      .boolean()
      .default(KUBEFLOW_DEFAULTS.kubernetesTokenAccess),
    kubeflowNamespace: text(option.kubeflowNamespace.rules).default(
      KUBEFLOW_DEFAULTS.kubeflowNamespace,
    ),
  })
  .strict();

const contributorSchema = z
  .object({
    user: text(ONBOARDING_TEXT_FIELDS.contributorUser),
    role: z.enum(CONTRIBUTOR_ROLES),
  })
  .strict();

/**
 * Zod schema of an onboarding request (see {@link OnboardingRequest}); parsing applies
 * Kubeflow's defaults and yields an {@link OnboardingInput}. Unknown fields are rejected.
 * @public
 */
export const onboardingInputSchema = z
  .object({
    /** Cluster key (DNS-1123 label), used in the branch name and PR title. */
    cluster: text(ONBOARDING_TEXT_FIELDS.cluster),
    /** The Kubeflow profile namespace. */
    namespace: text(ONBOARDING_TEXT_FIELDS.namespace),
    /** Profile owner: the `kubeflow-userid` header value without the prefix. */
    owner: text(ONBOARDING_TEXT_FIELDS.owner),
    /** Contributors shared through KFAM (Central Dashboard "Manage contributors"). */
    contributors: z.array(contributorSchema).max(MAX_CONTRIBUTORS).default([]),
    /** Mode the namespace is in now, when known. */
    currentMode: z.enum(CURRENT_MODES).optional(),
    targetMode: z.enum(TARGET_MODES),
    options: optionsSchema.default({}),
  })
  .strict()
  .superRefine((value, ctx) => {
    const reserved = [...RESERVED_NAMESPACES, value.options.kubeflowNamespace];
    if (reserved.includes(value.namespace)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['namespace'],
        message: `must be a user profile namespace, not the system namespace "${value.namespace}"`,
        params: { rule: 'reserved-namespace' },
      });
    }
    const seen = new Map<string, number>();
    value.contributors.forEach((c, index) => {
      const name = kfamBindingName(c.user, c.role);
      const first = seen.get(name);
      if (first !== undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['contributors', index],
          message: `duplicates contributors.${first}: both map to the KFAM binding name "${name}"`,
          params: { rule: 'duplicate' },
        });
      } else {
        seen.set(name, index);
      }
    });
  })
  .transform(value => {
    const { ingressGatewayPrincipal, ...options } = value.options;
    return {
      ...value,
      options: {
        ...options,
        ingressGatewayPrincipal:
          ingressGatewayPrincipal ??
          DEFAULT_INGRESS_PRINCIPAL[value.targetMode],
      },
    };
  });

/** Options of an onboarding request after defaults. @public */
export interface OnboardingOptions {
  /** Waypoint Gateway name; Istio names its ServiceAccount the same (default `waypoint`). */
  waypointName: string;
  /** `istio.io/waypoint-for` (default `service`). */
  waypointFor: WaypointFor;
  /** Principal of the ingress gateway; default depends on the target mode (docs/mesh-semantics.md#d11). */
  ingressGatewayPrincipal: string;
  kfpUiPrincipal: string;
  notebookControllerPrincipal: string;
  /** Principal of the KFP API server (`ml-pipeline`), allowed to the visualization server. */
  kfpApiServerPrincipal: string;
  userIdHeader: string;
  userIdPrefix: string;
  trustDomain: string;
  /** KFP version: <= 2.14 has per-namespace visualization-server objects, >= 2.15 not. */
  kfpVersion: string;
  /** Programmatic access with Kubernetes ServiceAccount tokens (`ns-l7-allow-k8s-token`). */
  kubernetesTokenAccess: boolean;
  /** Namespace of the Kubeflow controllers (default `kubeflow`). */
  kubeflowNamespace: string;
}

/** A contributor of the profile. @public */
export interface OnboardingContributor {
  user: string;
  role: ContributorRole;
}

/** Onboarding input after validation and defaults. @public */
export interface OnboardingInput {
  cluster: string;
  namespace: string;
  owner: string;
  contributors: OnboardingContributor[];
  currentMode?: CurrentMode;
  targetMode: TargetMode;
  options: OnboardingOptions;
}

/** Raw onboarding request, as accepted by `planOnboarding` (options may be omitted). @public */
export type OnboardingRequest = z.input<typeof onboardingInputSchema>;

// Compile-time check that the schema output and the documented interface agree.
type SchemaOutput = z.output<typeof onboardingInputSchema>;
const _outputMatches: (o: SchemaOutput) => OnboardingInput = o => o;
const _inputMatches: (o: OnboardingInput) => SchemaOutput = o => o;
void _outputMatches;
void _inputMatches;
