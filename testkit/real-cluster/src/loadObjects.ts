import type { ApiClient } from './ApiClient';

interface TypeInfo {
  plural: string;
  namespaced: boolean;
  hasStatus: boolean;
}

/** Any Kubernetes object as plain data. */
export interface PlainObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  status?: unknown;
  [key: string]: unknown;
}

/** Reads `kind → plural, scope, status subresource` of a group version from discovery. */
class Discovery {
  private readonly byGroupVersion = new Map<
    string,
    Promise<Map<string, TypeInfo>>
  >();

  constructor(private readonly admin: ApiClient) {}

  async type(apiVersion: string, kind: string): Promise<TypeInfo> {
    let types = this.byGroupVersion.get(apiVersion);
    if (!types) {
      types = this.read(apiVersion);
      this.byGroupVersion.set(apiVersion, types);
    }
    const info = (await types).get(kind);
    if (!info)
      throw new Error(`the server does not serve ${kind} in ${apiVersion}`);
    return info;
  }

  private async read(apiVersion: string): Promise<Map<string, TypeInfo>> {
    const res = await this.admin.request('GET', groupVersionPath(apiVersion));
    if (res.status !== 200)
      throw new Error(`discovery of ${apiVersion} failed: ${res.status}`);
    const resources: any[] = res.body.resources;
    const out = new Map<string, TypeInfo>();
    for (const r of resources) {
      if (r.name.includes('/')) continue;
      out.set(r.kind, {
        plural: r.name,
        namespaced: r.namespaced,
        hasStatus: resources.some(s => s.name === `${r.name}/status`),
      });
    }
    return out;
  }
}

function groupVersionPath(apiVersion: string): string {
  return apiVersion.includes('/')
    ? `/apis/${apiVersion}`
    : `/api/${apiVersion}`;
}

/** The REST path of an object (its collection when `withName` is false). */
async function objectPath(
  discovery: Discovery,
  obj: PlainObject,
  withName: boolean,
): Promise<string> {
  const type = await discovery.type(obj.apiVersion, obj.kind);
  const ns = type.namespaced
    ? `/namespaces/${obj.metadata.namespace ?? 'default'}`
    : '';
  const name = withName ? `/${encodeURIComponent(obj.metadata.name)}` : '';
  return `${groupVersionPath(obj.apiVersion)}${ns}/${type.plural}${name}`;
}

/** Options of {@link loadObjects}. */
export interface LoadOptions {
  /**
   * Kinds whose relative age matters (e.g. `PeerAuthentication`: of several namespace-wide ones Istio applies
   * the oldest). The server stamps `creationTimestamp` itself, in whole seconds: two such objects of one
   * namespace are created in different seconds, in the given order, so the older one stays older.
   */
  ageOrderedKinds?: string[];
}

/**
 * Writes objects through the real API, in order, the way their controllers would have left them:
 * create (server-assigned uid, resourceVersion and timestamps replace the given ones), then the
 * `status` through the status subresource when the type has one. Existing objects are replaced.
 */
export async function loadObjects(
  admin: ApiClient,
  objects: PlainObject[],
  options: LoadOptions = {},
): Promise<void> {
  const discovery = new Discovery(admin);
  const lastCreatedSecond = new Map<string, number>();
  for (const input of objects) {
    if (options.ageOrderedKinds?.includes(input.kind)) {
      const key = `${input.kind}/${input.metadata.namespace ?? ''}`;
      const last = lastCreatedSecond.get(key);
      while (last !== undefined && Math.floor(Date.now() / 1000) <= last) {
        await new Promise(r => setTimeout(r, 50));
      }
      lastCreatedSecond.set(key, Math.floor(Date.now() / 1000));
    }
    const { status, ...rest } = input;
    const {
      resourceVersion,
      uid,
      creationTimestamp,
      generation,
      managedFields,
      ...metadata
    } = rest.metadata;
    const body = { ...rest, metadata };
    let res = await admin.request(
      'POST',
      await objectPath(discovery, input, false),
      body,
    );
    if (res.status === 409) {
      const path = await objectPath(discovery, input, true);
      const current = await admin.request('GET', path);
      res = await admin.request('PUT', path, {
        ...body,
        metadata: {
          ...metadata,
          resourceVersion: current.body.metadata.resourceVersion,
        },
      });
    }
    if (res.status !== 201 && res.status !== 200) {
      throw new Error(
        `writing ${input.kind} ${input.metadata.namespace ?? ''}/${
          input.metadata.name
        } failed: ${res.status} ${res.body?.message ?? ''}`,
      );
    }
    const type = await discovery.type(input.apiVersion, input.kind);
    if (status !== undefined && type.hasStatus) {
      const path = `${await objectPath(discovery, input, true)}/status`;
      const withStatus = await admin.request('PUT', path, {
        ...res.body,
        status,
      });
      if (withStatus.status !== 200) {
        throw new Error(
          `writing the status of ${input.kind} ${
            input.metadata.namespace ?? ''
          }/${input.metadata.name} failed: ${withStatus.status} ${
            withStatus.body?.message ?? ''
          }`,
        );
      }
    }
  }
}
