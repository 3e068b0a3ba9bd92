/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "same"] }] -- same() asserts */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { runKubectl } from '../kubectl';
import { clients, kubeSimTarget, realTarget, type Target } from './targets';

// two servers (one real etcd + kube-apiserver) on a shared 2-core machine
jest.setTimeout(180_000);

const METADATA_LIST =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';
const METADATA = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1';

const pod = (name: string, ns: string, labels: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels },
  spec: { containers: [{ name: 'main', image: 'busybox' }] },
  status: { phase: 'Running' },
});
const ap = (name: string, ns: string, action = 'ALLOW') => ({
  apiVersion: 'security.istio.io/v1',
  kind: 'AuthorizationPolicy',
  metadata: { name, namespace: ns },
  spec: { action },
});
const AP = {
  group: 'security.istio.io',
  version: 'v1',
  plural: 'authorizationpolicies',
};

const service = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'team-a' },
  spec,
});
const PORT_80 = [{ port: 80 }];

/** Status code, reason, message and causes of a write (the created object's ClusterIPs when it succeeds). */
async function answer(call: Promise<k8s.V1Service>) {
  let created: k8s.V1Service | undefined;
  const f = await failure(
    call.then(s => {
      created = s;
    }),
  );
  if (created)
    return {
      code: 'created',
      clusterIPs: created.spec?.clusterIPs,
      ports: created.spec?.ports,
    };
  return {
    code: f.code,
    reason: f.body.reason,
    message: f.body.message,
    causes: f.body.details?.causes,
  };
}

/** {@link answer} to creating Service `name` in team-a. */
const createService = (
  t: Target,
  name: string,
  spec: Record<string, unknown>,
  dryRun?: string,
) =>
  answer(
    clients(t).core.createNamespacedService({
      namespace: 'team-a',
      dryRun,
      body: service(name, spec),
    }),
  );

/** A dotted IPv4 address inside the launcher's `--service-cluster-ip-range=10.96.0.0/12`, as a host address. */
const inServiceRange = (ip: string) => {
  const [a, b, c, d] = ip.split('.').map(Number);
  return a === 10 && b >= 96 && b <= 111 && !(b === 96 && c === 0 && d === 0);
};

/** The Status body of a rejected client-node call. */
async function failure(
  call: Promise<unknown>,
): Promise<{ code: number; body: any }> {
  const error: any = await call.then(
    () => ({ code: 0, body: 'succeeded' }),
    e => e,
  );
  if (!(error instanceof k8s.ApiException)) return error;
  return {
    code: error.code,
    body: typeof error.body === 'string' ? JSON.parse(error.body) : error.body,
  };
}

/** kubectl against a target, with a kubeconfig of its own in `dir`. */
function kubectl(target: Target, dir: string, args: string[], stdin?: string) {
  const kubeconfig = path.join(dir, target.name, 'kubeconfig');
  if (!fs.existsSync(kubeconfig)) {
    fs.mkdirSync(path.dirname(kubeconfig), { recursive: true });
    fs.writeFileSync(kubeconfig, target.kubeconfig(), { mode: 0o600 });
  }
  return runKubectl(kubeconfig, args, stdin);
}

describe('kube-sim against a real kube-apiserver: same answers to the client-node and kubectl cases', () => {
  let sim: Target;
  let real: Target;
  let dir: string;
  const both = () => [sim, real];

  /** Runs a probe on both servers and expects the same observation. */
  async function same<T>(probe: (t: Target) => Promise<T>): Promise<T> {
    const [onSim, onReal] = [await probe(sim), await probe(real)];
    expect({ 'kube-sim': onSim }).toEqual({ 'kube-sim': onReal });
    return onReal;
  }

  beforeAll(async () => {
    [sim, real] = [await kubeSimTarget(), await realTarget()];
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mesh-differential-'));
    const objects: any[] = [
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'team-a', labels: { 'istio-injection': 'enabled' } },
      },
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: 'team-b',
          labels: { 'istio.io/dataplane-mode': 'ambient' },
        },
      },
    ];
    for (let i = 0; i < 7; i++) {
      objects.push(
        pod(`p${i}`, i < 4 ? 'team-a' : 'team-b', {
          app: i % 2 ? 'odd' : 'even',
          tier: `t${i}`,
        }),
      );
    }
    for (const t of both()) await t.seed(objects);
  });
  afterAll(async () => {
    await sim?.stop();
    await real?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('list with equality, set-based and field selectors', async () => {
    const seen = await same(async t => {
      const { core } = clients(t);
      const names = (l: { items: any[] }) => l.items.map(i => i.metadata.name);
      return {
        odd: names(
          await core.listNamespacedPod({
            namespace: 'team-a',
            labelSelector: 'app=odd',
          }),
        ),
        setBased: names(
          await core.listPodForAllNamespaces({
            labelSelector: 'tier in (t0,t5),app!=odd',
          }),
        ),
        byField: names(
          await core.listPodForAllNamespaces({
            fieldSelector: 'metadata.namespace=team-b,metadata.name!=p4',
          }),
        ),
        exists: names(
          await core.listNamespace({
            labelSelector: 'istio.io/dataplane-mode',
          }),
        ),
      };
    });
    expect(seen.odd).toEqual(['p1', 'p3']);
  });

  it('malformed label selector: 400 BadRequest', async () => {
    const seen = await same(async t => {
      const f = await failure(
        clients(t).core.listPodForAllNamespaces({ labelSelector: 'app in (a' }),
      );
      return { code: f.code, reason: f.body.reason, message: f.body.message };
    });
    expect(seen.code).toBe(400);
  });

  it('pages with limit and continue (remainingItemCount, order)', async () => {
    const seen = await same(async t => {
      const { core } = clients(t);
      const names: string[] = [];
      const remaining: Array<number | undefined> = [];
      let token: string | undefined;
      do {
        const page = await core.listPodForAllNamespaces({
          limit: 3,
          _continue: token,
        });
        names.push(
          ...page.items.map(
            p => `${p.metadata?.namespace}/${p.metadata?.name}`,
          ),
        );
        remaining.push(page.metadata?.remainingItemCount);
        token = page.metadata?._continue;
      } while (token);
      return { names, remaining };
    });
    expect(seen.remaining).toEqual([4, 1, undefined]);
  });

  it('custom resources: generation, version conversion, stale update 409 Conflict', async () => {
    const seen = await same(async t => {
      const { custom } = clients(t);
      const created: any = await custom.createNamespacedCustomObject({
        ...AP,
        namespace: 'team-a',
        body: ap('allow-owner', 'team-a'),
      });
      const merged: any = await custom.patchNamespacedCustomObject(
        {
          ...AP,
          namespace: 'team-a',
          name: 'allow-owner',
          body: { spec: { action: 'DENY' } },
        },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
      );
      const labelled: any = await custom.patchNamespacedCustomObject({
        ...AP,
        version: 'v1beta1',
        namespace: 'team-a',
        name: 'allow-owner',
        body: [
          { op: 'add', path: '/metadata/labels', value: { owner: 'alice' } },
        ],
      });
      const stale = await failure(
        custom.replaceNamespacedCustomObject({
          ...AP,
          namespace: 'team-a',
          name: 'allow-owner',
          body: {
            ...ap('allow-owner', 'team-a'),
            metadata: { ...created.metadata },
          },
        }),
      );
      return {
        generations: [
          created.metadata.generation,
          merged.metadata.generation,
          labelled.metadata.generation,
        ],
        rvGrows:
          Number(merged.metadata.resourceVersion) >
          Number(created.metadata.resourceVersion),
        apiVersion: labelled.apiVersion,
        stale: {
          code: stale.code,
          reason: stale.body.reason,
          message: stale.body.message,
        },
      };
    });
    expect(seen.generations).toEqual([1, 2, 2]);
  });

  it('an invalid custom resource: 422 Invalid with causes', async () => {
    const seen = await same(async t => {
      const f = await failure(
        clients(t).custom.createNamespacedCustomObject({
          ...AP,
          namespace: 'team-a',
          body: ap('bad', 'team-a', 'FOO'),
        }),
      );
      const { kind, status, reason, code, message, details } = f.body;
      return {
        httpCode: f.code,
        kind,
        status,
        reason,
        code,
        message,
        causes: details?.causes,
      };
    });
    expect(seen.httpCode).toBe(422);
  });

  it('404 NotFound and 409 AlreadyExists Status bodies', async () => {
    await same(async t => {
      const { core } = clients(t);
      const pick = (f: { code: number; body: any }) => ({
        code: f.code,
        reason: f.body.reason,
        message: f.body.message,
        details: f.body.details,
      });
      return {
        missing: pick(
          await failure(
            core.readNamespacedPod({ name: 'nope', namespace: 'team-a' }),
          ),
        ),
        duplicate: pick(
          await failure(
            core.createNamespace({ body: { metadata: { name: 'team-a' } } }),
          ),
        ),
        noNamespace: pick(
          await failure(
            core.createNamespacedPod({
              namespace: 'ghost',
              body: pod('x', 'ghost', {}) as any,
            }),
          ),
        ),
      };
    });
  });

  it('metadata-only lists and gets (PartialObjectMetadata)', async () => {
    await same(async t => {
      const list = await t.admin.request(
        'GET',
        '/api/v1/pods?limit=2',
        undefined,
        10_000,
        { accept: METADATA_LIST },
      );
      const one = await t.admin.request(
        'GET',
        '/api/v1/namespaces/team-a/pods/p1',
        undefined,
        10_000,
        { accept: METADATA },
      );
      return {
        list: {
          kind: list.body.kind,
          apiVersion: list.body.apiVersion,
          hasContinue: !!list.body.metadata.continue,
        },
        items: list.body.items.map((i: any) => ({
          keys: Object.keys(i).sort(),
          kind: i.kind,
          name: i.metadata.name,
        })),
        one: {
          keys: Object.keys(one.body).sort(),
          kind: one.body.kind,
          name: one.body.metadata.name,
        },
      };
    });
  });

  it('watch from a resourceVersion: ADDED, MODIFIED, DELETED in order', async () => {
    const seen = await same(async t => {
      const { core, kc } = clients(t);
      const start = (
        await core.listNamespacedConfigMap({ namespace: 'team-a' })
      ).metadata!.resourceVersion!;
      const events: string[] = [];
      const req = await new k8s.Watch(kc).watch(
        '/api/v1/namespaces/team-a/configmaps',
        { resourceVersion: start },
        (type, obj) => {
          if (obj.metadata.name === 'cm1')
            events.push(`${type} ${obj.data?.k ?? ''}`);
        },
        () => undefined,
      );
      await core.createNamespacedConfigMap({
        namespace: 'team-a',
        body: { metadata: { name: 'cm1' }, data: { k: '1' } },
      });
      await core.replaceNamespacedConfigMap({
        namespace: 'team-a',
        name: 'cm1',
        body: { metadata: { name: 'cm1' }, data: { k: '2' } },
      });
      await core.deleteNamespacedConfigMap({
        namespace: 'team-a',
        name: 'cm1',
      });
      for (let i = 0; i < 200 && events.length < 3; i++)
        await new Promise(r => setTimeout(r, 25));
      req.abort();
      return events;
    });
    expect(seen).toEqual(['ADDED 1', 'MODIFIED 2', 'DELETED 2']);
  });

  it('401 without a valid token, 403 with the RBAC message for a limited one', async () => {
    await same(async t => {
      const anonymous = new k8s.KubeConfig();
      anonymous.loadFromString(t.kubeconfig('not-a-valid-token'));
      const unauthorized = await failure(
        anonymous.makeApiClient(k8s.CoreV1Api).listNamespace(),
      );
      const reader = clients(t, t.readerToken).core;
      const allowed = (await reader.listNamespacedPod({ namespace: 'team-a' }))
        .items.length;
      const user = (s: string) => s.split(t.readerUser).join('<reader>');
      const all = await failure(reader.listPodForAllNamespaces());
      const named = await failure(
        reader.deleteNamespacedPod({ name: 'x', namespace: 'team-a' }),
      );
      return {
        unauthorized: unauthorized.body,
        allowed,
        cluster: {
          code: all.code,
          reason: all.body.reason,
          message: user(all.body.message),
        },
        named: {
          code: named.code,
          reason: named.body.reason,
          message: user(named.body.message),
        },
      };
    });
  });

  it('discovery: the Istio group and its resources', async () => {
    await same(async t => {
      const groups = await clients(t).apis.getAPIVersions();
      const istio = groups.groups.find(g => g.name === 'security.istio.io')!;
      const resources = await t.admin.request(
        'GET',
        '/apis/security.istio.io/v1',
      );
      return {
        versions: istio.versions.map(v => v.groupVersion),
        preferred: istio.preferredVersion?.groupVersion,
        resources: resources.body.resources
          .map((r: any) => ({
            name: r.name,
            namespaced: r.namespaced,
            kind: r.kind,
            verbs: [...(r.verbs ?? [])].sort(),
            shortNames: r.shortNames,
            categories: r.categories,
          }))
          .sort((a: any, b: any) => a.name.localeCompare(b.name)),
      };
    });
  });

  it('kubectl get namespaces and authorizationpolicies: table columns', async () => {
    await same(async t => {
      const ns = await kubectl(t, dir, [
        'get',
        'namespaces',
        'team-a',
        'team-b',
      ]);
      const aps = await kubectl(t, dir, ['get', 'ap', '-n', 'team-a']);
      const header = (s: string) => s.split('\n')[0].split(/\s+/);
      return {
        ns: { code: ns.code, header: header(ns.stdout) },
        ap: { code: aps.code, header: header(aps.stdout) },
      };
    });
  });

  it('kubectl apply of an unknown field: strict field validation error', async () => {
    await same(async t => {
      const res = await kubectl(
        t,
        dir,
        ['apply', '-f', '-'],
        JSON.stringify({
          ...ap('unknown-field', 'team-a'),
          spec: { action: 'ALLOW', bogus: 1 },
        }),
      );
      return { code: res.code, stderr: res.stderr.trim() };
    });
  });

  it('Service clusterIP that is no IP, outside the Service range, IPv6 or not matching clusterIPs: 422 Invalid', async () => {
    const seen = await same(async t => {
      const create = (name: string, spec: Record<string, unknown>) =>
        createService(t, name, { ports: PORT_80, ...spec });
      return {
        notAnIp: await create('ip-not-an-ip', { clusterIP: 'foo' }),
        outside: await create('ip-outside', { clusterIP: '192.168.1.1' }),
        network: await create('ip-network', { clusterIP: '10.96.0.0' }),
        broadcast: await create('ip-broadcast', {
          clusterIP: '10.111.255.255',
        }),
        ipv6: await create('ip-v6', { clusterIP: 'fd00::1' }),
        mismatch: await create('ip-mismatch', {
          clusterIP: '10.96.0.51',
          clusterIPs: ['10.96.0.52'],
        }),
        pluralOnly: await create('ip-plural-only', {
          clusterIPs: ['10.96.0.53'],
        }),
        pluralNotAnIp: await create('ip-plural-bad', { clusterIPs: ['bar'] }),
        // the ClusterIP is checked first: the bad port is not reported
        notAnIpBadPort: await createService(t, 'ip-and-port', {
          clusterIP: 'nope',
          ports: [{ port: 0, protocol: 'X' }],
        }),
      };
    });
    expect(seen.notAnIp.code).toBe(422);
    expect(seen.outside.causes).toEqual([
      expect.objectContaining({ field: 'spec.clusterIPs' }),
    ]);
  });

  it('Service clusterIP already held by another Service: 422 "provided IP is already allocated" (a dry run checks the range only)', async () => {
    const seen = await same(async t => {
      const { core } = clients(t);
      const create = (
        name: string,
        dryRun?: string,
        clusterIP = '10.96.0.50',
      ) => createService(t, name, { clusterIP, ports: PORT_80 }, dryRun);
      const first = await create('ip-first');
      const taken = await create('ip-taken');
      const takenDryRun = await create('ip-taken-dry', 'All');
      const outsideDryRun = await create('ip-outside-dry', 'All', '10.0.0.1');
      await core.deleteNamespacedService({
        namespace: 'team-a',
        name: 'ip-first',
      });
      const afterDelete = await create('ip-reused');
      return { first, taken, takenDryRun, outsideDryRun, afterDelete };
    });
    expect(seen.taken.message).toContain('provided IP is already allocated');
    expect(seen.afterDelete.code).toBe('created');
  });

  it('Service without clusterIP gets a unique one from the Service range; headless keeps None; an update may leave it out', async () => {
    const seen = await same(async t => {
      const { core } = clients(t);
      const create = (name: string, spec: Record<string, unknown>) =>
        core.createNamespacedService({
          namespace: 'team-a',
          body: service(name, spec),
        });
      const a = await create('alloc-a', { ports: PORT_80 });
      const b = await create('alloc-b', {
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      });
      const headless = await create('alloc-headless', { clusterIP: 'None' });
      const kept = await core.replaceNamespacedService({
        namespace: 'team-a',
        name: 'alloc-a',
        body: {
          ...service('alloc-a', { ports: [{ port: 81 }] }),
          metadata: a.metadata,
        },
      });
      const ip = (s: k8s.V1Service) => s.spec!.clusterIP!;
      return {
        inRange: [a, b].map(s => inServiceRange(ip(s))),
        pluralMatches: [a, b].map(s => s.spec!.clusterIPs?.[0] === ip(s)),
        unique: ip(a) !== ip(b),
        ports: [a.spec!.ports, b.spec!.ports],
        headless: headless.spec!.clusterIPs,
        keptAfterUpdate: ip(kept) === ip(a),
        updatedPorts: kept.spec!.ports,
      };
    });
    expect(seen.inRange).toEqual([true, true]);
    expect(seen.keptAfterUpdate).toBe(true);
  });

  it('Service clusterIP is immutable: an update changing clusterIP, clusterIPs or to None: 422 Invalid', async () => {
    const seen = await same(async t => {
      const { core } = clients(t);
      const created = await core.createNamespacedService({
        namespace: 'team-a',
        body: service('immutable', { clusterIP: '10.96.0.70', ports: PORT_80 }),
      });
      const replace = (spec: Record<string, unknown>) =>
        answer(
          core.replaceNamespacedService({
            namespace: 'team-a',
            name: 'immutable',
            body: {
              ...service('immutable', { ports: PORT_80, ...spec }),
              metadata: created.metadata,
            },
          }),
        );
      return {
        both: await replace({
          clusterIP: '10.96.0.77',
          clusterIPs: ['10.96.0.77'],
        }),
        singular: await replace({
          clusterIP: '10.96.0.77',
          clusterIPs: ['10.96.0.70'],
        }),
        plural: await replace({
          clusterIP: '10.96.0.70',
          clusterIPs: ['10.96.0.77'],
        }),
        headless: await replace({ clusterIP: 'None', clusterIPs: ['None'] }),
      };
    });
    expect(seen.both.causes).toEqual([
      expect.objectContaining({
        field: 'spec.clusterIPs[0]',
        message: 'Invalid value: ["10.96.0.77"]: may not change once set',
      }),
    ]);
  });

  it('Service ports: required unless headless, 1-65535, names required and unique when several, protocols, duplicates', async () => {
    const seen = await same(async t => {
      const create = (name: string, spec: Record<string, unknown>) =>
        createService(t, name, spec);
      return {
        none: await create('ports-none', {}),
        noneWithIp: await create('ports-none-ip', { clusterIP: '10.96.0.60' }),
        headless: await create('ports-headless', { clusterIP: 'None' }),
        zero: await create('ports-zero', { ports: [{ port: 0 }] }),
        tooHigh: await create('ports-high', { ports: [{ port: 70000 }] }),
        unnamed: await create('ports-unnamed', {
          ports: [{ port: 80 }, { port: 81 }],
        }),
        sameName: await create('ports-same-name', {
          ports: [
            { name: 'http', port: 80 },
            { name: 'http', port: 81 },
          ],
        }),
        badName: await create('ports-bad-name', {
          ports: [{ name: 'HTTP_x', port: 80 }],
        }),
        samePort: await create('ports-same-port', {
          ports: [
            { name: 'a', port: 80 },
            { name: 'b', port: 80 },
          ],
        }),
        udpAndTcp: await create('ports-udp-tcp', {
          clusterIP: '10.96.0.61',
          ports: [
            { name: 'dns', port: 53, protocol: 'UDP' },
            { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          ],
        }),
        protocol: await create('ports-protocol', {
          ports: [{ port: 80, protocol: 'tcp' }],
        }),
        type: await create('ports-type', { type: 'Foo', ports: PORT_80 }),
        nameAndPorts: await create('Bad.Name', {}),
        externalName: await create('ports-external', {
          type: 'ExternalName',
          externalName: 'api.example.com',
        }),
      };
    });
    expect(seen.none.causes).toEqual([
      {
        reason: 'FieldValueRequired',
        message: 'Required value',
        field: 'spec.ports',
      },
    ]);
    expect(seen.headless.code).toBe('created');
  });

  it('Service targetPort: a number in 1-65535 or an IANA port name; omitted or 0 means the port', async () => {
    const seen = await same(async t => {
      const create = (name: string, targetPort: unknown, clusterIP: string) =>
        createService(t, name, {
          clusterIP,
          ports: [{ port: 80, targetPort }],
        });
      return {
        zero: await create('target-zero', 0, '10.96.0.80'),
        tooHigh: await create('target-high', 70000, '10.96.0.81'),
        badChars: await create('target-bad-chars', 'Bad_Name', '10.96.0.82'),
        tooLong: await create('target-long', 'abcdefghijklmnop', '10.96.0.83'),
        digitsOnly: await create('target-digits', '8080', '10.96.0.84'),
        hyphens: await create('target-hyphens', '-a--b-', '10.96.0.85'),
        name: await create('target-name', 'http', '10.96.0.86'),
      };
    });
    expect(seen.name.code).toBe('created');
    expect(seen.digitsOnly.code).toBe(422);
  });
});

describe('kube-sim against a real kube-apiserver: the differences kube-sim keeps (listed in its README)', () => {
  let sim: Target;
  let real: Target;

  beforeAll(async () => {
    [sim, real] = [await kubeSimTarget(), await realTarget()];
    for (const t of [sim, real]) {
      await t.seed([
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
      ]);
    }
  });
  afterAll(async () => {
    await sim?.stop();
    await real?.stop();
  });

  it('CEL rules: only the real server rejects an AuthorizationPolicy with both selector and targetRefs', async () => {
    const both = (t: Target) =>
      failure(
        clients(t).custom.createNamespacedCustomObject({
          ...AP,
          namespace: 'team-a',
          body: {
            ...ap('selector-and-target', 'team-a'),
            spec: {
              action: 'ALLOW',
              selector: { matchLabels: { app: 'x' } },
              targetRefs: [
                {
                  group: 'gateway.networking.k8s.io',
                  kind: 'Gateway',
                  name: 'waypoint',
                },
              ],
            },
          },
        }),
      );
    const onReal = await both(real);
    expect(onReal.code).toBe(422);
    expect(onReal.body.message).toContain(
      'only one of targetRefs or selector can be set',
    );
    expect((await both(sim)).code).toBe(0); // accepted: kube-sim evaluates no CEL rule
  });

  it('headless Service: only the real server defaults dual-stack IP families, so giving it a ClusterIP later fails differently', async () => {
    const toClusterIp = async (t: Target) => {
      const { core } = clients(t);
      const created = await core.createNamespacedService({
        namespace: 'team-a',
        body: service('headless', { clusterIP: 'None' }),
      });
      return answer(
        core.replaceNamespacedService({
          namespace: 'team-a',
          name: 'headless',
          body: {
            ...service('headless', {
              clusterIP: '10.96.0.90',
              clusterIPs: ['10.96.0.90'],
              ports: PORT_80,
            }),
            metadata: created.metadata,
          },
        }),
      );
    };
    const [onReal, onSim] = [await toClusterIp(real), await toClusterIp(sim)];
    expect(onReal.code).toBe(422);
    expect(onReal.causes).toEqual([
      expect.objectContaining({
        field: 'spec.ipFamilyPolicy',
        message: expect.stringContaining(
          'this cluster is not configured for dual-stack services',
        ),
      }),
    ]);
    expect(onSim.code).toBe(422);
    expect(onSim.causes).toEqual([
      expect.objectContaining({
        field: 'spec.clusterIPs[0]',
        message: 'Invalid value: ["10.96.0.90"]: may not change once set',
      }),
    ]);
  });

  it('protobuf: only the real server answers a protobuf-only Accept for a built-in type', async () => {
    const protobuf = (t: Target) =>
      t.admin.request('GET', '/api/v1/namespaces', undefined, 10_000, {
        accept: 'application/vnd.kubernetes.protobuf',
      });
    expect((await protobuf(real)).status).toBe(200);
    expect((await protobuf(sim)).status).toBe(406);
  });
});
