// The onboarding lifecycle on the real control plane: the template's PR on github-sim, merged, its directory
// applied with `kubectl apply -k` to a real kube-apiserver, istiod programming the waypoint, and the real
// backend reporting converging -> converged. No kubelet runs: the harness recreates the pods (delete +
// create, as the ReplicaSet would) and writes the waypoint's EndpointSlice (docs/conformance.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { profileCrd } from '@kf-mesh/kube-sim';
import {
  startIstiod,
  startRealCluster,
  waypointEndpointSlice,
  type RealCluster,
  type RunningIstiod,
} from '@kf-mesh/real-cluster';
import { eventually } from '../__fixtures__/eventually';
import { kubectlOn } from '../__testUtils__/istioOracle';
import {
  applyMergedDirectory,
  LIFECYCLE_NS as NS,
  lifecyclePlan,
  SIDECAR_PODS,
  recreatedPod,
  sidecarNamespaceObjects,
  startLifecycleBackend,
} from './__testUtils__/lifecycleFixture';

// Real etcd + kube-apiserver, istiod, the Backstage backend and kubectl on 2 shared cores.
jest.setTimeout(180_000);

const applyJson = (cluster: RealCluster, objects: unknown[]) =>
  kubectlOn(
    cluster,
    ['apply', '-f', '-'],
    JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }),
  );

const gatewayOf = (cluster: RealCluster) =>
  JSON.parse(
    kubectlOn(cluster, [
      '-n',
      NS,
      'get',
      'gateway',
      'waypoint',
      '-o',
      'json',
      '--show-managed-fields',
    ]),
  );

const programmed = (gw: any) =>
  (gw.status?.conditions ?? []).find((c: any) => c.type === 'Programmed');

/** The field managers that wrote the Gateway's status conditions (server-side managedFields). */
const statusWriters = (gw: any): string[] =>
  (gw.metadata.managedFields ?? [])
    .filter((m: any) => m.subresource === 'status' || m.fieldsV1?.['f:status'])
    .map((m: any) => m.manager);

describe('onboarding lifecycle on the real control plane: PR -> merged -> apply -k -> istiod -> converging -> converged', () => {
  const { plan } = lifecyclePlan();
  let cluster: RealCluster;
  let istiod: RunningIstiod;
  let lifecycle: Awaited<ReturnType<typeof startLifecycleBackend>>;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mesh-lifecycle-real-'));
    cluster = await startRealCluster({ extraCrds: [profileCrd] });
    applyJson(cluster, sidecarNamespaceObjects());
    istiod = await startIstiod({ kubeconfigPath: cluster.kubeconfigPath });
    lifecycle = await startLifecycleBackend({
      cluster: {
        url: cluster.url,
        token: cluster.adminToken,
        caPem: cluster.caData,
      },
      // Long enough that "converging" is what the pods on sidecars show, not "stuck".
      stuckAfterSeconds: 600,
    });
  }, 240_000);

  afterAll(async () => {
    await lifecycle?.stop();
    await istiod?.stop();
    await cluster?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the open PR is in review, with its merge risk read from the real cluster', async () => {
    const onboarding = await lifecycle.onboardingOf();
    expect(onboarding.state).toBe('known');
    expect(onboarding.lifecycle).toMatchObject({
      cluster: 'dev',
      namespace: NS,
      targetMode: 'ambient',
      stage: 'in-review',
      pullRequest: { number: lifecycle.prNumber, state: 'open' },
      risk: { podsToRestart: SIDECAR_PODS.length },
    });
  });

  it('merged, nothing applied yet: converging, waiting for the plan objects and the waypoint', async () => {
    lifecycle.github.merge('acme', 'gitops', lifecycle.prNumber);
    await lifecycle.stageIs('converging');
    const { lifecycle: lc } = await lifecycle.onboardingOf();
    expect(lc!.pullRequest.state).toBe('merged');
    expect(lc!.convergence).toMatchObject({
      verdict: 'converging',
      podsOnOldDataplane: SIDECAR_PODS,
      waypoint: { name: 'waypoint', programmed: 'missing' },
    });
    expect(
      lc!.convergence!.objects.filter(o => o.state === 'missing').length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('the merged directory is accepted by the real apiserver; istiod writes the waypoint Deployment and Service', async () => {
    await applyMergedDirectory(
      lifecycle.github,
      plan,
      path.join(dir, 'checkout'),
      args => kubectlOn(cluster, args),
    );
    const ns = JSON.parse(
      kubectlOn(cluster, ['get', 'namespace', NS, '-o', 'json']),
    );
    expect(ns.metadata.labels['istio.io/dataplane-mode']).toBe('ambient');
    await eventually(
      () =>
        kubectlOn(cluster, [
          '-n',
          NS,
          'get',
          'deployment',
          'waypoint',
          '-o',
          'name',
        ]),
      { timeoutMs: 30_000, what: 'waypoint Deployment written by istiod' },
    );
    const svc = JSON.parse(
      kubectlOn(cluster, [
        '-n',
        NS,
        'get',
        'service',
        'waypoint',
        '-o',
        'json',
      ]),
    );
    expect(svc.spec.ports.map((p: any) => p.port)).toContain(15008);
  });

  it('istiod programs the waypoint (Programmed=True written by istiod); kf-mesh: converging on the pods still on sidecars', async () => {
    // The EndpointSlice the missing endpointslice controller would write for the waypoint pod.
    applyJson(cluster, [waypointEndpointSlice(NS, 'waypoint', '10.244.0.60')]);
    const gw = await eventually(
      () => {
        const g = gatewayOf(cluster);
        return programmed(g)?.status === 'True' && g;
      },
      { timeoutMs: 30_000, what: 'Gateway Programmed=True' },
    );
    // Only istiod writes the Gateway's status: the test applied the spec with kubectl, never the status.
    const writers = statusWriters(gw);
    expect(writers.length).toBeGreaterThan(0);
    expect(writers.every(m => !m.startsWith('kubectl'))).toBe(true);
    expect(writers.join(' ')).toMatch(/istio|pilot/);

    await eventually(
      async () =>
        (
          await lifecycle.onboardingOf()
        ).lifecycle?.convergence?.waypoint?.programmed === 'true',
      { timeoutMs: 30_000, what: 'kf-mesh sees the waypoint programmed' },
    );
    const { lifecycle: lc } = await lifecycle.onboardingOf();
    expect(lc!.stage).toBe('converging');
    expect(lc!.convergence!.verdict).toBe('converging');
    expect(lc!.convergence!.objects.every(o => o.state === 'present')).toBe(
      true,
    );
    expect(lc!.convergence!.labels.every(l => l.expected === l.actual)).toBe(
      true,
    );
    expect(lc!.convergence!.podsOnOldDataplane).toEqual(SIDECAR_PODS);
  });

  it('after the pods are recreated on the new dataplane: converged', async () => {
    // Force: with no kubelet nothing confirms the graceful termination.
    for (const name of SIDECAR_PODS)
      kubectlOn(cluster, [
        '-n',
        NS,
        'delete',
        'pod',
        name,
        '--grace-period=0',
        '--force',
      ]);
    applyJson(cluster, SIDECAR_PODS.map(recreatedPod));
    expect(
      kubectlOn(cluster, ['-n', NS, 'get', 'pods', '-o', 'name'])
        .split('\n')
        .filter(Boolean)
        .sort(),
    ).toEqual(SIDECAR_PODS.map(n => `pod/${n}-r`));
    await lifecycle.stageIs('converged', 30_000);
    const { lifecycle: lc } = await lifecycle.onboardingOf();
    expect(lc!.convergence!.verdict).toBe('converged');
    expect(lc!.convergence!.podsOnOldDataplane).toEqual([]);
    expect(lc!.convergence!.waypoint!.programmed).toBe('true');
    expect(lc!.summary).toMatch(
      /^merged \d+ s ago; the namespace matches the plan$/,
    );
  });
});
