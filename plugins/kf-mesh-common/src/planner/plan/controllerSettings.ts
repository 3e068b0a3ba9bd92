import type { OnboardingInput } from '../input/inputSchema';
import { MESH_ANNOTATIONS, MESH_LABELS } from '../../mesh/labels';
import { hasVisualizationServer } from './kfpVersion';
import type { ControllerSetting, PlanTransition } from './types';

const KFP_PROFILE_CONTROLLER = 'kubeflow-pipelines-profile-controller';

function kfpEnv(
  ns: string,
  value: 'true' | 'false',
  reason: string,
): ControllerSetting {
  return {
    controller: 'kfp-profile-controller',
    namespace: ns,
    kind: 'ConfigMap',
    // kustomize adds a hash suffix (e.g. -5252m69c4c) to this generated ConfigMap
    name: `${KFP_PROFILE_CONTROLLER}-env`,
    key: 'DISABLE_ISTIO_SIDECAR',
    value,
    reason,
  };
}

/** The KFP profile controller's replica count (KFP <= 2.14 re-creates the visualization server policy while it runs). */
function kfpProfileControllerReplicas(
  ns: string,
  replicas: '0' | '1',
  reason: string,
): ControllerSetting {
  return {
    controller: 'kfp-profile-controller',
    namespace: ns,
    kind: 'Deployment',
    name: KFP_PROFILE_CONTROLLER,
    key: 'spec.replicas',
    value: replicas,
    reason,
  };
}

/** The ClusterRole the profile controller is bound to: what it may do to ns-owner-access-istio (pitfall D.5). */
function profileControllerClusterRole(
  clusterRole: string,
  reason: string,
): ControllerSetting {
  return {
    controller: 'profile-controller',
    namespace: '', // cluster-scoped
    kind: 'ClusterRoleBinding',
    name: 'profiles-cluster-rolebinding',
    key: 'roleRef.name',
    value: clusterRole,
    reason,
  };
}

function ingressPrincipal(input: OnboardingInput): ControllerSetting[] {
  const ns = input.options.kubeflowNamespace;
  return ['manager', 'kfam'].map(container => ({
    controller: container === 'manager' ? 'profile-controller' : 'kfam',
    namespace: ns,
    kind: 'Deployment',
    name: 'profiles-deployment',
    key: `spec.template.spec.containers[${container}].env.ISTIO_INGRESS_GATEWAY_PRINCIPAL`,
    value: input.options.ingressGatewayPrincipal,
    reason:
      "the profile controller and KFAM write this principal into the policies they generate; with the other mode's gateway principal, owner and contributor rules never match (pitfall D.11)",
  }));
}

/** Controller settings for ambient (docs/mesh-semantics.md#a1-step-7, #a1-step-8, #d5, #d11). */
export function ambientControllerSettings(
  input: OnboardingInput,
): ControllerSetting[] {
  const ns = input.options.kubeflowNamespace;
  const settings: ControllerSetting[] = [
    kfpEnv(
      ns,
      'true',
      'KFP per-namespace Deployments (ml-pipeline-ui-artifact, and ml-pipeline-visualizationserver up to KFP 2.14) get sidecar.istio.io/inject="false"; otherwise they keep sidecars in an ambient namespace (mesh-semantics §A.1 step 8)',
    ),
    profileControllerClusterRole(
      'kf-mesh-profiles-controller-authorizationpolicies-readonly',
      'the profile controller owns ns-owner-access-istio and re-creates it; bind it to a ClusterRole with only get/list/watch on authorizationpolicies (the roleRef cannot change in place: delete and re-create the binding) (pitfall D.5, mesh-semantics §A.1 step 7)',
    ),
    ...ingressPrincipal(input),
  ];
  if (hasVisualizationServer(input.options.kfpVersion)) {
    settings.push(
      kfpProfileControllerReplicas(
        ns,
        '0',
        'KFP <= 2.14 re-creates the selector-based ml-pipeline-visualizationserver policy on every resync (hourly); scale it to 0 after DISABLE_ISTIO_SIDECAR took effect (pitfall D.5, mesh-semantics §A.1 step 7)',
      ),
    );
  }
  return settings;
}

/** KFP driver pod config for sidecar STRICT: JSON maps whose values are JSON strings (docs/mesh-semantics.md#d15). */
export const DRIVER_POD_LABELS: Record<string, string> = {
  [MESH_LABELS.sidecarInject]: 'true',
  'app.kubernetes.io/component': 'kfp-driver',
};
export const DRIVER_POD_ANNOTATIONS: Record<string, string> = {
  // byte-identical to the upstream overlay's value
  [MESH_ANNOTATIONS.proxyConfig]: '{"holdApplicationUntilProxyStarts": true}',
  'traffic.sidecar.istio.io/includeInboundPorts': '*',
  'traffic.sidecar.istio.io/excludeOutboundPorts': '15090,15021',
};

/** Controller settings for sidecar STRICT (docs/mesh-semantics.md#a2, #d5, #d15). */
export function sidecarControllerSettings(
  input: OnboardingInput,
  transition: PlanTransition,
): ControllerSetting[] {
  const ns = input.options.kubeflowNamespace;
  const settings: ControllerSetting[] = [
    kfpEnv(
      ns,
      'false',
      'KFP per-namespace Deployments must get sidecars, or they cannot reach STRICT services (mesh-semantics §A.2)',
    ),
    {
      controller: 'kfp-api-server',
      namespace: ns,
      kind: 'ConfigMap',
      name: 'pipeline-install-config',
      key: 'DRIVER_POD_LABELS',
      value: JSON.stringify(DRIVER_POD_LABELS),
      reason:
        'KFP driver pods run without sidecars unless labelled; under STRICT they fail against in-mesh MinIO/MLMD with "connection reset" (kubeflow/pipelines#12015, pitfall D.15). Values are JSON strings ("true", never true); the API server validates them at start',
    },
    {
      controller: 'kfp-api-server',
      namespace: ns,
      kind: 'ConfigMap',
      name: 'pipeline-install-config',
      key: 'DRIVER_POD_ANNOTATIONS',
      value: JSON.stringify(DRIVER_POD_ANNOTATIONS),
      reason:
        'holdApplicationUntilProxyStarts so the driver does not call MinIO/MLMD before its proxy is ready; keep Istio control ports out of capture (the KFP istio-strict-mtls overlay, pitfall D.15)',
    },
    ...ingressPrincipal(input),
  ];
  if (transition.from === 'ambient' || transition.from === 'unknown') {
    settings.push(
      profileControllerClusterRole(
        'cluster-admin',
        "restore Kubeflow's binding so the profile controller manages ns-owner-access-istio again (undoes the ambient read-only RBAC, pitfall D.5)",
      ),
    );
    if (hasVisualizationServer(input.options.kfpVersion)) {
      settings.push(
        kfpProfileControllerReplicas(
          ns,
          '1',
          'scale the KFP profile controller back up: it re-creates the ml-pipeline-visualizationserver policy and per-namespace KFP objects (KFP <= 2.14)',
        ),
      );
    }
  }
  return settings;
}
