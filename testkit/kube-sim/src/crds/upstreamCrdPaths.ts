import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const CRDS_SCRIPT = path.join('scripts', 'control-plane', 'crds.sh');

/**
 * The kf-mesh repository root: the first directory above `startDir` holding
 * `scripts/control-plane/crds.sh` (the pinned upstream versions live beside it in `tools/versions.env`).
 * Throws when there is none.
 */
export function kfMeshRepoRoot(
  // kube-sim only runs from source (tests, demo), never from a production bundle
  // eslint-disable-next-line no-restricted-syntax
  startDir: string = __dirname,
): string {
  let dir = path.resolve(startDir);
  for (;;) {
    if (fs.existsSync(path.join(dir, CRDS_SCRIPT))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `Cannot find the kf-mesh repository: no ${CRDS_SCRIPT} above ${startDir}`,
      );
    }
    dir = parent;
  }
}

const cache = new Map<string, string[]>();

/**
 * Paths of the Istio and Gateway API CRD files inside Go's module cache, at the versions pinned in
 * `tools/versions.env` (`scripts/control-plane/crds.sh` downloads the modules and lists the files: the
 * one place that knows where CRDs live in those modules). Cached per process. Throws with the script's
 * message when Go or the module proxy is missing.
 */
export function upstreamCrdPaths(
  // eslint-disable-next-line no-restricted-syntax
  startDir: string = __dirname,
): string[] {
  const root = kfMeshRepoRoot(startDir);
  const cached = cache.get(root);
  if (cached) return cached;
  let out: string;
  try {
    out = execFileSync('bash', [path.join(root, CRDS_SCRIPT)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e: any) {
    const detail = String(e.stderr ?? e.message).trim();
    throw new Error(`Cannot resolve the pinned upstream CRDs: ${detail}`);
  }
  const paths = out.split('\n').filter(line => line.trim() !== '');
  cache.set(root, paths);
  return paths;
}
