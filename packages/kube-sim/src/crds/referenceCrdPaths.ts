import fs from 'node:fs';
import path from 'node:path';

const CRD_FILES = ['istio-crd-all.gen.yaml', 'gateway-api-crd.yaml'];

/**
 * The shared `reference` directory (upstream manifests and real CRDs), found by
 * walking up from `startDir` until a directory containing `shared/reference`
 * appears. Throws when there is none.
 */
export function sharedReferenceDir(
  // kube-sim only runs from source (tests, demo), never from a production bundle
  // eslint-disable-next-line no-restricted-syntax
  startDir: string = __dirname,
): string {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, 'shared', 'reference');
    if (fs.existsSync(candidate) && fs.statSync(candidate).isDirectory()) {
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `Cannot find the shared reference files: no "shared/reference" directory above ${startDir}`,
      );
    }
    dir = parent;
  }
}

/**
 * Paths of the reference CRD files (Istio and Gateway API) in `shared/reference/crds`.
 * Throws when the directory cannot be found.
 */
export function referenceCrdPaths(
  // eslint-disable-next-line no-restricted-syntax
  startDir: string = __dirname,
): string[] {
  const crds = path.join(sharedReferenceDir(startDir), 'crds');
  if (!fs.existsSync(crds)) {
    throw new Error(`Cannot find the reference CRDs: no ${crds} directory`);
  }
  return CRD_FILES.map(file => path.join(crds, file));
}
