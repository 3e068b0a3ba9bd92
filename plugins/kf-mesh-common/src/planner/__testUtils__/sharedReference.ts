import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The shared `reference` directory of upstream manifests, found by walking up from `startDir`.
 * Only the golden planner tests read it (moving those manifests into the repo's fixtures is issue #15);
 * CRDs come from the pinned Go modules (kube-sim's `upstreamCrdPaths`).
 */
function sharedReferenceDir(startDir: string = __dirname): string {
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

/** Reads a file of the shared reference directory (`../shared/reference`). */
export function readReference(...segments: string[]): string {
  return fs.readFileSync(path.join(sharedReferenceDir(), ...segments), 'utf8');
}

/** Parses every YAML document of a reference file. */
export function loadReferenceYaml(...segments: string[]): any[] {
  return parseAllDocuments(readReference(...segments))
    .map(d => d.toJS())
    .filter(d => d && typeof d === 'object');
}
