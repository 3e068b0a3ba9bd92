import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { ChildClient } from './childProcess';
import type {
  SimClusterInfo,
  SimClusterSpec,
  SimCounters,
  SimReply,
  SimRequest,
} from './ipc';

/**
 * The kube-sim clusters of one benchmark cell, running in their own child process
 * (`simHost.ts`): scenario build and load, request counters, direct writes (watch events).
 */
export class SimFleet {
  private constructor(
    private readonly child: ChildClient<SimRequest, SimReply>,
    /** The started clusters with their profile namespaces. */
    readonly clusters: SimClusterInfo[],
  ) {}

  /** Builds `buildScenario({ kind: 'fleet', namespaces, seed })` per cluster and serves it. */
  static async start(
    specs: SimClusterSpec[],
    token: string,
    options: { nodeFlags?: string[] } = {},
  ): Promise<SimFleet> {
    const child = ChildClient.start<SimRequest, SimReply>(
      resolvePackagePath('@kf-mesh/fleet-bench', 'src/simHost.ts'),
      { nodeFlags: options.nodeFlags, output: 'inherit' },
    );
    const reply = await child.request({
      type: 'start',
      clusters: specs,
      token,
    });
    return new SimFleet(child, reply.clusters!);
  }

  /** Request counts per cluster since the last reset. */
  async counters(): Promise<SimCounters[]> {
    return (await this.child.request({ type: 'counters' })).counters!;
  }

  /** Total requests of all clusters since the last reset. */
  async totalRequests(): Promise<number> {
    return (await this.counters()).reduce((a, c) => a + c.total, 0);
  }

  async resetCounters(): Promise<void> {
    await this.child.request({ type: 'resetCounters' });
  }

  /** Creates or replaces an object in one cluster; resolves with the epoch ms it was stored. */
  async apply(cluster: string, object: unknown): Promise<number> {
    return (await this.child.request({ type: 'apply', cluster, object }))
      .appliedAt!;
  }

  /** RSS and heap of the simulator process after a full GC. */
  async memory(): Promise<{ rssBytes: number; heapUsedBytes: number }> {
    return (await this.child.request({ type: 'memory' })).memory!;
  }

  /** Closes every simulator and ends the child. */
  async close(): Promise<void> {
    try {
      await this.child.request({ type: 'close' }, 30_000);
    } finally {
      await this.child.exit();
    }
  }
}
