import { pod, service } from '../analyzer/__fixtures__/snapshots';
import { gatewayNamespacesOf } from './gatewayNamespaces';
import { isZtunnelPod } from './ztunnel';

describe('namespaces whose Gateways a snapshot needs (docs/mesh-semantics.md#b2)', () => {
  it('waypoint namespaces named on the namespace, a Service or a pod, and HTTPRoute parents; never the namespace itself', () => {
    const ns = {
      name: 'team-a',
      labels: { 'istio.io/use-waypoint-namespace': 'shared-wp' },
    };
    const found = gatewayNamespacesOf(
      ns,
      [
        service('svc', {
          namespace: 'team-a',
          labels: { 'istio.io/use-waypoint-namespace': 'svc-wp' },
        }),
      ],
      [
        pod('p', {
          namespace: 'team-a',
          labels: { 'istio.io/use-waypoint-namespace': 'team-a' },
        }),
      ],
      [
        {
          namespace: 'team-a',
          name: 'route',
          parentRefs: [
            { namespace: 'istio-system', name: 'ingress', kind: 'Gateway' },
            { namespace: 'team-a', name: 'local', kind: 'Gateway' },
          ],
        },
      ],
    );
    expect([...found].sort()).toEqual(['istio-system', 'shared-wp', 'svc-wp']);
    expect(gatewayNamespacesOf({ name: 'x', labels: {} }, [], [], [])).toEqual(
      new Set(),
    );
  });
});

describe('ztunnel detection', () => {
  it('a pod labelled app=ztunnel or named ztunnel-… is ztunnel; istiod is not', () => {
    expect(isZtunnelPod(pod('ztunnel-abcde'))).toBe(true);
    expect(
      isZtunnelPod(pod('node-proxy', { labels: { app: 'ztunnel' } })),
    ).toBe(true);
    expect(isZtunnelPod(pod('istiod-1', { labels: { app: 'istiod' } }))).toBe(
      false,
    );
  });
});
