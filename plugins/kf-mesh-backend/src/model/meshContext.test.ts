import { authz } from '../analyzer/__fixtures__/snapshots';
import { buildMeshContext, isAllowNothing } from './meshContext';
import type { PeerAuthenticationProjection } from './types';

const ROOT = 'istio-system';
const inRoot = (name: string, opts: Parameters<typeof authz>[1] = {}) =>
  authz(name, { namespace: ROOT, ...opts });
const pa = (
  name: string,
  selector?: Record<string, string>,
): PeerAuthenticationProjection => ({
  namespace: ROOT,
  name,
  createdAt: '2026-01-01T00:00:00Z',
  mode: 'STRICT',
  hasPortLevelMtls: false,
  ...(selector ? { selector } : {}),
});

describe('mesh context from the root namespace (docs/mesh-semantics.md#b4, #b5)', () => {
  it('an empty-spec ALLOW is allow-nothing; rules, a selector or targetRefs make it something else', () => {
    expect(isAllowNothing(inRoot('global-deny-all'))).toBe(true);
    expect(isAllowNothing(inRoot('deny', { action: 'DENY' }))).toBe(false);
    expect(isAllowNothing(inRoot('sel', { selector: { app: 'x' } }))).toBe(
      false,
    );
    expect(
      isAllowNothing(
        inRoot('wp', {
          targetRefs: [
            {
              group: 'gateway.networking.k8s.io',
              kind: 'GatewayClass',
              name: 'istio-waypoint',
            },
          ],
        }),
      ),
    ).toBe(false);
    expect(
      isAllowNothing(
        inRoot('rules', {
          rules: [{ l7Attributes: [], hasL4Part: true, principals: ['*'] }],
        }),
      ),
    ).toBe(false);
  });

  it('selector-less root PeerAuthentications are mesh-wide, selector ones are kept apart (Istio ignores them)', () => {
    const mesh = buildMeshContext(
      ROOT,
      [pa('default'), pa('per-app', { app: 'x' })],
      [inRoot('allow-ingress', { selector: { app: 'gw' } })],
      { pods: 'synced' },
    );
    expect(mesh.meshPeerAuthentications.map(p => p.name)).toEqual(['default']);
    expect(mesh.rootSelectorPeerAuthentications.map(p => p.name)).toEqual([
      'per-app',
    ]);
    expect(mesh.globalAllowNothing).toBe(false);
    expect(mesh.availability).toEqual({ pods: 'synced' });
    expect(
      buildMeshContext(ROOT, [], [inRoot('global-deny-all')], {})
        .globalAllowNothing,
    ).toBe(true);
  });
});
