import type { CrdRegistry } from '../crds/CrdRegistry';
import type { PrinterColumn } from '../crds/types';

/** A resource type the simulator serves (built-in or from a CRD). */
export interface ResourceType {
  /** API group, `''` for core. */
  group: string;
  /** Served versions, preferred (storage) version first. */
  versions: string[];
  kind: string;
  listKind: string;
  /** URL segment, e.g. `pods`. */
  plural: string;
  singular: string;
  shortNames: string[];
  categories: string[];
  namespaced: boolean;
  /** True for custom resources (schema-validated, merge patch only, resourceVersion required on update). */
  custom: boolean;
  /** Whether the `/status` subresource exists (status is then ignored on main-resource writes). */
  statusSubresource: boolean;
  /** How `metadata.name` is validated. */
  nameRule: 'subdomain' | 'label';
  /** CRD `additionalPrinterColumns` of the preferred version (custom resources only). */
  printerColumns?: PrinterColumn[];
}

/** Key of a resource type in the store: `group/plural` (`/pods` for core). */
export function typeKey(type: { group: string; plural: string }): string {
  return `${type.group}/${type.plural}`;
}

/** `apiVersion` string for a group and version. */
export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** Name used in apiserver messages: `pods`, `authorizationpolicies.security.istio.io`. */
export function qualifiedResource(type: {
  group: string;
  plural: string;
}): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

const builtin = (
  group: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  shortNames: string[],
  categories: string[] = [],
  nameRule: 'subdomain' | 'label' = 'subdomain',
): ResourceType => ({
  group,
  versions: ['v1'],
  kind,
  listKind: `${kind}List`,
  plural,
  singular: kind.toLowerCase(),
  shortNames,
  categories,
  namespaced,
  custom: false,
  statusSubresource: true,
  nameRule,
});

/**
 * The built-in types the simulator serves: core v1, apps/v1, autoscaling/v2 (and v1), batch/v1 and
 * networking.k8s.io/v1. Together they cover every default object type of
 * `@backstage/plugin-kubernetes-backend` (its `DEFAULT_OBJECTS`), so its per-entity lists get
 * real (possibly empty) answers instead of 404s.
 */
export const BUILTIN_TYPES: ResourceType[] = [
  builtin('', 'Namespace', 'namespaces', false, ['ns'], [], 'label'),
  builtin('', 'Pod', 'pods', true, ['po'], ['all']),
  builtin('', 'Service', 'services', true, ['svc'], ['all'], 'label'),
  {
    ...builtin('', 'ServiceAccount', 'serviceaccounts', true, ['sa']),
    statusSubresource: false,
  },
  {
    ...builtin('', 'ConfigMap', 'configmaps', true, ['cm']),
    statusSubresource: false,
  },
  { ...builtin('', 'Secret', 'secrets', true, []), statusSubresource: false },
  builtin('apps', 'Deployment', 'deployments', true, ['deploy'], ['all']),
  builtin('apps', 'DaemonSet', 'daemonsets', true, ['ds'], ['all']),
  builtin('apps', 'ReplicaSet', 'replicasets', true, ['rs'], ['all']),
  builtin('apps', 'StatefulSet', 'statefulsets', true, ['sts'], ['all']),
  {
    ...builtin('', 'LimitRange', 'limitranges', true, ['limits']),
    statusSubresource: false,
  },
  builtin('', 'ResourceQuota', 'resourcequotas', true, ['quota']),
  {
    // autoscaling/v2 is the storage version; v1 is still served by real clusters
    ...builtin(
      'autoscaling',
      'HorizontalPodAutoscaler',
      'horizontalpodautoscalers',
      true,
      ['hpa'],
      ['all'],
    ),
    versions: ['v2', 'v1'],
  },
  builtin('batch', 'Job', 'jobs', true, [], ['all']),
  builtin('batch', 'CronJob', 'cronjobs', true, ['cj'], ['all']),
  builtin('networking.k8s.io', 'Ingress', 'ingresses', true, ['ing']),
  {
    // KFAM records each profile contributor as a RoleBinding (kubeflow/dashboard kfam/bindings.go)
    ...builtin(
      'rbac.authorization.k8s.io',
      'RoleBinding',
      'rolebindings',
      true,
      [],
    ),
    statusSubresource: false,
  },
];

/** Resource types for every CRD in the registry (served versions only). */
export function customTypes(crds: CrdRegistry): ResourceType[] {
  return crds
    .resources()
    .map(r => ({
      group: r.group,
      versions: crds.servedVersions(r.group, r.kind),
      kind: r.kind,
      listKind: r.listKind,
      plural: r.plural,
      singular: r.singular,
      shortNames: r.shortNames,
      categories: r.categories,
      namespaced: r.scope === 'Namespaced',
      custom: true,
      statusSubresource: r.versions.some(
        v => v.served && v.hasStatusSubresource,
      ),
      nameRule: 'subdomain' as const,
      printerColumns:
        r.versions.find(v => v.served && v.storage)?.printerColumns ??
        r.versions.find(v => v.served)?.printerColumns ??
        [],
    }))
    .filter(t => t.versions.length > 0);
}
