import type { KubeObject } from '../plan/types';
import { ownerAccessRules } from './kubeflowAccessRules';

/**
 * Facts of the ambient migration of one Kubeflow profile namespace, as the
 * upstream demo does it: orfeas-k/kubeflow-istio-ambient-demo @ 6547607,
 * `use-case-c-programmatic-access-using-k8s-token/my-profile/` (one object per
 * file named in `source`, plus the label and delete steps of its README.md).
 * Written down here so the golden test needs nothing outside the repository.
 * Known quirk left out on purpose: the demo's Profile names admin@example.com
 * as owner while its owner policy names user@example.com (the policy is what
 * this test checks).
 */
export interface ReferenceObject {
  /** File of the upstream directory the object is taken from. */
  source: string;
  object: KubeObject;
}

const NS = 'my-profile';
const WAYPOINT_REF = {
  group: 'gateway.networking.k8s.io',
  kind: 'Gateway',
  name: 'waypoint',
};
const AMBIENT_INGRESS =
  'cluster.local/ns/istio-system/sa/ambient-ingressgateway-istio';

/** The per-namespace objects of the demo. */
export const AMBIENT_PROFILE_OBJECTS: readonly ReferenceObject[] = [
  {
    source: 'user-waypoint.yaml',
    object: {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: {
        name: 'waypoint',
        namespace: NS,
        labels: { 'istio.io/waypoint-for': 'service' },
      },
      spec: {
        gatewayClassName: 'istio-waypoint',
        listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
      },
    },
  },
  {
    source: 'ns-ap-l4-waypoint.yaml',
    object: {
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'ns-l4-waypoint', namespace: NS },
      spec: {
        action: 'ALLOW',
        rules: [
          {
            from: [
              {
                source: { principals: [`cluster.local/ns/${NS}/sa/waypoint`] },
              },
            ],
          },
        ],
      },
    },
  },
  {
    source: 'ns-owner-access-istio-ap-l7-waypoint.yaml',
    object: {
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'ns-owner-access-istio-l7-allow', namespace: NS },
      spec: {
        action: 'ALLOW',
        rules: ownerAccessRules(AMBIENT_INGRESS, NS, 'user@example.com'),
        targetRefs: [WAYPOINT_REF],
      },
    },
  },
  {
    source: 'ns-ap-l7-allow-k8s-token.yaml',
    object: {
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'ns-l7-allow-k8s-token', namespace: NS },
      spec: {
        action: 'ALLOW',
        rules: [
          {
            from: [{ source: { principals: [AMBIENT_INGRESS] } }],
            when: [
              {
                key: 'request.headers[kubeflow-userid]',
                values: [`system:serviceaccount:${NS}:default-editor`],
              },
            ],
          },
        ],
        targetRefs: [WAYPOINT_REF],
      },
    },
  },
  {
    source: 'ml-pipeline-visualization-ap-l7-ml-pipeline.yaml',
    object: {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: {
        name: 'ml-pipeline-visualizationserver-l7-ml-pipeline',
        namespace: NS,
      },
      spec: {
        action: 'ALLOW',
        rules: [
          {
            from: [
              {
                source: {
                  principals: ['cluster.local/ns/kubeflow/sa/ml-pipeline'],
                },
              },
            ],
          },
        ],
        targetRefs: [
          {
            name: 'ml-pipeline-visualizationserver',
            kind: 'Service',
            group: '',
          },
        ],
      },
    },
  },
];

/** README.md "Add proper labels": `kubectl label ns my-profile …` in order. */
export const AMBIENT_PROFILE_LABEL_COMMANDS: readonly string[] = [
  'istio.io/dataplane-mode=ambient',
  'istio-injection-',
  'istio.io/use-waypoint=waypoint',
  'istio.io/ingress-use-waypoint=true',
];

/** README.md "delete previous APs": `kubectl delete ap -n my-profile …`. */
export const AMBIENT_PROFILE_DELETED_POLICIES: readonly string[] = [
  'ns-owner-access-istio',
  'ml-pipeline-visualizationserver',
];
