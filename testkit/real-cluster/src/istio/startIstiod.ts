import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { renderAmbientProfile } from './ambientProfile';
import { freePort } from '../freePort';
import { istioBuild, requireBinary } from './istioBinaries';

/** The API server istiod runs against: a kubeconfig file with admin credentials. */
export interface IstiodTarget {
  kubeconfigPath: string;
}

/** Options of {@link startIstiod}. */
export interface IstiodOptions {
  /** PILOT_ENABLE_AMBIENT (status on policies/services, the istio-waypoint GatewayClass). */
  ambient?: boolean;
  /** How long to wait for /ready (default 60 s). */
  readyTimeoutMs?: number;
  /** Extra environment for istiod (feature flags). */
  env?: Record<string, string>;
}

/** A running istiod. */
export interface RunningIstiod {
  /** Base URL of istiod's plain HTTP server (/ready, /debug). */
  httpUrl: string;
  ports: Record<
    'http' | 'grpc' | 'secureGrpc' | 'https' | 'monitoring' | 'ctrlz',
    number
  >;
  /** Working dir: rendered mesh and injector config; `istiod.log` holds its output. */
  workDir: string;
  /** Milliseconds from spawn to /ready. */
  startMs: number;
  log(): string;
  stop(): Promise<void>;
}

const ROOT_NAMESPACE = 'istio-system';
const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

function kubectlApply(
  kubeconfigPath: string,
  objects: object[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      KUBECTL,
      ['--kubeconfig', kubeconfigPath, 'apply', '-f', '-'],
      (error, _stdout, stderr) =>
        error
          ? reject(
              new Error(
                `kubectl apply (istiod prerequisites): ${
                  stderr || error.message
                }`,
              ),
            )
          : resolve(),
    );
    child.stdin!.end(objects.map(o => stringify(o)).join('---\n'));
  });
}

async function waitReady(
  url: string,
  timeoutMs: number,
  exited: () => string | undefined,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = exited();
    if (why) throw new Error(`istiod exited before /ready: ${why}`);
    try {
      const res = await fetch(`${url}/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`istiod not ready within ${timeoutMs} ms (${url}/ready)`);
    await new Promise(r => setTimeout(r, 200));
  }
}

/**
 * Runs pilot-discovery (istiod) outside a cluster against `target`: every port on a free
 * 127.0.0.1 port, the ambient profile's mesh and injector config in a temp working dir
 * (the relative paths istiod reads: ./etc/istio/config/mesh, ./var/lib/istio/inject), no
 * leader election, no webhook patching. Creates namespace istio-system and the `istio`
 * mesh ConfigMap (what istioctl analyze reads live). Resolves once /ready answers 200.
 */
export async function startIstiod(
  target: IstiodTarget,
  options: IstiodOptions = {},
): Promise<RunningIstiod> {
  const build = istioBuild();
  const bin = requireBinary(build, 'pilotDiscovery');
  const profile = await renderAmbientProfile(build);
  await kubectlApply(target.kubeconfigPath, [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ROOT_NAMESPACE } },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'istio', namespace: ROOT_NAMESPACE },
      data: { mesh: profile.mesh },
    },
  ]);

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mesh-istiod-'));
  const put = (rel: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(workDir, rel)), { recursive: true });
    fs.writeFileSync(path.join(workDir, rel), content);
  };
  put('etc/istio/config/mesh', profile.mesh);
  put('var/lib/istio/inject/config', profile.injectConfig);
  put('var/lib/istio/inject/values', profile.injectValues);

  const ports = {
    http: await freePort(),
    grpc: await freePort(),
    secureGrpc: await freePort(),
    https: await freePort(),
    monitoring: await freePort(),
    ctrlz: await freePort(),
  };
  const addr = (p: number) => `127.0.0.1:${p}`;
  const args = [
    'discovery',
    `--kubeconfig=${target.kubeconfigPath}`,
    `--httpAddr=${addr(ports.http)}`,
    `--grpcAddr=${addr(ports.grpc)}`,
    `--secureGRPCAddr=${addr(ports.secureGrpc)}`,
    `--httpsAddr=${addr(ports.https)}`,
    `--monitoringAddr=${addr(ports.monitoring)}`,
    '--ctrlz_address=127.0.0.1',
    `--ctrlz_port=${ports.ctrlz}`,
    '--shutdownDuration=1s',
    '--log_output_level=default:info',
  ];
  const env = {
    PATH: process.env.PATH ?? '',
    POD_NAMESPACE: ROOT_NAMESPACE,
    POD_NAME: 'istiod-local',
    PILOT_ENABLE_AMBIENT: options.ambient === false ? 'false' : 'true',
    ENABLE_LEADER_ELECTION: 'false',
    // empty names disable the webhook config patchers (pkg/env/var.go: set-but-empty wins)
    INJECTION_WEBHOOK_CONFIG_NAME: '',
    VALIDATION_WEBHOOK_CONFIG_NAME: '',
    ISTIOD_CUSTOM_HOST: 'localhost',
    ...options.env,
  };
  const logFile = path.join(workDir, 'istiod.log');
  const out = fs.openSync(logFile, 'a');
  const started = Date.now();
  const child = spawn(bin, args, {
    cwd: workDir,
    env,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  let exitReason: string | undefined;
  const exited = new Promise<void>(resolve =>
    child.once('exit', (code, signal) => {
      exitReason = `code ${code} signal ${signal}`;
      resolve();
    }),
  );
  const log = () => fs.readFileSync(logFile, 'utf8');
  const stop = async () => {
    if (exitReason === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  const httpUrl = `http://${addr(ports.http)}`;
  try {
    await waitReady(httpUrl, options.readyTimeoutMs ?? 60_000, () =>
      exitReason ? `${exitReason}\n${log().slice(-3000)}` : undefined,
    );
  } catch (error) {
    const tail = log().slice(-3000);
    await stop();
    throw new Error(
      `${(error as Error).message}\n--- istiod log tail ---\n${tail}`,
    );
  }
  return { httpUrl, ports, workDir, startMs: Date.now() - started, log, stop };
}
