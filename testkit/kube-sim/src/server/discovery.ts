import type { ResourceType } from '../api/ResourceType';
import { apiVersionOf } from '../api/ResourceType';
import type { TypeCatalog } from '../api/TypeCatalog';

/** Verbs every served resource supports in the simulator. */
export const RESOURCE_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
const STATUS_VERBS = ['get', 'patch', 'update'];

/** `/version`: the simulator presents itself as a Kubernetes 1.32 apiserver. */
export function versionInfo() {
  return {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.0-kube-sim',
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** Legacy `/api`: the core group's versions. */
export function coreVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(group: string, versions: string[]) {
  return {
    name: group,
    versions: versions.map(version => ({
      groupVersion: `${group}/${version}`,
      version,
    })),
    preferredVersion: {
      groupVersion: `${group}/${versions[0]}`,
      version: versions[0],
    },
  };
}

/** Legacy `/apis`: every named group. */
export function apiGroupList(catalog: TypeCatalog) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: catalog
      .groups()
      .filter(g => g.group !== '')
      .map(g => apiGroup(g.group, g.versions)),
  };
}

/** `/apis/<group>`. */
export function apiGroupDocument(catalog: TypeCatalog, group: string) {
  const found = catalog.groups().find(g => g.group === group && group !== '');
  return found
    ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, found.versions) }
    : undefined;
}

/** `/api/v1` or `/apis/<group>/<version>`: the resources of one group version. */
export function apiResourceList(
  catalog: TypeCatalog,
  group: string,
  version: string,
) {
  const types = catalog.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  const resources = types.flatMap(type => {
    const main = {
      name: type.plural,
      singularName: type.singular,
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: RESOURCE_VERBS,
      ...(type.shortNames.length ? { shortNames: type.shortNames } : {}),
      ...(type.categories.length ? { categories: type.categories } : {}),
    };
    return type.statusSubresource
      ? [
          main,
          {
            name: `${type.plural}/status`,
            singularName: '',
            namespaced: type.namespaced,
            kind: type.kind,
            verbs: STATUS_VERBS,
          },
        ]
      : [main];
  });
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf(group, version),
    resources,
  };
}

function discoveryResource(type: ResourceType, version: string) {
  const responseKind = { group: type.group, version, kind: type.kind };
  return {
    resource: type.plural,
    responseKind,
    scope: type.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: type.singular,
    verbs: RESOURCE_VERBS,
    ...(type.shortNames.length ? { shortNames: type.shortNames } : {}),
    ...(type.categories.length ? { categories: type.categories } : {}),
    ...(type.statusSubresource
      ? {
          subresources: [
            { subresource: 'status', responseKind, verbs: STATUS_VERBS },
          ],
        }
      : {}),
  };
}

/**
 * Aggregated discovery (`apidiscovery.k8s.io/v2` `APIGroupDiscoveryList`) for `/api` (core only)
 * or `/apis` (named groups), as served by kube-apiserver 1.30+.
 */
export function aggregatedDiscovery(
  catalog: TypeCatalog,
  core: boolean,
  apiVersion: string,
) {
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: `apidiscovery.k8s.io/${apiVersion}`,
    metadata: {},
    items: catalog
      .groups()
      .filter(g => (g.group === '') === core)
      .map(g => ({
        metadata: { name: g.group, creationTimestamp: null },
        versions: g.versions.map(version => ({
          version,
          resources: catalog
            .inGroupVersion(g.group, version)
            .map(t => discoveryResource(t, version)),
          freshness: 'Current',
        })),
      })),
  };
}
