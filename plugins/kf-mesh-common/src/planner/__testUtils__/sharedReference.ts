// kube-sim (node-library) is a devDependency used by tests only, never by the library
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { sharedReferenceDir } from '@kf-mesh/kube-sim';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

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
