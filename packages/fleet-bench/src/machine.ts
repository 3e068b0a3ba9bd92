import { resolvePackagePath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import os from 'node:os';
import type { RunInfo } from './results';

function packageVersion(name: string): string {
  try {
    const file = require.resolve(`${name}/package.json`, {
      paths: [
        resolvePackagePath('@kf-mesh/fleet-bench'),
        // client-node as the Kubernetes backend resolves it
        resolvePackagePath('@backstage/plugin-kubernetes-backend'),
      ],
    });
    return JSON.parse(fs.readFileSync(file, 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

function backstageRelease(): string {
  // backstage.json at the repository root names the Backstage release
  const file = resolvePackagePath(
    '@kf-mesh/fleet-bench',
    '../../backstage.json',
  );
  return fs.existsSync(file)
    ? JSON.parse(fs.readFileSync(file, 'utf8')).version
    : 'unknown';
}

/** Machine (CPUs, model, memory, load average) and the versions that matter for the figures. */
export function runInfo(options: Record<string, unknown>): RunInfo {
  const cpus = os.cpus();
  return {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: cpus.length,
      model: cpus[0]?.model?.trim() ?? 'unknown',
      memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
      loadAverage: os.loadavg().map(l => Math.round(l * 100) / 100),
    },
    versions: {
      node: process.version,
      backstage: backstageRelease(),
      '@backstage/backend-defaults': packageVersion(
        '@backstage/backend-defaults',
      ),
      '@backstage/plugin-kubernetes-backend': packageVersion(
        '@backstage/plugin-kubernetes-backend',
      ),
      '@backstage/plugin-catalog-backend': packageVersion(
        '@backstage/plugin-catalog-backend',
      ),
      '@kubernetes/client-node': packageVersion('@kubernetes/client-node'),
    },
    options,
  };
}
