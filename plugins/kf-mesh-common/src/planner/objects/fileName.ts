import type { KubeObject } from '../plan/types';

/** File name of an object in the rendered directory: `<kind>-<name>.yaml`, lowercase. */
export function objectFileName(object: KubeObject): string {
  return `${object.kind.toLowerCase()}-${object.metadata.name}.yaml`;
}
