import { INJECTED_SIDECAR } from '@kf-mesh/kube-sim';
import {
  buildInjectedSidecarFixture,
  injectedParts,
  workloadPod,
} from './injectedSidecarFixture';

describe('kube-sim istioInjectorOutput.json', () => {
  it('equals what the pinned istioctl kube-inject writes today (classic and native)', async () => {
    const fresh = await buildInjectedSidecarFixture();
    // on failure: node -r @swc-node/register testkit/real-cluster/scripts/write-injected-sidecar-fixture.ts
    expect(INJECTED_SIDECAR).toEqual(fresh);
  });

  it('holds the injector shapes kf-mesh and kube-sim rely on', () => {
    const { classic, native } = INJECTED_SIDECAR;
    for (const parts of [classic, native]) {
      expect(parts.annotations['sidecar.istio.io/status']).toEqual(
        expect.any(String),
      );
    }
    expect(classic.containers.map(c => c.name)).toEqual(['istio-proxy']);
    expect(classic.initContainers.map(c => c.name)).not.toContain(
      'istio-proxy',
    );
    expect(native.containers).toEqual([]);
    expect(native.initContainers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'istio-proxy',
          restartPolicy: 'Always',
        }),
      ]),
    );
  });
});

describe('injectedParts', () => {
  it('keeps only what injection added and templates the app name', () => {
    const before = workloadPod();
    const app = before.metadata.name;
    const after = {
      metadata: {
        labels: { app, 'service.istio.io/canonical-name': app },
        annotations: { 'sidecar.istio.io/status': '{}' },
      },
      spec: {
        initContainers: [
          { name: 'istio-init', image: 'i', env: [{ name: 'X' }] },
        ],
        containers: [
          ...before.spec.containers,
          { name: 'istio-proxy', image: 'p' },
        ],
      },
    };
    expect(injectedParts(before, after)).toEqual({
      labels: { 'service.istio.io/canonical-name': '{{app}}' },
      annotations: { 'sidecar.istio.io/status': '{}' },
      initContainers: [{ name: 'istio-init', image: 'i' }],
      containers: [{ name: 'istio-proxy', image: 'p' }],
    });
  });
});
