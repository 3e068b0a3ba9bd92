import { z } from 'zod';
import {
  CONTRIBUTOR_MAX,
  DNS1123_LABEL,
  DNS1123_LABEL_MAX,
  DNS1123_LABEL_RULE,
  DNS1123_SUBDOMAIN,
  DNS1123_SUBDOMAIN_MAX,
  DNS1123_SUBDOMAIN_RULE,
  HEADER_MAX,
  HEADER_RULE,
  HTTP_TOKEN,
  MAX_CONTRIBUTORS,
  OUTER_WHITESPACE_RULE,
  OWNER_MAX,
  PREFIX_MAX,
  PRINCIPAL,
  PRINCIPAL_MAX,
  PRINCIPAL_RULE,
  PRINTABLE_RULE,
  SEMVER,
  SEMVER_MAX,
  SEMVER_RULE,
  hasOuterWhitespace,
  isPrintableText,
} from './rules';
import {
  CONTRIBUTOR_ROLES,
  CURRENT_MODES,
  TARGET_MODES,
  WAYPOINT_FOR_VALUES,
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
import {
  ISTIO_LITERAL_HEADER_RULE,
  ISTIO_LITERAL_RULE_ID,
  isIstioLiteral,
  istioLiteralRule,
} from '../../mesh/istioValueMatching';

function fail(ctx: z.RefinementCtx, rule: string, message: string) {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message, params: { rule } });
}

/** A string checked for length first (so oversized values get a length error, not a pattern one). */
function patterned(
  max: number,
  pattern: RegExp,
  rule: string,
  text: string,
  extra?: (value: string, ctx: z.RefinementCtx) => void,
) {
  return z.string().superRefine((value, ctx) => {
    if (value.length > max) {
      fail(
        ctx,
        'too-long',
        `must be at most ${max} characters (got ${value.length})`,
      );
    } else if (!pattern.test(value)) {
      fail(ctx, rule, text);
    } else {
      extra?.(value, ctx);
    }
  });
}

/**
 * Printable text that goes verbatim into an AuthorizationPolicy's `when.values` (user ids and
 * their prefix), so it must also be an Istio literal (no `*`).
 */
function policyText(opts: { min: number; max: number }) {
  return z.string().superRefine((value, ctx) => {
    if (value.length < opts.min) {
      fail(ctx, 'required', 'must not be empty');
    } else if (value.length > opts.max) {
      fail(
        ctx,
        'too-long',
        `must be at most ${opts.max} characters (got ${value.length})`,
      );
    } else if (!isPrintableText(value)) {
      fail(ctx, 'printable', PRINTABLE_RULE);
    } else if (hasOuterWhitespace(value)) {
      fail(ctx, 'whitespace', OUTER_WHITESPACE_RULE);
    } else if (!isIstioLiteral(value)) {
      fail(ctx, ISTIO_LITERAL_RULE_ID, istioLiteralRule('when.values'));
    }
  });
}

const dnsLabel = patterned(
  DNS1123_LABEL_MAX,
  DNS1123_LABEL,
  'dns1123-label',
  DNS1123_LABEL_RULE,
);
const principal = patterned(
  PRINCIPAL_MAX,
  PRINCIPAL,
  'principal',
  PRINCIPAL_RULE,
);

const optionsSchema = z
  .object({
    waypointName: dnsLabel.default(KUBEFLOW_DEFAULTS.waypointName),
    waypointFor: z
      .enum(WAYPOINT_FOR_VALUES)
      .default(KUBEFLOW_DEFAULTS.waypointFor),
    ingressGatewayPrincipal: principal.optional(),
    kfpUiPrincipal: principal.default(KUBEFLOW_DEFAULTS.kfpUiPrincipal),
    notebookControllerPrincipal: principal.default(
      KUBEFLOW_DEFAULTS.notebookControllerPrincipal,
    ),
    kfpApiServerPrincipal: principal.default(
      KUBEFLOW_DEFAULTS.kfpApiServerPrincipal,
    ),
    userIdHeader: patterned(
      HEADER_MAX,
      HTTP_TOKEN,
      'http-token',
      HEADER_RULE,
      (value, ctx) => {
        if (!isIstioLiteral(value)) {
          fail(ctx, ISTIO_LITERAL_RULE_ID, ISTIO_LITERAL_HEADER_RULE);
        }
      },
    ).default(KUBEFLOW_DEFAULTS.userIdHeader),
    userIdPrefix: policyText({ min: 0, max: PREFIX_MAX }).default(
      KUBEFLOW_DEFAULTS.userIdPrefix,
    ),
    trustDomain: patterned(
      DNS1123_SUBDOMAIN_MAX,
      DNS1123_SUBDOMAIN,
      'dns1123-subdomain',
      DNS1123_SUBDOMAIN_RULE,
    ).default(KUBEFLOW_DEFAULTS.trustDomain),
    kfpVersion: patterned(SEMVER_MAX, SEMVER, 'semver', SEMVER_RULE).default(
      KUBEFLOW_DEFAULTS.kfpVersion,
    ),
    kubernetesTokenAccess: z
      .boolean()
      .default(KUBEFLOW_DEFAULTS.kubernetesTokenAccess),
    kubeflowNamespace: dnsLabel.default(KUBEFLOW_DEFAULTS.kubeflowNamespace),
  })
  .strict();

const contributorSchema = z
  .object({
    user: policyText({ min: 1, max: CONTRIBUTOR_MAX }),
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
    cluster: dnsLabel,
    /** The Kubeflow profile namespace. */
    namespace: dnsLabel,
    /** Profile owner: the `kubeflow-userid` header value without the prefix. */
    owner: policyText({ min: 1, max: OWNER_MAX }),
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
