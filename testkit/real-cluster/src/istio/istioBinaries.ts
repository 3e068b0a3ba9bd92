import fs from 'node:fs';
import path from 'node:path';

/** The pinned Istio build: version, module version and where its binaries live. */
export interface IstioBuild {
  /** Istio release and commit, e.g. `1.31-eed52ebb66ad` (`ISTIO_RELEASE`-`ISTIO_GIT_REVISION`): keys .bin dirs. */
  version: string;
  /** `istio.io/istio` Go module version the binaries are built from (`ISTIO_VERSION`). */
  moduleVersion: string;
  /** Repository root (holds tools/istio and the git-ignored .bin). */
  repoRoot: string;
  istioctl: string;
  pilotDiscovery: string;
}

const BUILD_SCRIPT = 'scripts/control-plane/build-istio.sh';

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'tools', 'istio', 'VERSION.env')))
      return dir;
    if (path.dirname(dir) === dir)
      throw new Error(
        `tools/istio/VERSION.env not found above ${from}: run from a kf-mesh checkout`,
      );
  }
}

function readEnvFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** Reads tools/istio/VERSION.env (found above `from`, default the working dir) and resolves the binary paths (they may not be built yet). */
export function istioBuild(from: string = process.cwd()): IstioBuild {
  const repoRoot = findRepoRoot(from);
  const env = readEnvFile(path.join(repoRoot, 'tools', 'istio', 'VERSION.env'));
  const moduleVersion = env.ISTIO_VERSION;
  if (!moduleVersion || !env.ISTIO_RELEASE || !env.ISTIO_GIT_REVISION)
    throw new Error(
      'tools/istio/VERSION.env: ISTIO_VERSION, ISTIO_RELEASE and ISTIO_GIT_REVISION are required',
    );
  const version = `${env.ISTIO_RELEASE}-${env.ISTIO_GIT_REVISION}`;
  const bin = (name: string) =>
    path.join(repoRoot, '.bin', `${name}-${version}`, name);
  return {
    version,
    moduleVersion,
    repoRoot,
    istioctl: bin('istioctl'),
    pilotDiscovery: bin('pilot-discovery'),
  };
}

/** Path of a built binary; throws naming the binary and the build command when it is missing. */
export function requireBinary(
  build: IstioBuild,
  which: 'istioctl' | 'pilotDiscovery',
): string {
  const file = build[which];
  if (!fs.existsSync(file)) {
    const name = which === 'istioctl' ? 'istioctl' : 'pilot-discovery';
    throw new Error(
      `${name} ${build.version} is not built (${file} missing): run ${BUILD_SCRIPT} ${name} (needs Go 1.26 and the Go module proxy)`,
    );
  }
  return file;
}
