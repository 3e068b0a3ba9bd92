import { currentModeOfStatus } from '../api/currentMode';
import type {
  ClusterCapabilities,
  DataplaneVerdict,
  NamespaceDetailResponse,
  PolicyEnforcementStatus,
} from '../api';
import { kfamBindingName } from '../planner/objects/kfamBindingName';
import { checkContributors, ClusterContributorsView } from './contributorCheck';
import type {
  ContributorRole,
  CurrentMode,
  TargetMode,
} from '../planner/input/modes';

/** What the preflight found and what the onboarding needs. @public */
export interface PreflightReport {
  /** Reasons the target mode cannot work; the action fails when non-empty. */
  errors: string[];
  /** Risky states the reviewer should know about. */
  warnings: string[];
  profile: string | null;
  owner: string | null;
  /** Contributors shared through KFAM (sanitised user part and role), from their AuthorizationPolicies. */
  contributors: Array<{ user: string; role: string; policy: string }>;
  kfpVersion: string | null;
  /** Current mode in the planner's terms: `none`, `sidecar` (PERMISSIVE), `sidecar-strict` or `ambient`. */
  currentMode: CurrentMode;
  dataplaneVerdict: DataplaneVerdict;
  /** `Kind/name` of the objects the onboarding replaces. */
  replacedObjects: string[];
}

const KFAM_POLICY = /^user-(.+)-clusterrole-([a-z0-9-]+)$/;
const KUBEFLOW_REPLACED_IN_AMBIENT = new Set([
  'ns-owner-access-istio',
  'ml-pipeline-visualizationserver',
]);

function ambientCapabilityProblems(cluster: string, caps: ClusterCapabilities) {
  const errors: string[] = [];
  const warnings: string[] = [];
  const checks: Array<[boolean | null, string, string]> = [
    [
      caps.ambient,
      `Cluster '${cluster}' runs no ztunnel, so ambient mode cannot carry traffic: install Istio with the ambient profile (ztunnel + istio-cni) first, or choose mode 'sidecar-strict'.`,
      'ztunnel presence',
    ],
    [
      caps.gatewayApi,
      `Cluster '${cluster}' does not serve the Gateway API CRDs (gateway.networking.k8s.io): the namespace waypoint is a Gateway; install the Gateway API CRDs first.`,
      'the Gateway API CRDs',
    ],
    [
      caps.waypointGatewayClass,
      `Cluster '${cluster}' has no GatewayClass 'istio-waypoint': istiod creates it when ambient is enabled (PILOT_ENABLE_AMBIENT=true); without it the waypoint is never programmed and L7 policies are not enforced.`,
      "the 'istio-waypoint' GatewayClass",
    ],
  ];
  for (const [value, error, what] of checks) {
    if (value === false) errors.push(error);
    if (value === null) {
      warnings.push(
        `Could not verify ${what} on cluster '${cluster}' (data not synced yet).`,
      );
    }
  }
  return { errors, warnings };
}

function replacedPolicies(
  mode: TargetMode,
  policies: PolicyEnforcementStatus[],
) {
  return policies
    .filter(p =>
      mode === 'ambient'
        ? p.droppedRules.length > 0 ||
          KUBEFLOW_REPLACED_IN_AMBIENT.has(p.policy.name) ||
          KFAM_POLICY.test(p.policy.name)
        : p.attachment === 'targetRefs',
    )
    .map(p => `${p.policy.kind}/${p.policy.name}`)
    .sort();
}

/** Maps the backend's dataplane verdict (the intent while migrating) plus mTLS to a {@link CurrentMode}. @public */
export function toCurrentMode(detail: NamespaceDetailResponse): CurrentMode {
  return currentModeOfStatus(detail.status);
}

/**
 * Decides whether a namespace can be onboarded onto `mode`, from the
 * kf-mesh backend's namespace status and cluster capabilities. With `cluster`
 * (the contributors KFAM's RoleBindings name), the confirmed contributors are
 * checked against them by user ({@link checkContributors}); without, against the
 * names of KFAM's AuthorizationPolicies.
 * @public
 */
export function evaluatePreflight(
  detail: NamespaceDetailResponse,
  mode: TargetMode,
  declaredContributors: Array<{ user: string; role: ContributorRole }> = [],
  cluster?: ClusterContributorsView,
): PreflightReport {
  const { status, capabilities } = detail;
  const errors: string[] = [];
  const warnings: string[] = [];
  const where = `'${status.cluster}/${status.namespace}'`;

  if (!status.profile) {
    errors.push(
      `Namespace ${where} is not a Kubeflow profile namespace (no Profile owns it); only profile namespaces can be onboarded.`,
    );
  }
  if (mode === 'ambient') {
    const problems = ambientCapabilityProblems(status.cluster, capabilities);
    errors.push(...problems.errors);
    warnings.push(...problems.warnings);
  }
  if (capabilities.globalAllowNothing === false) {
    warnings.push(
      `Cluster '${status.cluster}' has no allow-nothing AuthorizationPolicy in the Istio root namespace: traffic the new policies do not cover stays allowed.`,
    );
  }
  const verdict = status.dataplane.verdict;
  if (verdict === 'conflict') {
    warnings.push(
      `Namespace ${where} has both the ambient label and sidecar injection enabled; the onboarding resolves this, but pods keep their current dataplane until restarted.`,
    );
  }
  const currentMode = toCurrentMode(detail);
  if (
    verdict !== 'migrating' &&
    verdict !== 'conflict' &&
    currentMode === mode
  ) {
    warnings.push(
      `Namespace ${where} already runs in ${mode} mode; the pull request only reconciles its manifests.`,
    );
  }
  if (status.dataplane.podsNeedingRestart.length > 0) {
    warnings.push(
      `${status.dataplane.podsNeedingRestart.length} pod(s) in ${where} run a different dataplane than the namespace asks for and need a restart.`,
    );
  }
  if (status.incomplete.length > 0) {
    warnings.push(
      `Status of ${where} is incomplete (${status.incomplete
        .map(i => `${i.resource}: ${i.state}`)
        .join(', ')}); checks may be out of date.`,
    );
  }
  for (const finding of status.findings) {
    if (finding.severity === 'error') {
      warnings.push(`${finding.code} ${finding.title}`);
    }
  }

  const contributors = status.policies.flatMap(p => {
    const m = KFAM_POLICY.exec(p.policy.name);
    return m ? [{ user: m[1], role: m[2], policy: p.policy.name }] : [];
  });
  if (cluster && cluster.state.state === 'known') {
    // the RoleBindings name the users: compare the confirmed list with them (contributorCheck.ts)
    const check = checkContributors(
      status.namespace,
      mode,
      declaredContributors,
      cluster,
    );
    errors.push(...check.errors);
    warnings.push(...check.warnings);
  } else {
    const declared = new Set(
      declaredContributors.map(c => kfamBindingName(c.user, c.role)),
    );
    const uncovered = contributors.filter(c => !declared.has(c.policy));
    if (mode === 'ambient' && uncovered.length > 0) {
      errors.push(
        `Namespace ${where} shares access through KFAM AuthorizationPolicies ${uncovered
          .map(c => `'${c.policy}'`)
          .join(
            ', ',
          )}, whose HTTP rules ztunnel cannot enforce: list those contributors (user and role) in 'contributors' so the waypoint policies keep their access.`,
      );
    }
    const stale = [...declared].filter(
      name => !contributors.some(c => c.policy === name),
    );
    if (stale.length > 0) {
      warnings.push(
        `Contributors without a KFAM AuthorizationPolicy in ${where} (${stale.join(
          ', ',
        )}): they will get access they do not have today.`,
      );
    }
    if (cluster) {
      warnings.push(
        ...checkContributors(
          status.namespace,
          mode,
          declaredContributors,
          cluster,
        ).warnings,
      );
    }
  }

  return {
    errors,
    warnings,
    profile: status.profile?.name ?? null,
    owner: status.profile?.owner ?? null,
    contributors,
    kfpVersion: capabilities.kfpVersion,
    currentMode,
    dataplaneVerdict: verdict,
    replacedObjects: replacedPolicies(mode, status.policies),
  };
}
