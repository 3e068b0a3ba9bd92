import { createHash } from 'node:crypto';
import type { ResourceType } from '../api/ResourceType';
import type { TypeCatalog } from '../api/TypeCatalog';

/** URL path segment of a group version in `/openapi/v3/<segment>`: `api/v1`, `apis/apps/v1`. */
function segmentOf(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

const queryParam = (name: string) => ({
  name,
  in: 'query',
  schema: { type: 'string', uniqueItems: true },
});

function operation(
  type: ResourceType,
  version: string,
  action: string,
  params: string[],
) {
  return {
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': {
      group: type.group,
      version,
      kind: type.kind,
    },
    operationId: `${action}${type.kind}`,
    parameters: params.map(queryParam),
    responses: { '200': { description: 'OK' } },
  };
}

function pathsFor(
  type: ResourceType,
  version: string,
): Record<string, unknown> {
  const base = `/${segmentOf(type.group, version)}`;
  const collection = type.namespaced
    ? `${base}/namespaces/{namespace}/${type.plural}`
    : `${base}/${type.plural}`;
  const write = ['dryRun', 'fieldManager', 'fieldValidation', 'pretty'];
  const paths: Record<string, unknown> = {
    [collection]: {
      get: operation(type, version, 'list', [
        'labelSelector',
        'fieldSelector',
        'limit',
        'continue',
        'resourceVersion',
        'watch',
      ]),
      post: operation(type, version, 'post', write),
      delete: operation(type, version, 'deletecollection', [
        'labelSelector',
        'fieldSelector',
        'dryRun',
      ]),
    },
    [`${collection}/{name}`]: {
      get: operation(type, version, 'get', ['pretty']),
      put: operation(type, version, 'put', write),
      patch: operation(type, version, 'patch', [...write, 'force']),
      delete: operation(type, version, 'delete', ['dryRun']),
    },
  };
  if (type.namespaced) {
    paths[`${base}/${type.plural}`] = {
      get: operation(type, version, 'list', [
        'labelSelector',
        'fieldSelector',
        'limit',
        'continue',
        'resourceVersion',
        'watch',
      ]),
    };
  }
  if (type.statusSubresource) {
    paths[`${collection}/{name}/status`] = {
      get: operation(type, version, 'get', ['pretty']),
      put: operation(type, version, 'put', write),
      patch: operation(type, version, 'patch', [...write, 'force']),
    };
  }
  return paths;
}

/**
 * The OpenAPI v3 document of one group version: paths and operations (with their
 * `x-kubernetes-group-version-kind` and query parameters, which kubectl reads to learn that the
 * server does field validation), no schemas.
 */
export function openApiV3GroupVersion(
  catalog: TypeCatalog,
  group: string,
  version: string,
) {
  const types = catalog.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.32.0-kube-sim' },
    paths: Object.assign({}, ...types.map(t => pathsFor(t, version))),
    components: { schemas: {} },
  };
}

/** `/openapi/v3`: the index of group-version documents, with content hashes like the apiserver. */
export function openApiV3Index(catalog: TypeCatalog) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const { group, versions } of catalog.groups()) {
    for (const version of versions) {
      const segment = segmentOf(group, version);
      const hash = createHash('sha512')
        .update(JSON.stringify(openApiV3GroupVersion(catalog, group, version)))
        .digest('hex')
        .slice(0, 128)
        .toUpperCase();
      paths[segment] = {
        serverRelativeURL: `/openapi/v3/${segment}?hash=${hash}`,
      };
    }
  }
  return { paths };
}

/** Parses `/openapi/v3/<segment>` into a group and version. */
export function parseOpenApiPath(
  path: string,
): { group: string; version: string } | undefined {
  const parts = path.split('/').filter(Boolean).slice(2);
  if (parts[0] === 'api' && parts.length === 2)
    return { group: '', version: parts[1] };
  if (parts[0] === 'apis' && parts.length === 3)
    return { group: parts[1], version: parts[2] };
  return undefined;
}
