import { execFile } from 'node:child_process';
import fs from 'node:fs';
import * as k8s from '@kubernetes/client-node';
import { startRealCluster, type RealCluster } from './startRealCluster';
import { isProcessAlive } from './processState';

// real etcd + kube-apiserver processes and ~30 CRDs on a shared 2-core machine
jest.setTimeout(120_000);

function kubectl(
  kubeconfig: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(
      'kubectl',
      ['--kubeconfig', kubeconfig, ...args],
      { timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number((error as any).code ?? 1) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

function clientFor(kubeconfigYaml: string) {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(kubeconfigYaml);
  return {
    core: kc.makeApiClient(k8s.CoreV1Api),
    rbac: kc.makeApiClient(k8s.RbacAuthorizationV1Api),
    ext: kc.makeApiClient(k8s.ApiextensionsV1Api),
  };
}

describe('startRealCluster', () => {
  let cluster: RealCluster;
  const pidsSeen = new Set<number>();

  beforeAll(async () => {
    cluster = await startRealCluster();
    cluster.pids().forEach(p => pidsSeen.add(p));
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it('serves kubectl over TLS with the admin kubeconfig', async () => {
    expect(cluster.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(fs.statSync(cluster.kubeconfigPath).mode & 0o777).toBe(0o600);
    const res = await kubectl(cluster.kubeconfigPath, [
      'get',
      'ns',
      '-o',
      'name',
    ]);
    expect(res.stderr).toBe('');
    expect(res.stdout.split('\n')).toEqual(
      expect.arrayContaining(['namespace/default', 'namespace/kube-system']),
    );
    const whoami = await kubectl(cluster.kubeconfigPath, [
      'auth',
      'whoami',
      '-o',
      'jsonpath={.status.userInfo.groups}',
    ]);
    expect(JSON.parse(whoami.stdout)).toContain('system:masters');
  });

  it('has the pinned Istio and Gateway API CRDs installed and Established', async () => {
    const { ext } = clientFor(cluster.kubeconfig());
    const crds = await ext.listCustomResourceDefinition();
    const names = crds.items.map(c => c.metadata!.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'authorizationpolicies.security.istio.io',
        'peerauthentications.security.istio.io',
        'gateways.gateway.networking.k8s.io',
        'tlsroutes.gateway.networking.k8s.io',
      ]),
    );
    for (const crd of crds.items) {
      expect(
        crd.status?.conditions?.find(c => c.type === 'Established')?.status,
      ).toBe('True');
    }
    const res = await kubectl(cluster.kubeconfigPath, [
      'get',
      'authorizationpolicies',
      '-A',
    ]);
    expect(res.code).toBe(0);
  });

  it('issues TokenRequest tokens for a ServiceAccount, which RBAC limits to what a Role grants', async () => {
    const token = await cluster.token({ namespace: 'team-a', name: 'reader' });
    const reader = clientFor(cluster.kubeconfig(token));
    const admin = clientFor(cluster.kubeconfig());

    // no binding yet: authenticated as the ServiceAccount, denied by RBAC
    await expect(
      reader.core.listNamespacedPod({ namespace: 'team-a' }),
    ).rejects.toMatchObject({ code: 403 });
    const whoami = await kubectl(cluster.kubeconfigPath, [
      '--token',
      token,
      'auth',
      'whoami',
      '-o',
      'jsonpath={.status.userInfo.username}',
    ]);
    expect(whoami.stdout).toBe('system:serviceaccount:team-a:reader');

    await admin.rbac.createNamespacedRole({
      namespace: 'team-a',
      body: {
        metadata: { name: 'pod-reader' },
        rules: [
          { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
        ],
      },
    });
    await admin.rbac.createNamespacedRoleBinding({
      namespace: 'team-a',
      body: {
        metadata: { name: 'pod-reader' },
        roleRef: {
          apiGroup: 'rbac.authorization.k8s.io',
          kind: 'Role',
          name: 'pod-reader',
        },
        subjects: [
          { kind: 'ServiceAccount', name: 'reader', namespace: 'team-a' },
        ],
      },
    });
    const pods = await reader.core.listNamespacedPod({ namespace: 'team-a' });
    expect(pods.items).toEqual([]);
    await expect(
      reader.core.listNamespacedPod({ namespace: 'default' }),
    ).rejects.toMatchObject({ code: 403 });
    await expect(
      reader.core.createNamespacedConfigMap({
        namespace: 'team-a',
        body: { metadata: { name: 'x' } },
      }),
    ).rejects.toMatchObject({ code: 403 });
    await expect(reader.core.listNamespace()).rejects.toMatchObject({
      code: 403,
    });
  });

  it('keeps the data across an apiserver restart on the same URL', async () => {
    const admin = clientFor(cluster.kubeconfig());
    await admin.core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'survives-restart' }, data: { a: '1' } },
    });
    const url = cluster.url;
    await cluster.restartApiServer();
    cluster.pids().forEach(p => pidsSeen.add(p));
    expect(cluster.url).toBe(url);
    const cm = await clientFor(
      cluster.kubeconfig(),
    ).core.readNamespacedConfigMap({
      namespace: 'default',
      name: 'survives-restart',
    });
    expect(cm.data).toEqual({ a: '1' });
  });

  it('compacts etcd: once the watch cache restarts, an older resourceVersion answers 410 Expired', async () => {
    const admin = clientFor(cluster.kubeconfig());
    const before = await admin.core.listNamespacedConfigMap({
      namespace: 'default',
    });
    const oldVersion = before.metadata!.resourceVersion!;
    await admin.core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'after' } },
    });
    const revision = await cluster.compact();
    expect(revision).toBeGreaterThan(Number(oldVersion));
    // the running apiserver still answers from its watch cache; a fresh one must ask etcd
    await cluster.restartApiServer();
    cluster.pids().forEach(p => pidsSeen.add(p));
    await expect(
      admin.core.listNamespacedConfigMap({
        namespace: 'default',
        resourceVersion: oldVersion,
        resourceVersionMatch: 'Exact',
      }),
    ).rejects.toMatchObject({
      code: 410,
      body: expect.stringContaining('"reason":"Expired"'),
    });
  });

  it('stops every process it started', async () => {
    const pids = [...pidsSeen];
    expect(pids.length).toBeGreaterThanOrEqual(5); // etcd, three apiservers, the watchdog
    expect(pids.filter(isProcessAlive).length).toBeGreaterThan(0);
    await cluster.stop();
    // the watchdog's group is killed, not waited for: allow the kernel a moment
    for (let i = 0; i < 50 && pids.some(isProcessAlive); i++)
      await new Promise(r => setTimeout(r, 100));
    expect(pids.filter(isProcessAlive)).toEqual([]);
  });
});
