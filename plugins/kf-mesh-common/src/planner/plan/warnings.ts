import type { OnboardingInput } from '../input/inputSchema';
import { hasVisualizationServer } from './kfpVersion';
import type { PlanTransition, PlanWarning } from './types';

const WAYPOINT_FOR_RISK: Record<string, string> = {
  service:
    'waypoint-for=service captures service-addressed traffic only: pod-IP traffic (Prometheus scrapes, headless Services, StatefulSet pod DNS) bypasses the waypoint and its L7 owner rules, and reaches pods under the L4 policies only (pitfall D.13)',
  workload:
    'waypoint-for=workload captures pod-addressed traffic only: Services are not bound to the waypoint, so the targetRef policies do not apply to service traffic (pitfall D.13, mesh-semantics §B.2)',
  all: 'waypoint-for=all sends pod-addressed traffic through the waypoint too: pod-bound L4 policies then see the waypoint identity and stop matching, e.g. Prometheus scrapes need an L7 allow (pitfall D.13, istio/istio#56505)',
};

function labelRemoval(input: OnboardingInput, keys: string[]): PlanWarning {
  return {
    code: 'LABELS_REMOVED_AFTER_MERGE',
    message: `GitOps cannot remove ${keys.join(
      ', ',
    )} reliably (appliers merge labels, and a kustomize null patch on the minimal Namespace renders the string "null"), so the directory only sets labels; remove these after merge if present: kubectl label namespace ${
      input.namespace
    } ${keys.map(k => `${k}-`).join(' ')}`,
  };
}

/** The plan targets the mode the namespace is already in (`mode` as the warning names it). */
function noModeChange(mode: string): PlanWarning {
  return {
    code: 'NO_MODE_CHANGE',
    message: `The namespace is already ${mode}: this plan re-asserts the desired state`,
  };
}

/** Warnings of an ambient plan (docs/mesh-semantics.md#pitfalls). */
export function ambientWarnings(
  input: OnboardingInput,
  transition: PlanTransition,
  removedLabels: string[],
): PlanWarning[] {
  const o = input.options;
  const warnings: PlanWarning[] = [
    {
      code: 'CLUSTER_PREREQUISITES',
      message:
        'Requires Gateway API CRDs, Istio with the ambient profile (ztunnel, istio-cni), the Gateway API ingress gateway istio-system/ambient-ingressgateway, and ambient-mode policies in the kubeflow namespace (mesh-semantics §A.1 prerequisites); the plan does not create them',
    },
    {
      code: 'CONTROLLERS_REVERT_CHANGES',
      message:
        'Apply the controller settings before merging: otherwise the profile controller re-creates ns-owner-access-istio (its L4 parts are still enforced by ztunnel) and the KFP profile controller keeps sidecars on its Deployments (pitfall D.5)',
    },
    {
      code: 'OFF_MESH_CALLERS',
      message:
        'Callers without a mesh identity (kube-apiserver calling webhooks, node-IP sources) are denied under the global allow-nothing policy; webhook pods in this namespace need an L4 allow-all policy (pitfall D.8)',
    },
    {
      code: 'INGRESS_WAYPOINT_ROUTING',
      message:
        "istio.io/ingress-use-waypoint=true only works when istiod runs with ENABLE_INGRESS_WAYPOINT_ROUTING (default true in ambient); without it gateway traffic bypasses the waypoint's owner rules (pitfall D.10)",
    },
    {
      code: 'WAYPOINT_TRAFFIC_TYPE',
      message: WAYPOINT_FOR_RISK[o.waypointFor],
    },
    {
      code: 'NODE_REBOOT_UNENROLLS_PODS',
      message:
        'After a node reboot or istio-cni reinstall, pods can stay annotated ambient.istio.io/redirection=enabled while outside the mesh; re-label the namespace or restart the pods (pitfall D.12)',
    },
    {
      code: 'ROUTES_NEED_GATEWAY_API',
      message:
        'VirtualServices of notebooks, TensorBoards and InferenceServices do not attach to the Gateway API ingress gateway; they need HTTPRoutes (KServe RawDeployment with enableGatewayApi creates its own) (mesh-semantics §A.1 step 10, pitfall D.9)',
    },
  ];
  if (o.kubernetesTokenAccess) {
    warnings.push({
      code: 'KUBERNETES_TOKEN_PREREQUISITES',
      message:
        'Kubernetes-token access needs the m2m-token-issuer RequestAuthentication on the ingress Gateway and cluster-jwks-proxy (mesh-semantics §A.1 step 5)',
    });
  }
  if (hasVisualizationServer(o.kfpVersion)) {
    warnings.push({
      code: 'KFP_PROFILE_CONTROLLER_SCALED_DOWN',
      message: `With KFP ${o.kfpVersion} (<= 2.14) the KFP profile controller is scaled to 0: new profiles get no per-namespace KFP objects until it is scaled up again or KFP is upgraded to >= 2.15 (pitfall D.5)`,
    });
  }
  if (input.contributors.length > 0) {
    warnings.push({
      code: 'CONTRIBUTORS_MANAGED_BY_GITOPS',
      message:
        'Contributor access now lives in this directory: KFAM still writes selector-less policies for contributors added in the Central Dashboard (dropped by ztunnel, pitfall D.4), and its "remove contributor" fails once the KFAM policy is gone (bindings.go Delete reads it before deleting the RoleBinding). Change contributors by re-running the onboarding',
    });
  }
  if (transition.from === 'ambient') {
    warnings.push(noModeChange('ambient'));
  }
  if (removedLabels.length) warnings.push(labelRemoval(input, removedLabels));
  return warnings;
}

/** Warnings of a sidecar-STRICT plan (docs/mesh-semantics.md#pitfalls). */
export function sidecarWarnings(
  input: OnboardingInput,
  transition: PlanTransition,
  removedLabels: string[],
): PlanWarning[] {
  const warnings: PlanWarning[] = [
    {
      code: 'KFP_DRIVER_SIDECARS',
      message:
        'KFP driver pods need sidecars under STRICT: the DRIVER_POD_LABELS/DRIVER_POD_ANNOTATIONS settings exist only in KFP releases that include kubeflow/pipelines#12417 (merged 2026-07); older KFP needs the kfp-driver-config of the istio-strict-mtls overlay. The API server must be restarted to read them (pitfall D.15)',
    },
    {
      code: 'STRICT_BREAKS_OFF_MESH_CLIENTS',
      message:
        'STRICT rejects plaintext: pods without sidecars (not restarted yet, or annotated sidecar.istio.io/inject="false" like the profile controllers) and kube-apiserver webhook calls fail against this namespace; webhooks need PERMISSIVE port exceptions (pitfall D.16)',
    },
    {
      code: 'PEER_AUTHENTICATION_PRECEDENCE',
      message:
        'If the namespace already has another selector-less PeerAuthentication, the oldest one wins and this one may be a no-op (pitfall D.17)',
    },
    {
      code: 'SIDECAR_RESOURCES_ACTIVE',
      message:
        "Sidecar resources (e.g. Kubeflow's egress pruning) take effect again in sidecar mode (pitfall D.18)",
    },
  ];
  if (transition.from === 'ambient' || transition.from === 'unknown') {
    warnings.push({
      code: 'ROLLBACK_WINDOW',
      message:
        'Rollback from ambient: once the waypoint is deleted and ztunnel releases the pods, L7 owner rules are enforced only by sidecars, so pods are reachable under the remaining policies only after their restart (pitfall D.1)',
    });
  }
  if (transition.from === 'sidecar-strict') {
    warnings.push(noModeChange('sidecar STRICT'));
  }
  if (removedLabels.length) warnings.push(labelRemoval(input, removedLabels));
  return warnings;
}
