import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
// test-only devDependencies (node-libraries), never used by the library itself
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { startKubeSim, type KubeSim } from '@kf-mesh/kube-sim';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import {
  runKubectl as kubectl,
  startRealCluster,
  type RealCluster,
} from '@kf-mesh/real-cluster';
import { requestMatrix } from '../__fixtures__/requests';
import { planOnboarding } from '../plan/planOnboarding';
import type { PlannedDeletion } from '../plan/types';
import { renderPlan } from './renderPlan';

// real etcd + kube-apiserver processes, kubectl per step, on a shared 2-core machine
jest.setTimeout(180_000);

/** `kind.version.group` (or the lower-case kind for the core group): how kubectl names a type unambiguously. */
function resourceArg(d: PlannedDeletion): string {
  const [group, version] = d.apiVersion.includes('/')
    ? d.apiVersion.split('/')
    : ['', d.apiVersion];
  return group
    ? `${d.kind.toLowerCase()}.${version}.${group}`
    : d.kind.toLowerCase();
}

/** kubectl notes that are expected and harmless (every other stderr line fails the test). */
const KNOWN_NOTES = [
  // kubectl 1.32's kustomize: the rendered sortOptions win over its default --reorder
  /Sorting order is set both in 'kustomization.yaml'/,
  // the first apply to a namespace the profile controller created (not declaratively)
  /^Warning: resource namespaces\/[a-z0-9-]+ is missing the kubectl.kubernetes.io\/last-applied-configuration annotation/,
];

const cases = requestMatrix().map(
  (r, i) =>
    [
      `${i}: ${r.currentMode ?? 'unknown'}->${r.targetMode} KFP ${
        r.options!.kfpVersion
      }`,
      r,
    ] as const,
);

describe('rendered plans on a real kube-apiserver (kubectl apply -k, server-side validation incl. CEL)', () => {
  let cluster: RealCluster;
  let dir: string;

  beforeAll(async () => {
    cluster = await startRealCluster();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mesh-plans-'));
    // a plan onboards an existing profile namespace (the profile controller made it): its Namespace
    // document only patches labels and is applied last, after the policies that go into the namespace
    const namespaces = new Set(requestMatrix().map(r => r.namespace));
    for (const ns of namespaces) {
      const created = await kubectl(cluster.kubeconfigPath, [
        'create',
        'namespace',
        ns,
      ]);
      if (created.code !== 0)
        throw new Error(`creating namespace ${ns}: ${created.stderr}`);
    }
  });
  afterAll(async () => {
    await cluster?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(cases)(
    '%s: applies in the migration guide order, then its deletions go through',
    async (name, request) => {
      const plan = planOnboarding(request);
      const planDir = path.join(dir, name.replace(/[^a-z0-9.-]+/gi, '_'));
      fs.mkdirSync(planDir);
      for (const file of renderPlan(plan).files)
        fs.writeFileSync(path.join(planDir, file.path), file.content);
      // the policies the ambient plan deletes exist before it (the profile controller, KFAM or an earlier plan made them)
      const ambient = plan.transition.to === 'ambient';
      for (const d of ambient ? plan.deletions : []) {
        const made = await kubectl(
          cluster.kubeconfigPath,
          ['apply', '-f', '-'],
          stringify({
            apiVersion: d.apiVersion,
            kind: d.kind,
            metadata: { name: d.name, namespace: d.namespace },
            spec: {},
          }),
        );
        expect(made.code).toBe(0);
      }

      const applied = await kubectl(cluster.kubeconfigPath, [
        'apply',
        '-k',
        planDir,
      ]);
      const problems = applied.stderr
        .split('\n')
        .filter(l => l && !KNOWN_NOTES.some(note => note.test(l)));
      expect(problems).toEqual([]);
      expect(applied.code).toBe(0);
      for (const planned of plan.objects) {
        const { kind, metadata } = planned.object;
        expect(applied.stdout).toMatch(
          new RegExp(`/${metadata.name} (created|configured|unchanged)`),
        );
        const got = await kubectl(cluster.kubeconfigPath, [
          'get',
          resourceArg({
            ...planned.object,
            ...metadata,
            namespace: metadata.namespace ?? '',
            reason: '',
            ifPresent: false,
          }),
          metadata.name,
          ...(metadata.namespace ? ['-n', metadata.namespace] : []),
          '-o',
          'jsonpath={.kind}',
        ]);
        expect(got.stdout).toBe(kind);
      }
      // istio.io/latest/docs/ambient/migrate/enable-ambient-mode/: the waypoint and its policies exist before the
      // labels activate it; kubectl reports the objects in the order it applied them
      const line = (re: RegExp) =>
        applied.stdout.split('\n').findIndex(l => re.test(l));
      const namespaceLine = line(/^namespace\//);
      expect(namespaceLine).toBeGreaterThanOrEqual(0);
      for (const planned of ambient ? plan.objects : []) {
        expect(
          line(new RegExp(`/${planned.object.metadata.name} `)),
        ).toBeLessThan(namespaceLine);
      }
      const ns = await kubectl(cluster.kubeconfigPath, [
        'get',
        'ns',
        plan.input.namespace,
        '-o',
        'json',
      ]);
      const labels = JSON.parse(ns.stdout).metadata.labels;
      expect(labels).toMatchObject(plan.namespaceLabels.set);
      for (const key of plan.namespaceLabels.remove)
        expect(labels).not.toHaveProperty(key);

      // the ambient plan's own post-merge command, run after the restarts (docs/mesh-semantics.md#a1-order);
      // the sidecar-strict plan has none, its deletions are run one by one
      const deleteAction = plan.postMerge.find(
        a => a.id === 'delete-sidecar-era-policies',
      );
      expect(deleteAction !== undefined).toBe(
        ambient && plan.deletions.length > 0,
      );
      const commands = deleteAction
        ? deleteAction.command!.split(' && ').map(c => c.split(' '))
        : plan.deletions.map(d => [
            'kubectl',
            'delete',
            resourceArg(d),
            d.name,
            '-n',
            d.namespace,
            '--ignore-not-found',
            '--wait=false',
          ]);
      for (const [program, ...args] of commands) {
        expect(program).toBe('kubectl');
        const ran = await kubectl(cluster.kubeconfigPath, args);
        expect(ran.stderr).toBe('');
        expect(ran.code).toBe(0);
      }
      for (const deletion of plan.deletions) {
        const args = [
          resourceArg(deletion),
          deletion.name,
          '-n',
          deletion.namespace,
        ];
        const after = await kubectl(cluster.kubeconfigPath, [
          'get',
          ...args,
          '--ignore-not-found',
          '-o',
          'name',
        ]);
        expect(after).toEqual({ code: 0, stdout: '', stderr: '' });
      }
    },
  );
});

describe('a deliberately invalid object is rejected by the real server and by kube-sim', () => {
  let cluster: RealCluster;
  let sim: KubeSim;
  let dir: string;
  let simKubeconfig: string;

  beforeAll(async () => {
    cluster = await startRealCluster();
    sim = await startKubeSim({
      tls: true,
      auth: { tokens: { admin: 'admin' } },
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mesh-invalid-'));
    simKubeconfig = path.join(dir, 'sim.kubeconfig');
    fs.writeFileSync(simKubeconfig, sim.kubeconfig('admin'));
    for (const kc of [cluster.kubeconfigPath, simKubeconfig]) {
      await kubectl(kc, ['create', 'namespace', 'invalid-objects']);
    }
  });
  afterAll(async () => {
    await cluster?.stop();
    await sim?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const invalid = [
    {
      what: 'AuthorizationPolicy with action PERMIT (enum)',
      object: {
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'bad-action', namespace: 'invalid-objects' },
        spec: { action: 'PERMIT', rules: [{}] },
      },
      message: /spec\.action: Unsupported value: "PERMIT"/,
    },
    {
      what: 'Gateway without listeners (required)',
      object: {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: { name: 'no-listeners', namespace: 'invalid-objects' },
        spec: { gatewayClassName: 'istio-waypoint' },
      },
      message: /spec\.listeners: Required value/,
    },
  ];

  it.each(invalid.map(c => [c.what, c] as const))('%s', async (_, c) => {
    for (const kc of [cluster.kubeconfigPath, simKubeconfig]) {
      const res = await kubectl(kc, ['apply', '-f', '-'], stringify(c.object));
      expect(res.code).not.toBe(0);
      expect(res.stderr).toMatch(/is invalid/);
      expect(res.stderr).toMatch(c.message);
      const got = await kubectl(kc, [
        'get',
        c.object.kind,
        c.object.metadata.name,
        '-n',
        'invalid-objects',
        '--ignore-not-found',
        '-o',
        'name',
      ]);
      expect(got.stdout).toBe('');
    }
  });
});
