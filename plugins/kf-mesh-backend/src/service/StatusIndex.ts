import type {
  MeshDriftItem,
  NamespaceMeshStatus,
  NamespaceMeshSummary,
  NamespaceReadiness,
  OnboardingTargetMode,
} from '@kf-mesh/plugin-kf-mesh-common';
import {
  analyzeNamespace,
  NamespaceSnapshot,
  summarize,
  MeshContext,
} from '../analyzer';

/** What the index needs from a cluster cache. */
export interface SnapshotSource {
  namespaceNames(): string[];
  meshContext(): MeshContext;
  snapshot(
    namespace: string,
    mesh?: MeshContext,
  ): NamespaceSnapshot | undefined;
  /**
   * True while the first LIST of some type is still running. Background analysis waits for it
   * (each type's LIST would otherwise trigger a full re-analysis of a half-synced cluster);
   * reads still analyze on demand.
   */
  syncing?(): boolean;
}

interface Entry {
  status: NamespaceMeshStatus;
  summary: NamespaceMeshSummary;
  driftChecked: boolean;
  /** Readiness per target mode, with the cluster capabilities it was computed with. */
  readiness?: Map<
    OnboardingTargetMode,
    { key: string; value: NamespaceReadiness }
  >;
}

/** Computes the drift of a namespace against its plan; undefined = no plan applies. */
export type DriftCheck = (
  snapshot: NamespaceSnapshot,
) => MeshDriftItem[] | undefined;

/**
 * Per-namespace analysis results of one cluster, recomputed when the cache
 * changes (dirty tracking + debounce), never per request. Reads flush the
 * pending work first, so an answer is never older than the cache.
 */
export class StatusIndex {
  private readonly entries = new Map<string, Entry>();
  private dirty = new Set<string>();
  private allDirty = true;
  private timer?: NodeJS.Timeout;
  private sortedSummaries?: NamespaceMeshSummary[];

  constructor(
    private readonly source: SnapshotSource,
    private readonly debounceMs: number,
    private readonly driftCheck?: DriftCheck,
  ) {}

  /** Marks namespaces (or all) for re-analysis and schedules it. */
  markDirty(namespaces: Set<string> | '*'): void {
    if (namespaces === '*') this.allDirty = true;
    else for (const n of namespaces) this.dirty.add(n);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.debounceMs < 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.source.syncing?.()) this.schedule();
      else this.flush();
    }, this.debounceMs);
    this.timer.unref?.();
  }

  /** Recomputes every dirty namespace now. */
  flush(): void {
    if (!this.allDirty && this.dirty.size === 0) return;
    const mesh = this.source.meshContext();
    const names = this.allDirty
      ? this.source.namespaceNames()
      : [...this.dirty];
    if (this.allDirty) {
      const keep = new Set(names);
      for (const k of this.entries.keys())
        if (!keep.has(k)) this.entries.delete(k);
    }
    this.allDirty = false;
    this.dirty = new Set();
    const now = new Date();
    for (const name of names) {
      const snap = this.source.snapshot(name, mesh);
      if (!snap) {
        this.entries.delete(name);
        continue;
      }
      const status = analyzeNamespace(snap, now);
      this.entries.set(name, {
        status,
        summary: summarize(status),
        driftChecked: false,
      });
    }
    this.sortedSummaries = undefined;
  }

  /** Full status of one namespace (flushes pending work for it first). */
  get(namespace: string): NamespaceMeshStatus | undefined {
    if (this.allDirty || this.dirty.has(namespace)) this.flush();
    const entry = this.entries.get(namespace);
    if (entry && !entry.driftChecked && this.driftCheck) {
      // Drift needs the planner, so it is computed for full-status reads only, then kept.
      const snap = this.source.snapshot(namespace);
      const drift = snap ? this.driftCheck(snap) : undefined;
      if (drift) entry.status = { ...entry.status, drift };
      entry.driftChecked = true;
    }
    return entry?.status;
  }

  /**
   * Readiness of one namespace for a target mode, computed once per analysis of the namespace
   * and `key` (the cluster capabilities it depends on): a fleet page with `target` then
   * re-plans only the namespaces that changed.
   */
  readiness(
    namespace: string,
    target: OnboardingTargetMode,
    key: string,
    compute: (status: NamespaceMeshStatus) => NamespaceReadiness | undefined,
  ): NamespaceReadiness | undefined {
    const status = this.get(namespace);
    const entry = this.entries.get(namespace);
    if (!status || !entry) return undefined;
    const cached = entry.readiness?.get(target);
    if (cached && cached.key === key) return cached.value;
    const value = compute(status);
    if (!value) return undefined;
    entry.readiness ??= new Map();
    entry.readiness.set(target, { key, value });
    return value;
  }

  /** All summaries sorted by namespace name (flushes first). */
  summaries(): NamespaceMeshSummary[] {
    this.flush();
    if (!this.sortedSummaries) {
      this.sortedSummaries = [...this.entries.values()]
        .map(e => e.summary)
        .sort((a, b) => a.namespace.localeCompare(b.namespace));
    }
    return this.sortedSummaries;
  }

  /** Stops the debounce timer. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
