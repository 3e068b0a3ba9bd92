import fs from 'node:fs';
import path from 'node:path';

const CRD_FILES = ['istio-crd-all.gen.yaml', 'gateway-api-crd.yaml'];

/**
 * Paths of the reference CRD files (Istio and Gateway API) in `shared/reference/crds`,
 * found by walking up from this file until a directory containing `shared/reference/crds` appears.
 * Throws when no such directory exists.
 */
export function referenceCrdPaths(
  // kube-sim only runs from source (tests, demo), never from a production bundle
  // eslint-disable-next-line no-restricted-syntax
  startDir: string = __dirname,
): string[] {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, 'shared', 'reference', 'crds');
    if (fs.existsSync(candidate) && fs.statSync(candidate).isDirectory()) {
      return CRD_FILES.map(file => path.join(candidate, file));
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `Cannot find the reference CRDs: no "shared/reference/crds" directory above ${startDir}`,
      );
    }
    dir = parent;
  }
}
