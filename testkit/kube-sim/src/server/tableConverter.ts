import type { ResourceType } from '../api/ResourceType';
import type { KubeObject } from '../store/KubeObject';
import { evaluateJsonPath } from './jsonPath';
import { humanDuration } from './humanDuration';
import { toPartialObjectMetadata } from './partialObjectMetadata';

interface Column {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  cell: (obj: any, now: number) => unknown;
}

const age = (obj: any, now: number) =>
  obj.metadata?.creationTimestamp
    ? humanDuration(now - Date.parse(obj.metadata.creationTimestamp))
    : '<unknown>';

const NAME: Column = {
  name: 'Name',
  type: 'string',
  format: 'name',
  cell: o => o.metadata?.name,
};
const AGE: Column = { name: 'Age', type: 'string', cell: age };

function podReady(pod: any): string {
  const statuses: any[] = pod.status?.containerStatuses ?? [];
  const total = (pod.spec?.containers ?? []).length;
  return `${statuses.filter(s => s.ready).length}/${total}`;
}

function servicePorts(svc: any): string {
  const ports: any[] = svc.spec?.ports ?? [];
  return ports.length
    ? ports.map(p => `${p.port}/${p.protocol ?? 'TCP'}`).join(',')
    : '<none>';
}

/** Columns the apiserver prints for the built-in types (subset of the real printers). */
const BUILTIN_COLUMNS: Record<string, Column[]> = {
  '/namespaces': [
    NAME,
    { name: 'Status', type: 'string', cell: o => o.status?.phase ?? 'Active' },
    AGE,
  ],
  '/pods': [
    NAME,
    { name: 'Ready', type: 'string', cell: podReady },
    {
      name: 'Status',
      type: 'string',
      cell: o => o.status?.reason ?? o.status?.phase ?? 'Pending',
    },
    {
      name: 'Restarts',
      type: 'string',
      cell: o =>
        String(
          (o.status?.containerStatuses ?? []).reduce(
            (n: number, s: any) => n + (s.restartCount ?? 0),
            0,
          ),
        ),
    },
    AGE,
    {
      name: 'IP',
      type: 'string',
      priority: 1,
      cell: o => o.status?.podIP ?? '<none>',
    },
    {
      name: 'Node',
      type: 'string',
      priority: 1,
      cell: o => o.spec?.nodeName ?? '<none>',
    },
  ],
  '/services': [
    NAME,
    { name: 'Type', type: 'string', cell: o => o.spec?.type ?? 'ClusterIP' },
    {
      name: 'Cluster-IP',
      type: 'string',
      cell: o => o.spec?.clusterIP ?? '<none>',
    },
    { name: 'External-IP', type: 'string', cell: () => '<none>' },
    { name: 'Port(s)', type: 'string', cell: servicePorts },
    AGE,
  ],
  '/serviceaccounts': [
    NAME,
    { name: 'Secrets', type: 'integer', cell: o => (o.secrets ?? []).length },
    AGE,
  ],
  '/configmaps': [
    NAME,
    {
      name: 'Data',
      type: 'integer',
      cell: o =>
        Object.keys(o.data ?? {}).length +
        Object.keys(o.binaryData ?? {}).length,
    },
    AGE,
  ],
  '/secrets': [
    NAME,
    { name: 'Type', type: 'string', cell: o => o.type ?? 'Opaque' },
    {
      name: 'Data',
      type: 'integer',
      cell: o => Object.keys(o.data ?? {}).length,
    },
    AGE,
  ],
  'apps/deployments': [
    NAME,
    {
      name: 'Ready',
      type: 'string',
      cell: o => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 1}`,
    },
    {
      name: 'Up-to-date',
      type: 'integer',
      cell: o => o.status?.updatedReplicas ?? 0,
    },
    {
      name: 'Available',
      type: 'integer',
      cell: o => o.status?.availableReplicas ?? 0,
    },
    AGE,
  ],
  'apps/daemonsets': [
    NAME,
    {
      name: 'Desired',
      type: 'integer',
      cell: o => o.status?.desiredNumberScheduled ?? 0,
    },
    {
      name: 'Current',
      type: 'integer',
      cell: o => o.status?.currentNumberScheduled ?? 0,
    },
    { name: 'Ready', type: 'integer', cell: o => o.status?.numberReady ?? 0 },
    AGE,
  ],
};

function customColumns(type: ResourceType): Column[] {
  const printer = type.printerColumns ?? [];
  if (printer.length === 0) return [NAME, AGE];
  return [
    NAME,
    ...printer.map(pc => ({
      name: pc.name,
      type: pc.type === 'date' ? 'date' : pc.type,
      format: pc.format,
      description: pc.description,
      priority: pc.priority ?? 0,
      cell: (obj: any, now: number) => {
        const values = evaluateJsonPath(obj, pc.jsonPath);
        if (values.length === 0) return null;
        if (pc.type === 'date')
          return humanDuration(now - Date.parse(String(values[0])));
        return values.length === 1 ? values[0] : values.map(String).join(',');
      },
    })),
  ];
}

/**
 * Converts objects to a `meta.k8s.io/v1` Table, as the apiserver does for `kubectl get`.
 * `includeObject` follows the query parameter (`None`, `Metadata` default, `Object`).
 */
export function toTable(
  type: ResourceType,
  objects: KubeObject[],
  listMeta: Record<string, unknown>,
  includeObject: string | undefined,
  now = Date.now(),
) {
  const columns = type.custom
    ? customColumns(type)
    : BUILTIN_COLUMNS[`${type.group}/${type.plural}`] ?? [NAME, AGE];
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: columns.map(c => ({
      name: c.name,
      type: c.type,
      format: c.format ?? '',
      description: c.description ?? c.name,
      priority: c.priority ?? 0,
    })),
    rows: objects.map(obj => ({
      cells: columns.map(c => c.cell(obj, now) ?? null),
      ...(includeObject === 'None'
        ? {}
        : {
            object:
              includeObject === 'Object'
                ? obj
                : toPartialObjectMetadata(obj, 'v1'),
          }),
    })),
  };
}
