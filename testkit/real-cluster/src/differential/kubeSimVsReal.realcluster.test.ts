/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "same"] }] -- same() asserts */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as k8s from '@kubernetes/client-node';
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

function kubectl(target: Target, dir: string, args: string[], stdin?: string) {
  const kubeconfig = path.join(dir, `${target.name}.kubeconfig`);
  if (!fs.existsSync(kubeconfig))
    fs.writeFileSync(kubeconfig, target.kubeconfig(), { mode: 0o600 });
  return new Promise<{ code: number; stdout: string; stderr: string }>(
    resolve => {
      const child = execFile(
        'kubectl',
        [
          '--kubeconfig',
          kubeconfig,
          '--cache-dir',
          path.join(dir, `${target.name}-cache`),
          ...args,
        ],
        { timeout: 60_000, env: { PATH: process.env.PATH ?? '', HOME: dir } },
        (error, stdout, stderr) =>
          resolve({
            code: error ? Number((error as any).code ?? 1) : 0,
            stdout,
            stderr,
          }),
      );
      if (stdin !== undefined) child.stdin!.end(stdin);
    },
  );
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
});
