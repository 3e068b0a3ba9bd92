import type { Scenario } from '@kf-mesh/kube-sim';

/**
 * Objects the harness writes itself because the component that would write them does
 * not run (no kube-controller-manager, no kubelet): listed in docs/conformance.md.
 */

/** Marks every hand-written object, so a reader can tell them from real controller output. */
export const HAND_WRITTEN_BY = 'kf-mesh-real-cluster-harness';

/**
 * The EndpointSlice the endpointslice controller would write for a ready waypoint pod
 * behind `service`: istiod reports a waypoint Gateway Programmed only when its Service has
 * endpoints (pilot/pkg/config/kube/gateway: "no instances found for hostname").
 */
export function waypointEndpointSlice(
  namespace: string,
  service: string,
  address: string,
): object {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `${service}-hand-written`,
      namespace,
      labels: {
        'kubernetes.io/service-name': service,
        'endpointslice.kubernetes.io/managed-by': HAND_WRITTEN_BY,
      },
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: [address], conditions: { ready: true } }],
    ports: [{ name: 'mesh', port: 15008, protocol: 'TCP' }],
  };
}

/**
 * The waypoint EndpointSlices of a kube-sim scenario: one per `istio-waypoint` Gateway, except in the namespaces
 * built as `ambient-waypoint-not-programmed` (their waypoint has no ready pod, so istiod keeps it unprogrammed).
 */
export function scenarioWaypointEndpointSlices(scenario: Scenario): object[] {
  const notProgrammed = new Set(
    scenario.namespaces
      .filter(n => n.state === 'ambient-waypoint-not-programmed')
      .map(n => n.name),
  );
  return scenario.objects
    .filter(
      (o: any) =>
        o.kind === 'Gateway' &&
        o.spec?.gatewayClassName === 'istio-waypoint' &&
        !notProgrammed.has(o.metadata.namespace),
    )
    .map((o, i) =>
      waypointEndpointSlice(
        o.metadata.namespace!,
        o.metadata.name!,
        `10.244.9.${i + 1}`,
      ),
    );
}
