import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { CrdRegistry } from './CrdRegistry';
import { kfMeshRepoRoot, upstreamCrdPaths } from './upstreamCrdPaths';

const CEL_NOT_CHECKED =
  '<nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

// real servers, real clients and ~1 MB of CRD schemas: generous limits for busy CI machines
jest.setTimeout(30_000);

describe('upstreamCrdPaths', () => {
  it('lists the CRD files of the pinned Istio and Gateway API modules in the Go module cache', () => {
    const paths = upstreamCrdPaths();
    const versions = fs.readFileSync(
      path.join(kfMeshRepoRoot(), 'tools', 'versions.env'),
      'utf8',
    );
    const pinned = (key: string) =>
      new RegExp(`^${key}=(.+)$`, 'm').exec(versions)![1];
    expect(paths[0]).toMatch(
      new RegExp(
        `/istio\\.io/istio@${pinned(
          'ISTIO_VERSION',
        )}/manifests/charts/base/files/crd-all\\.gen\\.yaml$`,
      ),
    );
    const gateway = paths.slice(1);
    expect(gateway.length).toBeGreaterThan(5);
    for (const p of gateway) {
      expect(p).toContain(
        `/sigs.k8s.io/gateway-api@${pinned(
          'GATEWAY_API_VERSION',
        )}/config/crd/experimental/`,
      );
    }
    expect(gateway.map(p => path.basename(p))).toContain(
      'gateway.networking.k8s.io_gateways.yaml',
    );
    for (const p of paths) expect(fs.existsSync(p)).toBe(true);
  });

  it('throws a clear error when the start is outside a kf-mesh checkout', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-crds-'));
    expect(() => upstreamCrdPaths(dir)).toThrow(
      `Cannot find the kf-mesh repository: no scripts/control-plane/crds.sh above ${dir}`,
    );
  });

  it('finds the repository root from anywhere below it', () => {
    const root = kfMeshRepoRoot();
    expect(fs.existsSync(path.join(root, 'tools', 'versions.env'))).toBe(true);
    expect(kfMeshRepoRoot(path.join(root, 'packages', 'kube-sim'))).toBe(root);
  });
});

describe('CrdRegistry', () => {
  const registry = CrdRegistry.fromFiles(upstreamCrdPaths());

  it('exposes names, scope and served versions from the real CRDs', () => {
    const ap = registry.byKind('security.istio.io', 'AuthorizationPolicy')!;
    expect(ap).toMatchObject({
      plural: 'authorizationpolicies',
      singular: 'authorizationpolicy',
      shortNames: ['ap'],
      scope: 'Namespaced',
      listKind: 'AuthorizationPolicyList',
    });
    expect(ap.categories).toContain('istio-io');
    expect(
      registry.servedVersions('security.istio.io', 'AuthorizationPolicy'),
    ).toEqual(['v1', 'v1beta1']);
    expect(
      registry.byPlural('gateway.networking.k8s.io', 'gatewayclasses')?.scope,
    ).toBe('Cluster');
    expect(
      registry.byPlural('gateway.networking.k8s.io', 'httproutes')?.kind,
    ).toBe('HTTPRoute');
    expect(
      registry.byKind('security.istio.io', 'PeerAuthentication')?.shortNames,
    ).toEqual(['pa']);
    expect(registry.groups()).toEqual(
      expect.arrayContaining([
        'security.istio.io',
        'gateway.networking.k8s.io',
        'kubeflow.org',
      ]),
    );
  });

  it('includes the built-in cluster-scoped Kubeflow Profile CRD', () => {
    expect(registry.byKind('kubeflow.org', 'Profile')).toMatchObject({
      plural: 'profiles',
      scope: 'Cluster',
    });
    expect(
      CrdRegistry.fromFiles([], { includeProfile: false }).resources(),
    ).toEqual([]);
  });

  it('accepts valid objects from the reference manifests', () => {
    expect(
      registry.validate({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: { name: 'waypoint', namespace: 'team-a' },
        spec: {
          gatewayClassName: 'istio-waypoint',
          listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
        },
      }),
    ).toEqual([]);
    expect(
      registry.validate({
        apiVersion: 'security.istio.io/v1beta1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'ns-owner-access-istio', namespace: 'team-a' },
        spec: {
          action: 'ALLOW',
          rules: [
            {
              when: [
                { key: 'request.headers[kubeflow-userid]', values: ['a@b.c'] },
              ],
            },
          ],
          targetRefs: [
            {
              group: 'gateway.networking.k8s.io',
              kind: 'Gateway',
              name: 'waypoint',
            },
          ],
        },
        status: { conditions: [{ type: 'ZtunnelAccepted', status: 'True' }] },
      }),
    ).toEqual([]);
  });

  it('reports enum violations with the apiserver wording', () => {
    expect(
      registry.validate({
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'x', namespace: 'a' },
        spec: { action: 'FOO' },
      }),
    ).toEqual([
      'spec.action: Unsupported value: "FOO": supported values: "ALLOW", "DENY", "AUDIT", "CUSTOM"',
      // the schema failure blocks the CRD's CEL rules, and the apiserver says so
      CEL_NOT_CHECKED,
    ]);
  });

  it('reports type errors, required fields and bad names together', () => {
    const causes = registry.validateCauses({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'Bad_Name' },
      spec: { listeners: [{ name: 'mesh', port: 'x', protocol: 'HBONE' }] },
    });
    expect(causes.map(c => [c.reason, c.field])).toEqual(
      expect.arrayContaining([
        ['FieldValueInvalid', 'metadata.name'],
        ['FieldValueRequired', 'spec.gatewayClassName'],
        ['FieldValueTypeInvalid', 'spec.listeners[0].port'],
      ]),
    );
    expect(
      causes.find(c => c.field === 'spec.listeners[0].port')?.message,
    ).toBe(
      'Invalid value: "string": spec.listeners[0].port in body must be of type integer: "string"',
    );
  });

  it('handles x-kubernetes-int-or-string', () => {
    const pa = (port: unknown) => ({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'dr', namespace: 'a' },
      spec: {
        host: 'svc',
        trafficPolicy: { connectionPool: { tcp: { idleTimeout: '1h' } } },
        port,
      },
    });
    expect(registry.validate(pa(undefined))).toEqual([]);
    const ra = (pct: unknown) => ({
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'dr', namespace: 'a' },
      spec: {
        host: 'svc',
        trafficPolicy: { outlierDetection: { maxEjectionPercent: pct } },
      },
    });
    expect(registry.validate(ra(10))).toEqual([]);
    const withIntOrString = (value: unknown) => ({
      apiVersion: 'kubeflow.org/v1',
      kind: 'Profile',
      metadata: { name: 'p' },
      spec: {
        owner: { kind: 'User', name: 'a@b.c' },
        resourceQuotaSpec: { hard: { cpu: value } },
      },
    });
    // preserve-unknown-fields: anything goes under resourceQuotaSpec
    expect(registry.validate(withIntOrString(true))).toEqual([]);
  });

  it('rejects a bad int-or-string value', () => {
    const custom = new CrdRegistry([
      {
        spec: {
          group: 'example.com',
          names: { kind: 'Thing', plural: 'things' },
          scope: 'Namespaced',
          versions: [
            {
              name: 'v1',
              served: true,
              storage: true,
              schema: {
                openAPIV3Schema: {
                  type: 'object',
                  properties: {
                    spec: {
                      type: 'object',
                      properties: {
                        port: { 'x-kubernetes-int-or-string': true },
                        ip: { type: 'string', format: 'ipv4' },
                        mode: {
                          type: 'object',
                          oneOf: [{ required: ['a'] }, { required: ['b'] }],
                          properties: {
                            a: { type: 'string' },
                            b: { type: 'string' },
                          },
                        },
                      },
                      'x-kubernetes-validations': [
                        { rule: 'self.port != 0', message: 'no' },
                      ],
                    },
                  },
                },
              },
            },
          ],
        },
      },
    ]);
    const thing = (spec: unknown) => ({
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      spec,
    });
    expect(custom.validate(thing({ port: 8080, ip: '10.0.0.1' }))).toEqual([]);
    expect(custom.validate(thing({ port: 'http' }))).toEqual([]);
    expect(custom.validate(thing({ port: true }))).toEqual([
      'spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean"',
      CEL_NOT_CHECKED,
    ]);
    expect(custom.validate(thing({ ip: 'nope' }))).toEqual([
      'spec.ip: Invalid value: "nope": spec.ip in body must be of type ipv4: "nope"',
    ]);
    // only the combinator's own error, not one per failing branch
    expect(custom.validate(thing({ mode: { a: 'x', b: 'y' } }))).toEqual([
      'spec.mode: Invalid value: "object": spec.mode in body should match exactly one schema in oneOf',
    ]);
  });

  it('evaluates oneOf branches of the real AuthorizationPolicy schema', () => {
    const lines = registry.validate({
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'x', namespace: 'a' },
      spec: { action: 'CUSTOM', provider: { name: 'p' }, rules: [] },
    });
    expect(lines).toEqual([]);
  });

  it('rejects unknown kinds and versions', () => {
    expect(
      registry.validate({
        apiVersion: 'security.istio.io/v9',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'x' },
      }),
    ).toEqual([
      'kind: Unsupported value: no matches for kind "AuthorizationPolicy" in version "security.istio.io/v9"',
    ]);
    expect(registry.validate({ kind: 'X' })).toEqual([
      'apiVersion: Required value',
    ]);
  });

  it('filters resources by group', () => {
    const noIstio = registry.filter(r => !r.group.endsWith('istio.io'));
    expect(
      noIstio.byKind('security.istio.io', 'AuthorizationPolicy'),
    ).toBeUndefined();
    expect(
      noIstio.byKind('gateway.networking.k8s.io', 'Gateway'),
    ).toBeDefined();
  });
});

describe('CrdRegistry.prune', () => {
  const registry = CrdRegistry.fromFiles(upstreamCrdPaths());

  it('drops undeclared fields and reports their paths, keeping preserved ones', () => {
    const { pruned, unknown } = registry.prune({
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'x', namespace: 'a', labels: { a: 'b' } },
      spec: {
        action: 'ALLOW',
        acton: 'DENY',
        rules: [{ from: [{ source: { principalz: ['p'] } }] }],
      },
      status: { anything: { goes: true } },
      extra: 1,
    });
    expect(unknown.sort()).toEqual([
      'extra',
      'spec.acton',
      'spec.rules[0].from[0].source.principalz',
    ]);
    expect(pruned).toEqual({
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'x', namespace: 'a', labels: { a: 'b' } },
      spec: { action: 'ALLOW', rules: [{ from: [{ source: {} }] }] },
      status: { anything: { goes: true } },
    });
  });

  it('keeps map values declared with additionalProperties', () => {
    const { unknown } = registry.prune({
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'x' },
      spec: {
        selector: { matchLabels: { app: 'a' } },
        portLevelMtls: { '8080': { mode: 'STRICT' } },
      },
    });
    expect(unknown).toEqual([]);
  });
});

describe('CrdRegistry.withDefaults', () => {
  const registry = CrdRegistry.fromFiles(upstreamCrdPaths());

  it('applies the Gateway API schema defaults to absent fields only', () => {
    const gateway = registry.withDefaults({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'waypoint' },
      spec: {
        gatewayClassName: 'istio-waypoint',
        listeners: [
          { name: 'mesh', port: 15008, protocol: 'HBONE' },
          {
            name: 'all',
            port: 80,
            protocol: 'HTTP',
            allowedRoutes: { namespaces: { from: 'All' } },
          },
        ],
      },
    }) as any;
    expect(gateway.spec.listeners[0].allowedRoutes).toEqual({
      namespaces: { from: 'Same' },
    });
    expect(gateway.spec.listeners[1].allowedRoutes).toEqual({
      namespaces: { from: 'All' },
    });
    expect(gateway.metadata).toEqual({ name: 'waypoint' });

    const route = registry.withDefaults({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'r' },
      spec: {
        parentRefs: [{ name: 'gw' }],
        rules: [{ backendRefs: [{ name: 's', port: 80 }] }],
      },
    }) as any;
    expect(route.spec.parentRefs[0]).toMatchObject({
      name: 'gw',
      group: 'gateway.networking.k8s.io',
      kind: 'Gateway',
    });
    expect(registry.validate(route)).toEqual([]);
  });
});
