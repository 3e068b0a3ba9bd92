import {
  projectControlPlaneWorkload,
  projectCrd,
  type ControlPlaneWorkloadProjection,
} from './projections';
import {
  gatewayApiBundleVersion,
  istiodVersion,
  ztunnelVersion,
} from './controlPlaneVersions';

const workload = (
  kind: 'Deployment' | 'DaemonSet',
  name: string,
  app: string,
  ...images: string[]
): ControlPlaneWorkloadProjection =>
  projectControlPlaneWorkload({
    apiVersion: 'apps/v1',
    kind,
    metadata: { namespace: 'istio-system', name, labels: { app } },
    spec: {
      template: {
        spec: {
          containers: images.map((image, i) => ({ name: `c${i}`, image })),
        },
      },
    },
  });

// docs/mesh-semantics.md#version-preflight: versions from what istiod and ztunnel run (istio/istio charts
// istio-discovery and ztunnel), and the Gateway CRD's gateway.networking.k8s.io/bundle-version annotation
describe('control-plane versions', () => {
  it('reads istiod from its Deployment image tag, the oldest revision when several run', () => {
    expect(
      istiodVersion([
        workload(
          'Deployment',
          'istiod-1-30',
          'istiod',
          'docker.io/istio/pilot:1.30.1',
        ),
        workload(
          'Deployment',
          'istiod',
          'istiod',
          'docker.io/istio/pilot:1.29.2-distroless',
        ),
        workload(
          'Deployment',
          'istio-ingressgateway',
          'istio-ingressgateway',
          'docker.io/istio/proxyv2:1.20.0',
        ),
      ]),
    ).toBe('1.29.2');
  });

  it('reads ztunnel from its DaemonSet, and gives null when nothing tells', () => {
    expect(
      ztunnelVersion([
        workload(
          'DaemonSet',
          'ztunnel',
          'ztunnel',
          'gcr.io/istio-release/ztunnel:1.29.0',
        ),
        workload(
          'DaemonSet',
          'istio-cni-node',
          'istio-cni-node',
          'docker.io/istio/install-cni:1.10.0',
        ),
      ]),
    ).toBe('1.29.0');
    expect(ztunnelVersion([])).toBeNull();
    expect(
      istiodVersion([
        workload(
          'Deployment',
          'istiod',
          'istiod',
          'docker.io/istio/pilot@sha256:0123',
        ),
      ]),
    ).toBeNull();
  });

  it('reads the Gateway API bundle version of the Gateway CRD', () => {
    const crd = (annotations?: Record<string, string>) =>
      projectCrd({
        metadata: { name: 'gateways.gateway.networking.k8s.io', annotations },
      });
    expect(
      gatewayApiBundleVersion([
        crd({ 'gateway.networking.k8s.io/bundle-version': 'v1.4.0' }),
      ]),
    ).toBe('1.4.0');
    expect(gatewayApiBundleVersion([crd()])).toBeNull();
    expect(gatewayApiBundleVersion([])).toBeNull();
  });
});
