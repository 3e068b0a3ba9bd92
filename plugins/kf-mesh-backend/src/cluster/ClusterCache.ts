import type { LoggerService } from '@backstage/backend-plugin-api';
import { setMaxListeners } from 'node:events';
import {
  dataplaneIntent,
  CONTRIBUTOR_ROLES,
  WAYPOINT_GATEWAY_CLASS,
} from '@kf-mesh/plugin-kf-mesh-common';
import type {
  DataplaneIntent,
  ClusterCapabilities,
  ClusterContributor,
  ClusterContributorsView,
  ClusterSyncStatus,
  ResourceSyncState,
} from '@kf-mesh/plugin-kf-mesh-common';
import type {
  AuthorizationPolicyProjection,
  GatewayProjection,
  HttpRouteProjection,
  MeshContext,
  NamespaceProjection,
  NamespaceSnapshot,
  PeerAuthenticationProjection,
  PodProjection,
  ProfileProjection,
  RoleBindingProjection,
  ServiceProjection,
} from '../model';
import {
  buildMeshContext,
  gatewayApiBundleVersion,
  gatewayNamespacesOf,
  istiodVersion,
  isZtunnelPod,
  ztunnelVersion,
} from '../model';
import { KubeTransport } from './KubeTransport';
import type { KfpInstallConfigProjection, Projection } from '../model';
import { ReflectorTiming, ResourceReflector } from './ResourceReflector';
import { WATCHED_RESOURCE_TYPES } from './resourceTypes';

/** Told which namespaces need re-analysis; `'*'` means all of them. */
export type DirtyListener = (
  cluster: string,
  namespaces: Set<string> | '*',
) => void;

/** Namespaced types indexed per namespace. */
const NAMESPACED = new Set([
  'pods',
  'services',
  'authorizationpolicies',
  'peerauthentications',
  'gateways',
  'httproutes',
  'sidecars',
  'rolebindings',
]);

/** Read on request (the capabilities' versions): a change analyses no namespace. */
const READ_ON_REQUEST = new Set(['istiodeployments', 'gatewayapicrds']);
/**
 * Feed every namespace's analysis: the KFP version (drift check) and ztunnel's version (dry-run check,
 * docs/mesh-semantics.md#e1). A change re-analyses every namespace.
 */
const FEEDS_EVERY_NAMESPACE = new Set(['kfpinstallconfig', 'istiodaemonsets']);

/**
 * The watch-fed cache of one cluster: one {@link ResourceReflector} per
 * type, per-namespace indexes, and the namespace snapshots the analyzer
 * reads. Reading makes no Kubernetes API call.
 */
export class ClusterCache {
  private readonly reflectors = new Map<string, ResourceReflector>();
  /** type → namespace → name → projection */
  private readonly index = new Map<
    string,
    Map<string, Map<string, Projection>>
  >();
  /**
   * Each namespace's dataplane intent, as the analysis of every other namespace reads it (the
   * sidecar callers of KFM209, docs/mesh-semantics.md#e3): a namespace whose intent changes
   * re-analyses the whole cluster.
   */
  private readonly intents = new Map<string, DataplaneIntent>();
  private readonly controller = new AbortController();
  private runs: Promise<void>[] = [];
  private downSince?: Date;

  constructor(
    readonly name: string,
    transport: KubeTransport,
    timing: ReflectorTiming,
    private readonly rootNamespace: string,
    private readonly onDirty: DirtyListener,
    logger: LoggerService,
  ) {
    // Every reflector (and its in-flight request and back-off) listens on this signal.
    setMaxListeners(4 * WATCHED_RESOURCE_TYPES.length, this.controller.signal);
    for (const listed of WATCHED_RESOURCE_TYPES) {
      const type = listed.inRootNamespace
        ? { ...listed, namespace: rootNamespace }
        : listed;
      this.index.set(type.key, new Map());
      this.reflectors.set(
        type.key,
        new ResourceReflector(
          type,
          transport,
          timing,
          (key, changed, removed, replaced) =>
            this.applyChange(key, changed, removed, replaced),
          logger.child({ cluster: name, resource: type.key }),
        ),
      );
    }
  }

  /** Starts every reflector. */
  start(): void {
    this.runs = [...this.reflectors.values()].map(r =>
      r.run(this.controller.signal),
    );
  }

  /** Stops every reflector and waits for them. */
  async stop(): Promise<void> {
    this.controller.abort();
    await Promise.allSettled(this.runs);
  }

  private applyChange(
    type: string,
    changed: Projection[],
    removed: Projection[],
    replaced: boolean,
  ) {
    if (READ_ON_REQUEST.has(type)) return;
    if (FEEDS_EVERY_NAMESPACE.has(type)) {
      this.onDirty(this.name, '*');
      return;
    }
    const byNs = this.index.get(type)!;
    const dirty = new Set<string>();
    // A sync-state change or a full LIST can affect every namespace.
    let all = replaced || (changed.length === 0 && removed.length === 0);
    if (!NAMESPACED.has(type)) {
      for (const p of [...changed, ...removed])
        dirty.add((p as NamespaceProjection).name);
      if (type === 'gatewayclasses' && dirty.size > 0) all = true;
      if (
        type === 'namespaces' &&
        this.updateIntents(changed, removed, replaced)
      )
        all = true;
    } else if (replaced) {
      byNs.clear();
      for (const p of this.reflectors.get(type)!.items.values()) {
        const { namespace, name } = p as PodProjection;
        let m = byNs.get(namespace);
        if (!m) byNs.set(namespace, (m = new Map()));
        m.set(name, p);
      }
    } else {
      for (const p of removed) {
        const { namespace, name } = p as PodProjection;
        byNs.get(namespace)?.delete(name);
        dirty.add(namespace);
      }
      for (const p of changed) {
        const { namespace, name } = p as PodProjection;
        let m = byNs.get(namespace);
        if (!m) byNs.set(namespace, (m = new Map()));
        m.set(name, p);
        dirty.add(namespace);
      }
      // Mesh-wide policies live in the root namespace: every namespace is affected.
      if (
        dirty.has(this.rootNamespace) &&
        type !== 'pods' &&
        type !== 'services'
      )
        all = true;
    }
    if (all) this.onDirty(this.name, '*');
    else if (dirty.size > 0) this.onDirty(this.name, dirty);
  }

  /** Applies a namespace change to {@link ClusterCache.intents}; true if some namespace's intent changed. */
  private updateIntents(
    changed: Projection[],
    removed: Projection[],
    replaced: boolean,
  ): boolean {
    if (replaced) {
      // a full LIST, or the type became unreadable: the reflector's items are the whole truth
      this.intents.clear();
      for (const p of this.reflectors.get('namespaces')!.items.values()) {
        const { name, labels } = p as NamespaceProjection;
        this.intents.set(name, dataplaneIntent(labels));
      }
      return true;
    }
    let intentChanged = false;
    for (const p of removed) {
      const { name } = p as NamespaceProjection;
      // an absent namespace reads as `none` (MeshContext.namespaceIntents)
      if ((this.intents.get(name) ?? 'none') !== 'none') intentChanged = true;
      this.intents.delete(name);
    }
    for (const p of changed) {
      const { name, labels } = p as NamespaceProjection;
      const next = dataplaneIntent(labels);
      if ((this.intents.get(name) ?? 'none') !== next) intentChanged = true;
      this.intents.set(name, next);
    }
    return intentChanged;
  }

  private list<T>(type: string, namespace: string): T[] {
    const m = this.index.get(type)?.get(namespace);
    return m ? ([...m.values()] as T[]) : [];
  }

  /** Names of all namespaces known to the cache. */
  namespaceNames(): string[] {
    return [...this.reflectors.get('namespaces')!.items.keys()];
  }

  /** Whether the namespace exists in the cache. */
  hasNamespace(namespace: string): boolean {
    return this.reflectors.get('namespaces')!.items.has(namespace);
  }

  /** True while some type has not finished its first LIST. */
  syncing(): boolean {
    for (const r of this.reflectors.values())
      if (r.status.state === 'pending') return true;
    return false;
  }

  /** Sync state per type. */
  availability(): Record<string, ResourceSyncState> {
    const out: Record<string, ResourceSyncState> = {};
    for (const [key, r] of this.reflectors) {
      // Capability-only types (GatewayClasses, KFP config) do not affect a namespace's answer.
      if (!r.type.capabilityOnly) out[key] = r.status.state;
    }
    return out;
  }

  /** Mesh-wide context from the root namespace. */
  meshContext(): MeshContext {
    const root = this.rootNamespace;
    const pas = this.list<PeerAuthenticationProjection>(
      'peerauthentications',
      root,
    );
    const aps = this.list<AuthorizationPolicyProjection>(
      'authorizationpolicies',
      root,
    );
    const namespaceIntents = Object.fromEntries(this.intents);
    // one reading of ztunnel's version for the analyzer and the capabilities (docs/mesh-semantics.md#version-preflight)
    const version = this.known('istiodaemonsets')
      ? ztunnelVersion(this.all('istiodaemonsets'))
      : null;
    const kfpVersion = this.kfpInstallConfig()?.appVersion;
    return buildMeshContext(root, pas, aps, this.availability(), {
      namespaceIntents,
      ...(version ? { ztunnelVersion: version } : {}),
      ...(kfpVersion ? { kfpVersion } : {}),
    });
  }

  private kfpInstallConfig(): KfpInstallConfigProjection | undefined {
    return this.reflectors
      .get('kfpinstallconfig')!
      .items.get('kubeflow/pipeline-install-config') as
      | KfpInstallConfigProjection
      | undefined;
  }

  /** Everything the analyzer needs about one namespace, or undefined if unknown. */
  snapshot(
    namespace: string,
    mesh = this.meshContext(),
  ): NamespaceSnapshot | undefined {
    const ns = this.reflectors.get('namespaces')!.items.get(namespace) as
      | NamespaceProjection
      | undefined;
    if (!ns) return undefined;
    const services = this.list<ServiceProjection>('services', namespace);
    const pods = this.list<PodProjection>('pods', namespace);
    const gateways = this.list<GatewayProjection>('gateways', namespace);
    const httpRoutes = this.list<HttpRouteProjection>('httproutes', namespace);
    for (const other of gatewayNamespacesOf(ns, services, pods, httpRoutes))
      gateways.push(...this.list<GatewayProjection>('gateways', other));
    const profile = this.reflectors.get('profiles')!.items.get(namespace) as
      | ProfileProjection
      | undefined;
    return {
      cluster: this.name,
      namespace: ns,
      pods,
      services,
      authorizationPolicies: this.list('authorizationpolicies', namespace),
      peerAuthentications: this.list('peerauthentications', namespace),
      gateways,
      httpRoutes,
      sidecarResources: this.list('sidecars', namespace),
      ...(profile ? { profile } : {}),
      mesh,
    };
  }

  /**
   * The contributors KFAM shared a profile namespace with, from its RoleBindings (annotations `user` and
   * `role` edit|view; the owner's `admin` binding is not a contributor), each with the KFAM
   * AuthorizationPolicy of the same name when there is one. `unknown` while the RoleBindings are not
   * synced (e.g. the ClusterRole does not allow listing them).
   */
  contributors(namespace: string): ClusterContributorsView {
    const reflector = this.reflectors.get('rolebindings')!;
    const { state, reason } = reflector.status;
    if (state !== 'synced' && state !== 'stale') {
      return {
        contributors: [],
        state: {
          state: 'unknown',
          reason: `rolebindings ${state}${reason ? `: ${reason}` : ''}`,
        },
      };
    }
    const policies = new Set(
      this.list<AuthorizationPolicyProjection>(
        'authorizationpolicies',
        namespace,
      ).map(p => p.name),
    );
    const contributors: ClusterContributor[] = [];
    for (const rb of this.list<RoleBindingProjection>(
      'rolebindings',
      namespace,
    )) {
      const role = CONTRIBUTOR_ROLES.find(r => r === rb.role);
      if (!rb.user || !role) continue;
      contributors.push({
        user: rb.user,
        role,
        sources: [
          { kind: 'RoleBinding', namespace, name: rb.name },
          ...(policies.has(rb.name)
            ? [{ kind: 'AuthorizationPolicy', namespace, name: rb.name }]
            : []),
        ],
      });
    }
    contributors.sort((a, b) => a.user.localeCompare(b.user));
    return { contributors, state: { state: 'known' } };
  }

  /** Capabilities for the onboarding preflight. `null` = unknown (type not synced). */
  capabilities(): ClusterCapabilities {
    const avail = this.availability();
    const known = (type: string) =>
      avail[type] === 'synced' || avail[type] === 'stale';
    const rootPods = this.list<PodProjection>('pods', this.rootNamespace);
    const kfpConfig = this.kfpInstallConfig();
    const mesh = this.meshContext();
    return {
      ambient: known('pods') ? rootPods.some(isZtunnelPod) : null,
      gatewayApi: this.typeServed('gateways', () => true),
      waypointGatewayClass: this.typeServed('gatewayclasses', () =>
        this.reflectors
          .get('gatewayclasses')!
          .items.has(WAYPOINT_GATEWAY_CLASS),
      ),
      globalAllowNothing: known('authorizationpolicies')
        ? mesh.globalAllowNothing
        : null,
      kfpVersion: kfpConfig?.appVersion ?? null,
      // docs/mesh-semantics.md#version-preflight
      istioVersion: this.known('istiodeployments')
        ? istiodVersion(this.all('istiodeployments'))
        : null,
      ztunnelVersion: this.known('istiodaemonsets')
        ? ztunnelVersion(this.all('istiodaemonsets'))
        : null,
      // an API server without apiextensions (kube-sim) cannot tell: left out, so the preflight does not check it
      ...(this.reflectors.get('gatewayapicrds')!.status.state ===
      'not-installed'
        ? {}
        : {
            gatewayApiBundleVersion: this.known('gatewayapicrds')
              ? gatewayApiBundleVersion(this.all('gatewayapicrds'))
              : null,
          }),
    };
  }

  /** Whether a type's data is known (synced or stale). */
  private known(type: string): boolean {
    const state = this.reflectors.get(type)!.status.state;
    return state === 'synced' || state === 'stale';
  }

  /** Every object of a type, cluster-wide (for the small capability-only types). */
  private all<T extends Projection>(type: string): T[] {
    return [...this.reflectors.get(type)!.items.values()] as T[];
  }

  /** false when the type's CRD is not installed, `check()` when its data is known, else null. */
  private typeServed(type: string, check: () => boolean): boolean | null {
    const state = this.reflectors.get(type)!.status.state;
    if (state === 'not-installed') return false;
    if (state === 'synced' || state === 'stale') return check();
    return null;
  }

  /** Sync state per type, for `GET /clusters`. */
  syncStatus(): ClusterSyncStatus {
    const resources = [...this.reflectors.values()].map(r => ({
      resource: r.type.key,
      state: r.status.state,
      objects: r.items.size,
      ...(r.status.lastSyncAt
        ? { lastSyncAt: r.status.lastSyncAt.toISOString() }
        : {}),
      ...(r.status.lastUpdateAt
        ? { lastUpdateAt: r.status.lastUpdateAt.toISOString() }
        : {}),
      ...(r.status.state !== 'synced' && r.status.since
        ? { since: r.status.since.toISOString() }
        : {}),
      ...(r.status.reason ? { reason: r.status.reason } : {}),
    }));
    // CRDs that are not installed, and types only used for capabilities (GatewayClasses,
    // the KFP ConfigMap), do not make a cluster unhealthy: namespace answers are complete.
    const capabilityOnly = new Set(
      [...this.reflectors.values()]
        .filter(r => r.type.capabilityOnly)
        .map(r => r.type.key),
    );
    const relevant = resources.filter(
      r => r.state !== 'not-installed' && !capabilityOnly.has(r.resource),
    );
    const bad = relevant.filter(r => r.state !== 'synced');
    let health: ClusterSyncStatus['health'];
    if (relevant.every(r => r.state === 'pending')) health = 'pending';
    else if (bad.length === 0) health = 'ok';
    else if (bad.length === relevant.length) health = 'down';
    else health = 'degraded';
    if (health === 'ok') this.downSince = undefined;
    else if (!this.downSince) {
      const sinces = bad
        .map(r => r.since)
        .filter((s): s is string => !!s)
        .sort();
      this.downSince = sinces[0] ? new Date(sinces[0]) : new Date();
    }
    return {
      name: this.name,
      health,
      ...(this.downSince ? { since: this.downSince.toISOString() } : {}),
      resources,
    };
  }
}
