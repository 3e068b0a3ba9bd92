import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ChildClient } from './childProcess';
import type { BackendReply, BackendRequest } from './ipc';

/** A free TCP port on 127.0.0.1 (bound to 0, read, released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Options of {@link BenchBackend.start}. */
export interface BenchBackendOptions {
  port: number;
  /** The app-config (written as a file and passed with `--config`, like any Backstage backend). */
  appConfig: Record<string, unknown>;
  /** Catalog entities; written to the file the config's `catalog.locations` names. */
  entities: object[];
  entitiesFile: string;
  workDir: string;
  /** Extra Node.js flags for the backend process (e.g. `--cpu-prof`). */
  nodeFlags?: string[];
  /** Show the backend's log output (warnings and errors). */
  verbose?: boolean;
  /** Extra environment of the backend process. */
  env?: NodeJS.ProcessEnv;
}

/** A Backstage backend in its own process (`backendHost.ts`). */
export class BenchBackend {
  private constructor(
    private readonly child: ChildClient<BackendRequest, BackendReply>,
    readonly baseUrl: string,
    /** Epoch ms when `backend.start()` was called and when it resolved. */
    readonly startCalledAt: number,
    readonly startedAt: number,
  ) {}

  /** Makes a temporary working directory for one cell. */
  static workDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-bench-'));
  }

  /** Writes config and entities, forks the backend and waits until every plugin has started. */
  static async start(options: BenchBackendOptions): Promise<BenchBackend> {
    const configFile = path.join(options.workDir, 'app-config.bench.yaml');
    // JSON is YAML: no serializer needed
    fs.writeFileSync(configFile, JSON.stringify(options.appConfig, null, 1));
    fs.writeFileSync(
      options.entitiesFile,
      options.entities.map(e => `---\n${JSON.stringify(e)}\n`).join(''),
    );
    const child = ChildClient.start<BackendRequest, BackendReply>(
      resolvePackagePath('@kf-mesh/fleet-bench', 'src/backendHost.ts'),
      {
        args: ['--config', configFile],
        nodeFlags: options.nodeFlags,
        env: {
          LOG_LEVEL: options.verbose ? 'warn' : 'error',
          ...options.env,
        },
        output: 'inherit',
      },
    );
    const started = await child.waitFor(m => m.type === 'started', 300_000);
    if (started.error) throw new Error(`backend failed: ${started.error}`);
    return new BenchBackend(
      child,
      `http://127.0.0.1:${options.port}`,
      started.startCalledAt!,
      started.startedAt!,
    );
  }

  /** RSS and heap of the backend process after a full GC. */
  async memory(): Promise<NonNullable<BackendReply['memory']>> {
    return (await this.child.request({ type: 'memory' })).memory!;
  }

  /** Kills the process at once (SIGKILL: no shutdown hook runs), as a crashed replica. */
  async kill(): Promise<void> {
    this.child.child.kill('SIGKILL');
    await this.child.exit();
  }

  /** Stops the backend (shutdown hooks run) and waits for the process to end. */
  async stop(): Promise<void> {
    try {
      await this.child.request({ type: 'stop' }, 60_000);
    } catch {
      // it may exit before answering
    }
    await this.child.exit(15_000);
  }
}
