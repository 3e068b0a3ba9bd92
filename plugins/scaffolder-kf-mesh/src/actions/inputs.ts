import { InputError } from '@backstage/errors';
import {
  ContributorRole,
  DNS1123_LABEL_RULE,
  isDns1123Label,
  isIstioLiteral,
  istioLiteralRule,
  MAX_CONTRIBUTORS,
  TARGET_MODES,
  TargetMode,
} from '@kf-mesh/plugin-kf-mesh-common';

/** The target modes a namespace can be onboarded onto (the planner's). @public */
export const MESH_MODES = TARGET_MODES;

/** A target mesh mode. @public */
export type MeshMode = TargetMode;

/** Human description of each mode, used in schemas and the template. */
export const MESH_MODE_DESCRIPTION =
  "Target mode: 'ambient' (Istio ambient: ztunnel L4 mTLS plus a per-namespace waypoint for L7 policies, no sidecars) " +
  "or 'sidecar-strict' (an Envoy sidecar in every pod with STRICT mutual TLS)";

function show(value: unknown) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Throws an InputError naming the field and the rule it breaks. */
export function invalidInput(
  field: string,
  rule: string,
  value: unknown,
): never {
  throw new InputError(
    `Invalid input '${field}': ${rule} (got ${show(value)})`,
  );
}

/** Checks a Kubernetes object name (namespace, cluster) against DNS-1123. */
export function assertDnsLabel(field: string, value: unknown): string {
  if (!isDns1123Label(value)) invalidInput(field, DNS1123_LABEL_RULE, value);
  return value;
}

/** Checks the target mode. */
export function assertMode(value: unknown): MeshMode {
  if (!MESH_MODES.includes(value as MeshMode)) {
    invalidInput('mode', `must be one of ${MESH_MODES.join(', ')}`, value);
  }
  return value as MeshMode;
}

/**
 * Checks the contributors before anything is read: at most the planner's
 * {@link MAX_CONTRIBUTORS}, and user ids Istio matches literally (a `*` would
 * become a wildcard in the `when.values` of their AuthorizationPolicy).
 */
export function assertContributors(
  value: Array<{ user: string; role: ContributorRole }> | undefined,
): Array<{ user: string; role: ContributorRole }> {
  const contributors = value ?? [];
  if (contributors.length > MAX_CONTRIBUTORS) {
    invalidInput(
      'contributors',
      `must have at most ${MAX_CONTRIBUTORS} entries`,
      `${contributors.length} entries`,
    );
  }
  contributors.forEach((c, i) => {
    if (!isIstioLiteral(c.user)) {
      invalidInput(
        `contributors[${i}].user`,
        istioLiteralRule('when.values'),
        c.user,
      );
    }
  });
  return contributors;
}
