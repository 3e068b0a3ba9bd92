import type { TargetMode } from './modes';

/** Kubeflow's defaults (docs/mesh-semantics.md#a0, #a1). */
export const KUBEFLOW_DEFAULTS = {
  waypointName: 'waypoint',
  waypointFor: 'service',
  kfpUiPrincipal: 'cluster.local/ns/kubeflow/sa/ml-pipeline-ui',
  notebookControllerPrincipal:
    'cluster.local/ns/kubeflow/sa/notebook-controller-service-account',
  kfpApiServerPrincipal: 'cluster.local/ns/kubeflow/sa/ml-pipeline',
  userIdHeader: 'kubeflow-userid',
  userIdPrefix: '',
  trustDomain: 'cluster.local',
  // kubeflow/manifests HEAD pins KFP appVersion 2.16.0 (docs/mesh-semantics.md#a0)
  kfpVersion: '2.16.0',
  kubernetesTokenAccess: false,
  kubeflowNamespace: 'kubeflow',
} as const;

/** Ingress gateway principal per mode (docs/mesh-semantics.md#a0 vs #a1, #d11). */
export const DEFAULT_INGRESS_PRINCIPAL: Record<TargetMode, string> = {
  'sidecar-strict':
    'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account',
  ambient: 'cluster.local/ns/istio-system/sa/ambient-ingressgateway-istio',
};

/** Namespaces that are never Kubeflow profile namespaces. */
export const RESERVED_NAMESPACES = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'istio-system',
  'kubeflow',
  'knative-serving',
  'cert-manager',
  'auth',
  'oauth2-proxy',
];
