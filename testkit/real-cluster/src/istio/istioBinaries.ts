import fs from 'node:fs';
import path from 'node:path';
import { kfMeshRepoRoot } from '@kf-mesh/kube-sim';
import { readPinnedVersions } from '../pinnedVersions';

/** The pinned Istio build: version, module version and where its binaries live. */
export interface IstioBuild {
  /** Istio release and commit, e.g. `1.31-eed52ebb66ad` (`ISTIO_RELEASE`-`ISTIO_GIT_REVISION`): keys .bin dirs. */
  version: string;
  /** `istio.io/istio` Go module version the binaries are built from (`ISTIO_VERSION`). */
  moduleVersion: string;
  /** Repository root (holds tools/ and the git-ignored .bin). */
  repoRoot: string;
  istioctl: string;
  pilotDiscovery: string;
}

const BUILD_SCRIPT = 'scripts/control-plane/build-istio.sh';

/** Reads the `# istio` section of tools/versions.env and resolves the binary paths (they may not be built yet). */
export function istioBuild(repoRoot: string = kfMeshRepoRoot()): IstioBuild {
  const pinned = readPinnedVersions(repoRoot);
  const moduleVersion = pinned.ISTIO_VERSION;
  if (!moduleVersion || !pinned.ISTIO_RELEASE || !pinned.ISTIO_GIT_REVISION)
    throw new Error(
      'tools/versions.env: ISTIO_VERSION, ISTIO_RELEASE and ISTIO_GIT_REVISION are required',
    );
  const version = `${pinned.ISTIO_RELEASE}-${pinned.ISTIO_GIT_REVISION}`;
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
