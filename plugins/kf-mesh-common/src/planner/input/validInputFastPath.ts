import type { OnboardingInput } from './inputSchema';
import {
  DEFAULT_INGRESS_PRINCIPAL,
  KUBEFLOW_DEFAULTS,
  RESERVED_NAMESPACES,
} from './defaults';
import {
  CONTRIBUTOR_ROLES,
  CURRENT_MODES,
  TARGET_MODES,
  WAYPOINT_FOR_VALUES,
  type ContributorRole,
} from './modes';
import {
  CONTRIBUTOR_MAX,
  DNS1123_LABEL,
  DNS1123_LABEL_MAX,
  DNS1123_SUBDOMAIN,
  DNS1123_SUBDOMAIN_MAX,
  HEADER_MAX,
  HTTP_TOKEN,
  MAX_CONTRIBUTORS,
  OWNER_MAX,
  PREFIX_MAX,
  PRINCIPAL,
  PRINCIPAL_MAX,
  SEMVER,
  SEMVER_MAX,
  hasOuterWhitespace,
  isPrintableText,
} from './rules';
import { kfamBindingName } from '../objects/kfamBindingName';
import { isIstioLiteral } from '../../mesh/istioValueMatching';

/*
 * The fast path of `parseOnboardingInput` for requests that are valid as they are. It applies the
 * same rules (rules.ts), defaults (defaults.ts) and output shape as `onboardingInputSchema`, but
 * without zod's per-node parse contexts, which dominated planning a fleet. It never reports
 * anything: whenever a value is not plainly valid it returns `undefined`, and the zod schema
 * parses the request again and produces the error (so every error message is zod's, unchanged).
 * Invariant, checked by validInputFastPath.test.ts: when it returns a value, the zod schema
 * accepts the same request and returns an equal object with the same keys in the same order.
 */

const TOP_LEVEL_KEYS = new Set([
  'cluster',
  'namespace',
  'owner',
  'contributors',
  'currentMode',
  'targetMode',
  'options',
]);
const OPTION_KEYS = new Set([
  'waypointName',
  'waypointFor',
  'ingressGatewayPrincipal',
  'kfpUiPrincipal',
  'notebookControllerPrincipal',
  'kfpApiServerPrincipal',
  'userIdHeader',
  'userIdPrefix',
  'trustDomain',
  'kfpVersion',
  'kubernetesTokenAccess',
  'kubeflowNamespace',
]);
const CONTRIBUTOR_KEYS = new Set(['user', 'role']);

/** Thrown inside the fast path only, to fall back to the zod schema. */
const NOT_PLAINLY_VALID = Symbol('not plainly valid');

function fallBack(): never {
  throw NOT_PLAINLY_VALID;
}

/** A plain object whose keys (as zod's `for...in` sees them) are all known. */
function plainObject(value: unknown, keys: Set<string>): Record<string, any> {
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.getPrototypeOf(value) !== Object.prototype
  ) {
    return fallBack();
  }
  for (const key in value) {
    if (!keys.has(key)) fallBack();
  }
  return value as Record<string, any>;
}

function patterned(value: unknown, max: number, pattern: RegExp): string {
  if (typeof value !== 'string' || value.length > max || !pattern.test(value)) {
    return fallBack();
  }
  return value;
}

/** The schema's `policyText`: printable, trimmed and an Istio literal. */
function policyText(value: unknown, min: number, max: number): string {
  if (
    typeof value !== 'string' ||
    value.length < min ||
    value.length > max ||
    !isPrintableText(value) ||
    hasOuterWhitespace(value) ||
    !isIstioLiteral(value)
  ) {
    return fallBack();
  }
  return value;
}

function oneOf<T extends string>(value: unknown, values: readonly T[]): T {
  if (typeof value !== 'string' || !values.includes(value as T)) {
    return fallBack();
  }
  return value as T;
}

/** `value`, or the default when it is undefined (zod's `.default()`). */
function orDefault<T>(value: unknown, fallback: T, check: (v: unknown) => T) {
  return value === undefined ? fallback : check(value);
}

const dnsLabel = (v: unknown) => patterned(v, DNS1123_LABEL_MAX, DNS1123_LABEL);
const principal = (v: unknown) => patterned(v, PRINCIPAL_MAX, PRINCIPAL);

function parseOptions(
  raw: unknown,
  targetMode: OnboardingInput['targetMode'],
): OnboardingInput['options'] {
  const o = raw === undefined ? {} : plainObject(raw, OPTION_KEYS);
  const d = KUBEFLOW_DEFAULTS;
  // same key order as the schema's output (ingressGatewayPrincipal last, set by its transform)
  const waypointName = orDefault(o.waypointName, d.waypointName, dnsLabel);
  const waypointFor = orDefault(o.waypointFor, d.waypointFor, v =>
    oneOf(v, WAYPOINT_FOR_VALUES),
  );
  const ingress = o.ingressGatewayPrincipal;
  const ingressGatewayPrincipal =
    ingress === undefined
      ? DEFAULT_INGRESS_PRINCIPAL[targetMode]
      : principal(ingress);
  return {
    waypointName,
    waypointFor,
    kfpUiPrincipal: orDefault(o.kfpUiPrincipal, d.kfpUiPrincipal, principal),
    notebookControllerPrincipal: orDefault(
      o.notebookControllerPrincipal,
      d.notebookControllerPrincipal,
      principal,
    ),
    kfpApiServerPrincipal: orDefault(
      o.kfpApiServerPrincipal,
      d.kfpApiServerPrincipal,
      principal,
    ),
    userIdHeader: orDefault(o.userIdHeader, d.userIdHeader, v => {
      const header = patterned(v, HEADER_MAX, HTTP_TOKEN);
      return isIstioLiteral(header) ? header : fallBack();
    }),
    userIdPrefix: orDefault(o.userIdPrefix, d.userIdPrefix, v =>
      policyText(v, 0, PREFIX_MAX),
    ),
    trustDomain: orDefault(o.trustDomain, d.trustDomain, v =>
      patterned(v, DNS1123_SUBDOMAIN_MAX, DNS1123_SUBDOMAIN),
    ),
    kfpVersion: orDefault(o.kfpVersion, d.kfpVersion, v =>
      patterned(v, SEMVER_MAX, SEMVER),
    ),
    kubernetesTokenAccess: orDefault(
      o.kubernetesTokenAccess,
      d.kubernetesTokenAccess,
      v => (typeof v === 'boolean' ? v : fallBack()),
    ),
    kubeflowNamespace: orDefault(
      o.kubeflowNamespace,
      d.kubeflowNamespace,
      dnsLabel,
    ),
    ingressGatewayPrincipal,
  };
}

function parseContributors(raw: unknown): OnboardingInput['contributors'] {
  if (raw === undefined) return [];
  if (
    !Array.isArray(raw) ||
    Object.getPrototypeOf(raw) !== Array.prototype ||
    raw.length > MAX_CONTRIBUTORS
  ) {
    return fallBack();
  }
  const contributors: OnboardingInput['contributors'] = [];
  const bindingNames = new Set<string>();
  for (let i = 0; i < raw.length; i++) {
    const c = plainObject(raw[i], CONTRIBUTOR_KEYS);
    const user = policyText(c.user, 1, CONTRIBUTOR_MAX);
    const role: ContributorRole = oneOf(c.role, CONTRIBUTOR_ROLES);
    // the schema's duplicate rule: two contributors with the same KFAM binding name
    const name = kfamBindingName(user, role);
    if (bindingNames.has(name)) fallBack();
    bindingNames.add(name);
    contributors.push({ user, role });
  }
  return contributors;
}

function parse(raw: unknown): OnboardingInput {
  const r = plainObject(raw, TOP_LEVEL_KEYS);
  const cluster = dnsLabel(r.cluster);
  const namespace = dnsLabel(r.namespace);
  const owner = policyText(r.owner, 1, OWNER_MAX);
  const contributors = parseContributors(r.contributors);
  const currentMode =
    r.currentMode === undefined
      ? undefined
      : oneOf(r.currentMode, CURRENT_MODES);
  const targetMode = oneOf(r.targetMode, TARGET_MODES);
  const options = parseOptions(r.options, targetMode);
  if (
    namespace === options.kubeflowNamespace ||
    RESERVED_NAMESPACES.includes(namespace)
  ) {
    fallBack();
  }
  // zod sets an optional key when it has a value or is present in the request (even undefined)
  return currentMode !== undefined || 'currentMode' in r
    ? {
        cluster,
        namespace,
        owner,
        contributors,
        currentMode,
        targetMode,
        options,
      }
    : { cluster, namespace, owner, contributors, targetMode, options };
}

/**
 * The parsed input when the request is valid as it is, else `undefined` (parse it with the zod
 * schema to get the errors). Never throws.
 */
export function parseValidInputFast(raw: unknown): OnboardingInput | undefined {
  try {
    return parse(raw);
  } catch {
    // NOT_PLAINLY_VALID, or a throwing getter or proxy: zod decides, as it always did
    return undefined;
  }
}
