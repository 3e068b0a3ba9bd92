import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The shared `reference` directory, found by walking up from this file until
 * `shared/reference` exists (same approach as kube-sim's `referenceCrdPaths()`).
 */
export function sharedReferenceDir(
  // tests run from source; there is no package-relative way to reach ../shared
  // eslint-disable-next-line no-restricted-syntax
  startDir: string = __dirname,
): string {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, 'shared', 'reference');
    if (fs.existsSync(candidate) && fs.statSync(candidate).isDirectory())
      return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No "shared/reference" directory above ${startDir}`);
    }
    dir = parent;
  }
}

/** Reads a file of the shared reference directory. */
export function readReference(...segments: string[]): string {
  return fs.readFileSync(path.join(sharedReferenceDir(), ...segments), 'utf8');
}

/** Parses every YAML document of a reference file. */
export function loadReferenceYaml(...segments: string[]): any[] {
  return parseAllDocuments(readReference(...segments))
    .map(d => d.toJS())
    .filter(d => d && typeof d === 'object');
}
