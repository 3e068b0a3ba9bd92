import { InputError, NotFoundError } from '@backstage/errors';
import type {
  ClusterCapabilities,
  ClusterContributorsView,
  ClusterProblem,
  ClustersResponse,
  ClusterSyncStatus,
  FleetResponse,
  NamespaceDetailResponse,
  NamespaceMeshStatus,
  NamespaceMeshSummary,
  OnboardingTargetMode,
  ReadinessCounts,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { NamespaceSnapshot } from '../analyzer';
import type { NamespaceTarget } from './entityNamespaces';
import {
  compareFleetRows,
  FleetFilter,
  matchesFleetFilter,
} from './fleetQuery';
import { SnapshotSource, StatusIndex } from './StatusIndex';
import { pageOf } from './pagination';
import { echoSafely } from '../queryParameters';
import { readinessOf } from './readiness';

/** How many distinct fleet filters keep their matching rows. */
const FLEET_MEMO_SIZE = 32;

/** What the service needs from one cluster's cache. */
export interface ClusterSource extends SnapshotSource {
  readonly name: string;
  hasNamespace(namespace: string): boolean;
  capabilities(): ClusterCapabilities;
  syncStatus(): ClusterSyncStatus;
  /** Who KFAM shared a namespace with (its RoleBindings). */
  contributors(namespace: string): ClusterContributorsView;
}

/** A cluster with its analysis index. */
export interface ClusterRuntime {
  source: ClusterSource;
  index: StatusIndex;
}

/**
 * Answers every route from the caches and analysis indexes: no Kubernetes
 * API call per request. Cluster names are matched against configured
 * clusters only.
 */
export class MeshStatusService {
  private readonly byName: Map<string, ClusterRuntime>;
  /** Recently used fleet filters → their rows (least recently used first). */
  private readonly fleetMemo = new Map<
    string,
    {
      sources: NamespaceMeshSummary[][];
      capabilities: string;
      rows: NamespaceMeshSummary[];
      readiness?: ReadinessCounts;
    }
  >();

  constructor(private readonly clusters: ClusterRuntime[]) {
    this.byName = new Map(clusters.map(c => [c.source.name, c]));
  }

  /** Configured cluster names. */
  clusterNames(): string[] {
    return [...this.byName.keys()];
  }

  /** `GET /clusters`. */
  listClusters(): ClustersResponse {
    return { clusters: this.clusters.map(c => c.source.syncStatus()) };
  }

  private problemFor(
    c: ClusterRuntime,
    namespace?: string,
  ): ClusterProblem | undefined {
    const s = c.source.syncStatus();
    if (s.health === 'ok') return undefined;
    const bad = s.resources.filter(
      r => r.state !== 'synced' && r.state !== 'not-installed',
    );
    return {
      cluster: c.source.name,
      ...(namespace ? { namespace } : {}),
      message: `cluster ${s.health}: ${bad
        .map(r => `${r.resource} ${r.state}`)
        .join(', ')}`,
      ...(s.since ? { since: s.since } : {}),
    };
  }

  /** Status of the given namespaces (targets come from entity annotations only). */
  statusForTargets(targets: NamespaceTarget[]): {
    namespaces: NamespaceMeshStatus[];
    problems: ClusterProblem[];
  } {
    const namespaces: NamespaceMeshStatus[] = [];
    const problems: ClusterProblem[] = [];
    for (const t of targets) {
      if (t.cluster && !this.byName.has(t.cluster)) {
        problems.push({
          cluster: t.cluster,
          namespace: t.namespace,
          message: 'cluster is not configured in kf-mesh',
        });
        continue;
      }
      const candidates = t.cluster
        ? [this.byName.get(t.cluster)!]
        : this.clusters;
      let found = false;
      for (const c of candidates) {
        const problem = this.problemFor(c, t.namespace);
        if (problem) problems.push(problem);
        if (!c.source.hasNamespace(t.namespace)) continue;
        const status = c.index.get(t.namespace);
        if (status) {
          namespaces.push(status);
          found = true;
        }
      }
      if (!found) {
        problems.push({
          cluster: t.cluster ?? '*',
          namespace: t.namespace,
          message: 'namespace not found',
        });
      }
    }
    return { namespaces, problems };
  }

  /** `GET /namespaces`: filtered, paginated fleet. */
  fleet(filter: FleetFilter): FleetResponse {
    if (filter.cluster && !this.byName.has(filter.cluster)) {
      throw new InputError(
        `Invalid query parameter cluster: '${echoSafely(
          filter.cluster,
        )}' is not a configured cluster`,
      );
    }
    const clusters = filter.cluster
      ? [this.byName.get(filter.cluster)!]
      : this.clusters;
    const problems: ClusterProblem[] = [];
    for (const c of clusters) {
      const problem = this.problemFor(c);
      if (problem) problems.push(problem);
    }
    const { rows, readiness } = this.matchingRows(clusters, filter);
    return {
      ...pageOf(rows, filter),
      problems,
      ...(readiness ? { readiness } : {}),
    };
  }

  /**
   * Every row matching the filter, in page order. Memoized per filter (paging
   * aside) while no cluster's index changed: the index hands out the same
   * summaries array until it re-analyzes, so page 2..n and repeated views of
   * a large fleet cost only the slice (sorting 10k+ rows dominated a page).
   */
  private matchingRows(
    clusters: ClusterRuntime[],
    filter: FleetFilter,
  ): { rows: NamespaceMeshSummary[]; readiness?: ReadinessCounts } {
    const sources = clusters.map(c => c.index.summaries());
    // readiness depends on the capabilities: read and serialised once per cluster, not per row
    const clusterCapabilities = filter.target
      ? clusters.map(c => c.source.capabilities())
      : [];
    const capabilityKeys = clusterCapabilities.map(x => JSON.stringify(x));
    const capabilities = capabilityKeys.join('\n');
    const key = JSON.stringify([
      filter.cluster,
      filter.mode,
      filter.severity,
      filter.q,
      filter.target,
      filter.readiness ? [...filter.readiness].sort() : undefined,
      filter.sort,
      filter.order,
    ]);
    const cached = this.fleetMemo.get(key);
    if (
      cached &&
      cached.capabilities === capabilities &&
      cached.sources.length === sources.length &&
      cached.sources.every((s, i) => s === sources[i])
    ) {
      return cached;
    }
    const rows: NamespaceMeshSummary[] = [];
    const counts: ReadinessCounts | undefined = filter.target
      ? { ready: 0, 'needs-restarts': 0, blocked: 0 }
      : undefined;
    const { readiness: readinessFilter, ...otherFilters } = filter;
    clusters.forEach((c, i) => {
      for (const summary of sources[i]) {
        if (!matchesFleetFilter(summary, otherFilters)) continue;
        const row = filter.target
          ? this.withReadiness(
              c,
              summary,
              filter.target,
              clusterCapabilities[i],
              capabilityKeys[i],
            )
          : summary;
        if (counts && row.readiness) counts[row.readiness.state]++;
        if (readinessFilter && !matchesFleetFilter(row, filter)) continue;
        rows.push(row);
      }
    });
    if (filter.sort) rows.sort(compareFleetRows(filter.sort, filter.order));
    const entry = {
      sources,
      capabilities,
      rows,
      ...(counts ? { readiness: counts } : {}),
    };
    this.fleetMemo.delete(key);
    this.fleetMemo.set(key, entry);
    if (this.fleetMemo.size > FLEET_MEMO_SIZE) {
      this.fleetMemo.delete(this.fleetMemo.keys().next().value!);
    }
    return entry;
  }

  /**
   * The fleet row with its readiness for `target` (from the index's per-namespace memo, which a re-analysis
   * clears: a RoleBinding change re-analyses its namespace, so the contributors are current).
   */
  private withReadiness(
    c: ClusterRuntime,
    summary: NamespaceMeshSummary,
    target: OnboardingTargetMode,
    capabilities: ClusterCapabilities,
    capabilitiesKey: string,
  ): NamespaceMeshSummary {
    const readiness = c.index.readiness(
      summary.namespace,
      target,
      capabilitiesKey,
      status => {
        const snapshot = c.source.snapshot(summary.namespace);
        return snapshot
          ? readinessOf(
              {
                status,
                snapshot,
                capabilities,
                contributors: c.source.contributors(summary.namespace),
              },
              target,
            )
          : undefined;
      },
    );
    return readiness ? { ...summary, readiness } : summary;
  }

  /**
   * Snapshot and status of one namespace for the onboarding lifecycle, or
   * why they are not available (unknown cluster, namespace not found, or
   * incomplete cluster data, which would make a convergence verdict wrong).
   */
  namespaceState(
    cluster: string,
    namespace: string,
  ):
    | {
        snapshot: NamespaceSnapshot;
        status: NamespaceMeshStatus;
        kfpVersion: string | null;
      }
    | { problem: string } {
    const c = this.byName.get(cluster);
    if (!c)
      return { problem: `cluster ${cluster} is not configured in kf-mesh` };
    const status = c.source.hasNamespace(namespace)
      ? c.index.get(namespace)
      : undefined;
    const snapshot = status ? c.source.snapshot(namespace) : undefined;
    if (!status || !snapshot) {
      const problem = this.problemFor(c, namespace);
      return {
        problem: problem
          ? problem.message
          : `namespace ${namespace} not found in cluster ${cluster}`,
      };
    }
    if (status.incomplete.length > 0) {
      return {
        problem: `cluster data incomplete (${status.incomplete
          .map(i => `${i.resource} ${i.state}`)
          .join(', ')})`,
      };
    }
    return { snapshot, status, kfpVersion: c.source.capabilities().kfpVersion };
  }

  /** The contributors of a namespace, as KFAM shared it (`namespaceDetail` first: same NotFound rules). */
  contributors(cluster: string, namespace: string): ClusterContributorsView {
    const c = this.byName.get(cluster);
    if (!c) throw new NotFoundError(`cluster '${cluster}' is not configured`);
    return c.source.contributors(namespace);
  }

  /** `GET /clusters/:cluster/namespaces/:namespace`. */
  namespaceDetail(cluster: string, namespace: string): NamespaceDetailResponse {
    const c = this.byName.get(cluster);
    if (!c) throw new NotFoundError(`cluster '${cluster}' is not configured`);
    const status = c.source.hasNamespace(namespace)
      ? c.index.get(namespace)
      : undefined;
    if (!status)
      throw new NotFoundError(
        `namespace '${namespace}' not found in cluster '${cluster}'`,
      );
    return {
      status,
      capabilities: c.source.capabilities(),
      contributors: c.source.contributors(namespace),
    };
  }
}
