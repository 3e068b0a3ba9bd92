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
import { WAYPOINT_FOR_VALUES } from './modes';
import {
  ISTIO_LITERAL_HEADER_RULE,
  ISTIO_LITERAL_RULE_ID,
  isIstioLiteral,
  istioLiteralRule,
} from '../../mesh/istioValueMatching';

/** One check of a text field: its rule id, the sentence naming it, and the predicate. @public */
export interface TextFieldCheck {
  rule: string;
  text: string;
  test(value: string): boolean;
}

/**
 * The rules of one text field of an onboarding request, as data: the planner's zod schema runs them (length first,
 * then each check in order, so the first broken rule is the one reported), and the scaffolder actions' input schemas
 * are built from them, so the template form, the action list and an agent see the same limits and patterns.
 * @public
 */
export interface TextFieldRules {
  minLength: number;
  maxLength: number;
  checks: readonly TextFieldCheck[];
  /**
   * The same rules as one JSON Schema `pattern`: it accepts exactly the values of allowed length that the checks
   * accept, read the way the scaffolder reads patterns (`new RegExp(pattern, 'u')`).
   */
  pattern: RegExp;
}

function patternCheck(rule: string, pattern: RegExp, text: string) {
  return { rule, text, test: (value: string) => pattern.test(value) };
}

const dnsLabel: TextFieldRules = {
  minLength: 1,
  maxLength: DNS1123_LABEL_MAX,
  checks: [patternCheck('dns1123-label', DNS1123_LABEL, DNS1123_LABEL_RULE)],
  pattern: DNS1123_LABEL,
};

const principal: TextFieldRules = {
  minLength: 1,
  maxLength: PRINCIPAL_MAX,
  checks: [patternCheck('principal', PRINCIPAL, PRINCIPAL_RULE)],
  pattern: PRINCIPAL,
};

/** A character that may start or end a user id: not whitespace, `*` or an invisible (control, format) character. */
const PRINTABLE_LITERAL_CHAR = '[^*\\s\\p{C}]';

/**
 * Printable text that goes verbatim into an AuthorizationPolicy's `when.values` (user ids and their prefix), so it
 * must also be an Istio literal (no `*`).
 */
function policyText(minLength: number, maxLength: number): TextFieldRules {
  return {
    minLength,
    maxLength,
    checks: [
      { rule: 'printable', text: PRINTABLE_RULE, test: isPrintableText },
      {
        rule: 'whitespace',
        text: OUTER_WHITESPACE_RULE,
        test: value => !hasOuterWhitespace(value),
      },
      {
        rule: ISTIO_LITERAL_RULE_ID,
        text: istioLiteralRule('when.values'),
        test: isIstioLiteral,
      },
    ],
    // one character, or first and last neither whitespace nor `*` nor invisible, and no `*` or invisible between
    pattern: new RegExp(
      `^(${PRINTABLE_LITERAL_CHAR}|${PRINTABLE_LITERAL_CHAR}[^*\\p{C}\\p{Zl}\\p{Zp}]*${PRINTABLE_LITERAL_CHAR})${
        minLength === 0 ? '?' : ''
      }$`,
      'u',
    ),
  };
}

/**
 * The text fields at the top of an onboarding request (`contributorUser` is `contributors[].user`).
 * @public
 */
export const ONBOARDING_TEXT_FIELDS = {
  cluster: dnsLabel,
  namespace: dnsLabel,
  owner: policyText(1, OWNER_MAX),
  contributorUser: policyText(1, CONTRIBUTOR_MAX),
} as const;

/** An option of an onboarding request, as data (its default is Kubeflow's, see KUBEFLOW_DEFAULTS). @public */
export type OnboardingOptionField =
  | { kind: 'text'; description: string; rules: TextFieldRules }
  | { kind: 'enum'; description: string; values: readonly string[] }
  | { kind: 'boolean'; description: string };

/**
 * Every option of an onboarding request (`options.*`), the one list the planner's schema and the scaffolder's
 * `kf-mesh:onboard` input are both built from.
 * @public
 */
export const ONBOARDING_OPTION_FIELDS = {
  waypointName: {
    kind: 'text',
    description:
      'Waypoint Gateway name; Istio names its ServiceAccount the same (default waypoint)',
    rules: dnsLabel,
  },
  waypointFor: {
    kind: 'enum',
    description: 'istio.io/waypoint-for of the waypoint (default service)',
    values: WAYPOINT_FOR_VALUES,
  },
  ingressGatewayPrincipal: {
    kind: 'text',
    description:
      'Principal of the ingress gateway (default depends on the target mode)',
    rules: principal,
  },
  kfpUiPrincipal: {
    kind: 'text',
    description: 'Principal of the KFP UI (ml-pipeline-ui)',
    rules: principal,
  },
  notebookControllerPrincipal: {
    kind: 'text',
    description: 'Principal of the notebook controller',
    rules: principal,
  },
  kfpApiServerPrincipal: {
    kind: 'text',
    description:
      'Principal of the KFP API server (ml-pipeline), allowed to the visualization server',
    rules: principal,
  },
  userIdHeader: {
    kind: 'text',
    description: 'Header carrying the user id (default kubeflow-userid)',
    rules: {
      minLength: 1,
      maxLength: HEADER_MAX,
      checks: [
        patternCheck('http-token', HTTP_TOKEN, HEADER_RULE),
        {
          rule: ISTIO_LITERAL_RULE_ID,
          text: ISTIO_LITERAL_HEADER_RULE,
          test: isIstioLiteral,
        },
      ],
      // RFC 7230 token characters without `*`
      pattern: /^[!#$%&'+\-.^_`|~0-9A-Za-z]+$/,
    },
  },
  userIdPrefix: {
    kind: 'text',
    description: 'Prefix of the user id in that header (default none)',
    rules: policyText(0, PREFIX_MAX),
  },
  trustDomain: {
    kind: 'text',
    description: 'Istio trust domain (default cluster.local)',
    rules: {
      minLength: 1,
      maxLength: DNS1123_SUBDOMAIN_MAX,
      checks: [
        patternCheck(
          'dns1123-subdomain',
          DNS1123_SUBDOMAIN,
          DNS1123_SUBDOMAIN_RULE,
        ),
      ],
      pattern: DNS1123_SUBDOMAIN,
    },
  },
  kfpVersion: {
    kind: 'text',
    description:
      'KFP version: <= 2.14 has per-namespace visualization-server objects, >= 2.15 not',
    rules: {
      minLength: 1,
      maxLength: SEMVER_MAX,
      checks: [patternCheck('semver', SEMVER, SEMVER_RULE)],
      pattern: SEMVER,
    },
  },
  kubernetesTokenAccess: {
    kind: 'boolean',
    description:
      'Programmatic access with Kubernetes ServiceAccount tokens (ns-l7-allow-k8s-token)',
  },
  kubeflowNamespace: {
    kind: 'text',
    description: 'Namespace of the Kubeflow controllers (default kubeflow)',
    rules: dnsLabel,
  },
} as const satisfies Record<string, OnboardingOptionField>;
