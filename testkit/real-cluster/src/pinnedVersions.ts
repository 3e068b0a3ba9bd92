import fs from 'node:fs';
import path from 'node:path';
import { kfMeshRepoRoot } from '@kf-mesh/kube-sim';

/** The control-plane components the repo builds (scripts/control-plane/build.sh). */
export type ControlPlaneComponent = 'etcd' | 'kube-apiserver';

const VERSION_KEY: Record<ControlPlaneComponent, string> = {
  etcd: 'ETCD_VERSION',
  'kube-apiserver': 'KUBERNETES_VERSION',
};

/** Reads `tools/versions.env` (plain `KEY=value` lines, `#` comments) of the kf-mesh checkout. */
export function readPinnedVersions(
  root: string = kfMeshRepoRoot(),
): Record<string, string> {
  const file = path.join(root, 'tools', 'versions.env');
  const versions: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) versions[m[1]] = m[2];
  }
  return versions;
}

/**
 * Path of a built control-plane binary (`.bin/<component>-<version>/<component>`). Throws, naming the
 * component, its version and the build command, when it has not been built.
 */
export function controlPlaneBinary(
  component: ControlPlaneComponent,
  root: string = kfMeshRepoRoot(),
): string {
  const version = readPinnedVersions(root)[VERSION_KEY[component]];
  if (!version) {
    throw new Error(
      `tools/versions.env has no ${VERSION_KEY[component]} (the ${component} version)`,
    );
  }
  const binary = path.join(root, '.bin', `${component}-${version}`, component);
  if (!fs.existsSync(binary)) {
    throw new Error(
      `${component} ${version} is not built (no ${binary}): run scripts/control-plane/build.sh ${component}`,
    );
  }
  return binary;
}
