/**
 * Facts of the KFP overlay for sidecar STRICT mTLS: kubeflow/pipelines @
 * c82070f045 (PR #12306, never merged), `manifests/kustomize/overlays/istio-strict-mtls/`.
 * What merged later (#12417) are the `DRIVER_POD_LABELS` / `DRIVER_POD_ANNOTATIONS`
 * keys of `pipeline-install-config`, JSON maps whose values are JSON strings.
 * Written down here so the tests need nothing outside the repository.
 */

/** `peerauthentication.yaml`. */
export const OVERLAY_PEER_AUTHENTICATION = {
  apiVersion: 'security.istio.io/v1beta1',
  name: 'kfp-strict-mtls',
  namespace: 'kubeflow',
  spec: { mtls: { mode: 'STRICT' } },
} as const;

/** `authorizationpolicy.yaml`: a policy for the kubeflow namespace itself. */
export const OVERLAY_AUTHORIZATION_POLICY = {
  name: 'kfp-services-authz',
  namespace: 'kubeflow',
} as const;

const DRIVER_ANNOTATIONS: Readonly<Record<string, string>> = {
  'proxy.istio.io/config': '{"holdApplicationUntilProxyStarts": true}',
  'traffic.sidecar.istio.io/includeInboundPorts': '*',
  'traffic.sidecar.istio.io/excludeOutboundPorts': '15090,15021',
};

/**
 * `ml-pipeline-apiserver-patch.yaml`: the JSON values of the API server's
 * `DRIVER_POD_LABELS` and `DRIVER_POD_ANNOTATIONS` env variables, as written.
 */
export const OVERLAY_DRIVER_POD_ENV: Readonly<Record<string, string>> = {
  DRIVER_POD_LABELS: JSON.stringify({
    'sidecar.istio.io/inject': 'true',
    'app.kubernetes.io/component': 'kfp-driver',
    version: 'v2',
  }),
  DRIVER_POD_ANNOTATIONS: JSON.stringify(DRIVER_ANNOTATIONS),
};

/** `kustomization.yaml`: the `driver-config` literal of ConfigMap `kfp-driver-config`. */
export const OVERLAY_DRIVER_CONFIG = {
  labels: {
    'sidecar.istio.io/inject': 'true',
    'app.kubernetes.io/component': 'kfp-driver',
  },
  annotations: DRIVER_ANNOTATIONS,
} as const;
