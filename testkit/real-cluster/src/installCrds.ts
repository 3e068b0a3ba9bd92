import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { ApiClient } from './ApiClient';

const CRD_COLLECTION =
  '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';

/** The CustomResourceDefinition documents of YAML files (other kinds, e.g. a ValidatingAdmissionPolicy, skipped). */
export function readCrds(files: string[]): any[] {
  return files.flatMap(file =>
    parseAllDocuments(fs.readFileSync(file, 'utf8'))
      .map(doc => doc.toJS())
      .filter(doc => doc?.kind === 'CustomResourceDefinition'),
  );
}

/** Creates every CRD of the files (and `extraCrds`) and waits until each reports `Established=True`. */
export async function installCrds(
  admin: ApiClient,
  files: string[],
  timeoutMs: number,
  extraCrds: unknown[] = [],
): Promise<string[]> {
  const crds = [...readCrds(files), ...(extraCrds as any[])];
  for (const crd of crds) {
    const res = await admin.request('POST', CRD_COLLECTION, crd);
    if (res.status !== 201 && res.status !== 409) {
      throw new Error(
        `installing CRD ${crd.metadata?.name} failed: ${res.status} ${
          res.body?.message ?? ''
        }`,
      );
    }
  }
  const names: string[] = crds.map(crd => crd.metadata.name);
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(names);
  while (pending.size > 0) {
    for (const name of [...pending]) {
      const res = await admin.request('GET', `${CRD_COLLECTION}/${name}`);
      const established = res.body?.status?.conditions?.some(
        (c: any) => c.type === 'Established' && c.status === 'True',
      );
      if (established) pending.delete(name);
    }
    if (pending.size === 0) break;
    if (Date.now() > deadline) {
      throw new Error(
        `CRDs not Established after ${timeoutMs} ms: ${[...pending].join(
          ', ',
        )}`,
      );
    }
    await new Promise(r => setTimeout(r, 100));
  }
  return names;
}
