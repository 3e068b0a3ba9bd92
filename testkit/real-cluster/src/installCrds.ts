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
  // one request each, all at once: the apiserver handles CRD creation concurrently
  await Promise.all(
    crds.map(async crd => {
      const res = await admin.request('POST', CRD_COLLECTION, crd, 60_000);
      if (res.status !== 201 && res.status !== 409) {
        throw new Error(
          `installing CRD ${crd.metadata?.name} failed: ${res.status} ${
            res.body?.message ?? ''
          }`,
        );
      }
    }),
  );
  const names: string[] = crds.map(crd => crd.metadata.name);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const list = await admin.request('GET', CRD_COLLECTION, undefined, 60_000);
    const established = new Set<string>(
      (list.body?.items ?? [])
        .filter((crd: any) =>
          crd.status?.conditions?.some(
            (c: any) => c.type === 'Established' && c.status === 'True',
          ),
        )
        .map((crd: any) => crd.metadata.name),
    );
    const pending = names.filter(name => !established.has(name));
    if (pending.length === 0) break;
    if (Date.now() > deadline) {
      throw new Error(
        `CRDs not Established after ${timeoutMs} ms: ${pending.join(', ')}`,
      );
    }
    await new Promise(r => setTimeout(r, 100));
  }
  return names;
}
