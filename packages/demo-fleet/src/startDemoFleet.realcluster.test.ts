import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ApiClient, isProcessAlive } from '@kf-mesh/real-cluster';
import { startDemoFleet, type DemoFleet } from './startDemoFleet';

// two etcd + kube-apiserver + istiod sets on a shared 2-core machine
jest.setTimeout(600_000);

const condition = (o: any, type: string) =>
  o?.status?.conditions?.find((c: any) => c.type === type);

async function eventually<T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 500));
  }
}

describe('the demo fleet on the real control plane (KF_MESH_DEMO_CLUSTER=real)', () => {
  const realDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-fleet-real-'));
  const simDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-fleet-sim-'));
  let real: DemoFleet;
  let sim: DemoFleet;
  /** The reader client of each real cluster, built from the generated backend config only. */
  let readers: Map<string, ApiClient>;

  beforeAll(async () => {
    real = await startDemoFleet({
      outputDir: realDir,
      ports: 'random',
      clusters: 'real',
    });
    sim = await startDemoFleet({ outputDir: simDir, ports: 'random' });
    const config = parse(fs.readFileSync(real.appConfigFile!, 'utf8'));
    readers = new Map(
      config.kfMesh.clusters.map((c: any) => [
        c.name,
        new ApiClient(
          c.url,
          Buffer.from(c.caData, 'base64').toString('utf8'),
          c.serviceAccountToken,
        ),
      ]),
    );
  });

  afterAll(async () => {
    await real?.close();
    await sim?.close();
    fs.rmSync(realDir, { recursive: true, force: true });
    fs.rmSync(simDir, { recursive: true, force: true });
  });

  it('writes a backend config with one https cluster per demo cluster, its CA and a reader token (mode 0600)', () => {
    expect(real.clusterKind).toBe('real');
    expect([...readers.keys()]).toEqual(sim.clusters.map(c => c.name));
    for (const c of real.clusters)
      expect(c.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(fs.statSync(real.appConfigFile!).mode & 0o777).toBe(0o600);
  });

  it('holds every profile namespace with the labels the kube-sim demo has (merged onboardings synced)', async () => {
    for (const c of sim.clusters) {
      const res = await readers
        .get(c.name)!
        .request('GET', '/api/v1/namespaces');
      expect(res.status).toBe(200);
      const onReal = new Map<string, unknown>(
        res.body.items.map((n: any) => [n.metadata.name, n.metadata.labels]),
      );
      for (const ns of c.scenario.namespaces) {
        const simLabels = c.sim!.get({
          apiVersion: 'v1',
          kind: 'Namespace',
          name: ns.name,
        })!.metadata.labels;
        expect({ ns: ns.name, labels: onReal.get(ns.name) }).toEqual({
          ns: ns.name,
          labels: { ...simLabels, 'kubernetes.io/metadata.name': ns.name },
        });
      }
    }
  });

  it('gives kf-mesh a read-only token: reads are allowed, writes are forbidden', async () => {
    const reader = readers.get(real.clusters[0].name)!;
    const pods = await reader.request('GET', '/api/v1/pods?limit=1');
    expect(pods.status).toBe(200);
    const write = await reader.request('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'kf-mesh-may-not-write' },
    });
    expect(write.status).toBe(403);
  });

  it('runs istiod, which writes the waypoint binding status on Services itself', async () => {
    for (const c of real.clusters) {
      const ns = c.scenario.namespaces.find(n => n.state === 'ambient')!;
      const reader = readers.get(c.name)!;
      const bound = await eventually(async () => {
        const res = await reader.request(
          'GET',
          `/api/v1/namespaces/${ns.name}/services`,
        );
        return res.body.items.find((s: any) =>
          condition(s, 'istio.io/WaypointBound'),
        );
      }, `istio.io/WaypointBound on a Service of ${c.name}/${ns.name}`);
      expect(condition(bound, 'istio.io/WaypointBound')).toMatchObject({
        status: 'True',
      });
    }
  });

  it('stops every process it started', async () => {
    const pids = real.clusters.flatMap(c => c.real!.pids());
    expect(pids.length).toBeGreaterThanOrEqual(4);
    const closing = real;
    real = undefined as unknown as DemoFleet;
    await closing.close();
    expect(pids.filter(isProcessAlive)).toEqual([]);
  });
});
