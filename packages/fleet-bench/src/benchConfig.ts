/**
 * Pure builders for what the benchmark feeds the backend: the app-config and the catalog entities.
 */

/** The three Istio / Gateway API custom resources both backends are asked about. */
export const MESH_CUSTOM_RESOURCES = [
  {
    group: 'security.istio.io',
    apiVersion: 'v1',
    plural: 'authorizationpolicies',
  },
  {
    group: 'security.istio.io',
    apiVersion: 'v1',
    plural: 'peerauthentications',
  },
  { group: 'gateway.networking.k8s.io', apiVersion: 'v1', plural: 'gateways' },
] as const;

/**
 * Label selector of the bench entities for the Kubernetes backend: a not-exists requirement on a
 * label no object has, i.e. every object of the entity's namespace. The scenario's
 * AuthorizationPolicies and PeerAuthentications carry no labels, so any positive selector would
 * hide them and the two backends would not answer about the same objects.
 */
export const WHOLE_NAMESPACE_SELECTOR = '!kf-mesh.io/bench-exclude';

/** A cluster as both plugins see it. */
export interface BenchCluster {
  name: string;
  url: string;
}

/** Inputs of {@link buildAppConfig}. */
export interface AppConfigInput {
  port: number;
  /** Static external-access token the driver sends as `Authorization: Bearer`. */
  benchToken: string;
  /** Service-account token kube-sim accepts. */
  clusterToken: string;
  clusters: BenchCluster[];
  /** Absolute path of the catalog entities file. */
  entitiesFile: string;
}

/**
 * The app-config of the benchmarked backend. Both plugins read the same clusters: kf-mesh reuses
 * `kubernetes.clusterLocatorMethods` (service-account auth) when `kfMesh.clusters` is absent.
 */
export function buildAppConfig(input: AppConfigInput): Record<string, unknown> {
  const baseUrl = `http://127.0.0.1:${input.port}`;
  return {
    app: { baseUrl: 'http://127.0.0.1:3000' },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port: input.port },
      database: { client: 'better-sqlite3', connection: ':memory:' },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: input.benchToken, subject: 'fleet-bench' },
          },
        ],
      },
    },
    permission: { enabled: true },
    catalog: {
      rules: [{ allow: ['Resource', 'Location'] }],
      locations: [{ type: 'file', target: input.entitiesFile }],
    },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: input.clusters.map(c => ({
            name: c.name,
            url: c.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: input.clusterToken,
            // kube-sim speaks plain http; client-node 1.x insists on this flag for http URLs
            skipTLSVerify: true,
            // kube-sim has no metrics.k8s.io; without this every entity with pods costs two more calls per namespace
            skipMetricsLookup: true,
          })),
        },
      ],
      customResources: MESH_CUSTOM_RESOURCES.map(cr => ({ ...cr })),
    },
    kfMesh: { requestTimeoutMs: 30_000 },
  };
}

/** A profile namespace the catalog gets an entity for. */
export interface EntityTarget {
  cluster: string;
  namespace: string;
}

/** Name of the bench entity of a namespace (`<cluster>--<namespace>`, cut to the 63-character limit). */
export function entityName(t: EntityTarget): string {
  return `${t.cluster}--${t.namespace}`.slice(0, 63).replace(/[-_.]+$/, '');
}

/** Entity reference of the bench entity of a namespace. */
export function entityRef(t: EntityTarget): string {
  return `resource:default/${entityName(t)}`;
}

/**
 * One `Resource` per profile namespace, annotated for both plugins: kf-mesh reads
 * `backstage.io/kubernetes-namespace` + `backstage.io/kubernetes-cluster`; the Kubernetes backend
 * lists in that namespace with the `backstage.io/kubernetes-label-selector`.
 */
export function buildEntities(targets: EntityTarget[]): object[] {
  return targets.map(t => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: entityName(t),
      annotations: {
        'backstage.io/kubernetes-namespace': t.namespace,
        'backstage.io/kubernetes-cluster': t.cluster,
        'backstage.io/kubernetes-id': entityName(t),
        'backstage.io/kubernetes-label-selector': WHOLE_NAMESPACE_SELECTOR,
      },
    },
    spec: { type: 'kubeflow-profile', owner: 'group:default/platform' },
  }));
}

/**
 * Picks up to `count` namespaces, spread evenly over each cluster's namespaces and interleaved
 * across clusters (deterministic): the entities the benchmark queries.
 */
export function sampleTargets(
  clusters: { name: string; namespaces: { name: string }[] }[],
  count: number,
): EntityTarget[] {
  const perCluster = clusters.map((c, i) => {
    // the first clusters take the remainder
    const want =
      Math.floor(count / clusters.length) +
      (i < count % clusters.length ? 1 : 0);
    const n = Math.min(want, c.namespaces.length);
    const step = c.namespaces.length / Math.max(n, 1);
    return Array.from({ length: n }, (_, k) => ({
      cluster: c.name,
      namespace: c.namespaces[Math.floor(k * step)].name,
    }));
  });
  const out: EntityTarget[] = [];
  const longest = Math.max(0, ...perCluster.map(l => l.length));
  for (let k = 0; k < longest; k++)
    for (const list of perCluster) if (k < list.length) out.push(list[k]);
  return out;
}
