import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import {
  BUILTIN_TYPES,
  customTypes,
  type ResourceType,
} from '../api/ResourceType';
import { TypeCatalog } from '../api/TypeCatalog';
import type { AuthConfig } from '../auth/TokenRules';
import {
  crdObject,
  parseApiVersion,
  type CrdRegistry,
} from '../crds/CrdRegistry';
import { upstreamCrdPaths } from '../crds/upstreamCrdPaths';
import { FaultRegistry } from '../faults/FaultRegistry';
import { RequestCounters } from '../faults/RequestCounters';
import type { KubeObject } from '../store/KubeObject';
import { ObjectStore } from '../store/ObjectStore';
import { createHttpHandler, type HttpContext } from '../server/httpHandler';
import { ResourceService } from '../server/ResourceService';
import { kubeconfigYaml, writeKubeconfig } from './kubeconfig';
import { crdRegistryFor, type ClusterFeatures } from './registryCache';
import { selfSignedCert } from './selfSignedCert';

/** Options of {@link startKubeSim}. */
export interface KubeSimOptions {
  /** Port on 127.0.0.1; 0 or omitted picks a free one. */
  port?: number;
  /** CRD files to serve (default: the reference Istio and Gateway API CRDs). */
  crds?: string[];
  /** Bearer-token auth, or `false` (default) to accept anonymous requests as admin. */
  auth?: AuthConfig | false;
  /** Objects to load at start (e.g. from `buildScenario`). */
  scenario?: {
    objects: KubeObject[];
    features?: ClusterFeatures;
    clusterName?: string;
  };
  /** Name used in kubeconfigs (default: the scenario's cluster name, else `kube-sim`). */
  clusterName?: string;
  /** Which optional API groups are served (defaults: the scenario's features, else all). */
  features?: ClusterFeatures;
  /** Number of change events kept for watches (older resourceVersions get 410). Default 10,000. */
  historySize?: number;
  /** Lifetime of list continue tokens in ms (default 5 minutes, like etcd compaction). */
  continueTokenTtlMs?: number;
  /**
   * Serve https with a self-signed certificate (see {@link KubeSim.caCert}). Needed for kubectl
   * with a token: kubectl never sends credentials over plain http.
   */
  tls?: boolean;
  /** How often watches with `allowWatchBookmarks=true` get a BOOKMARK event (default 60 s). */
  bookmarkIntervalMs?: number;
}

/** Identifies one object for the direct store API. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** Selects objects for {@link KubeSim.list}. */
export interface ListSelector {
  apiVersion: string;
  kind: string;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/**
 * A running in-memory Kubernetes API server on 127.0.0.1, with direct store access for tests,
 * fault injection and request counters.
 */
export class KubeSim {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url = '';
  /** The port (kept across {@link KubeSim.stop} / {@link KubeSim.restart}). */
  port = 0;
  readonly faults = new FaultRegistry();
  readonly counters = new RequestCounters();
  readonly catalog: TypeCatalog;
  readonly crds: CrdRegistry;
  readonly clusterName: string;
  /** PEM certificate to trust when `tls` is on (self-signed, valid for 127.0.0.1). */
  readonly caCert?: string;
  private readonly store: ObjectStore;
  private readonly service: ResourceService;
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly hung = new Set<http.ServerResponse>();
  private running = false;

  /** Use {@link startKubeSim}. */
  constructor(private readonly options: KubeSimOptions = {}) {
    const features = options.features ?? options.scenario?.features ?? {};
    this.crds = crdRegistryFor(options.crds ?? upstreamCrdPaths(), features);
    this.catalog = new TypeCatalog([
      ...BUILTIN_TYPES,
      ...customTypes(this.crds),
    ]);
    this.clusterName =
      options.clusterName ?? options.scenario?.clusterName ?? 'kube-sim';
    this.store = new ObjectStore({ historySize: options.historySize });
    this.service = new ResourceService(this.store, this.catalog, this.crds, {
      continueTtlMs: options.continueTokenTtlMs ?? 5 * 60_000,
    });
    const context: HttpContext = {
      catalog: this.catalog,
      store: this.store,
      service: this.service,
      auth: options.auth ?? false,
      faults: this.faults,
      counters: this.counters,
      serverAddress: () => `127.0.0.1:${this.port}`,
      hung: this.hung,
      bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    };
    const handler = createHttpHandler(context);
    if (options.tls) {
      const { cert, key } = selfSignedCert();
      this.caCert = cert;
      this.server = https.createServer({ cert, key }, handler);
    } else {
      this.server = http.createServer(handler);
    }
    this.server.on(
      options.tls ? 'secureConnection' : 'connection',
      (socket: Socket) => {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
      },
    );
    // like a real API server, serve the CRDs it knows (kube-sim's CRD set is fixed at start)
    for (const resource of this.crds.resources())
      this.applyInternal(crdObject(resource) as KubeObject);
    if (options.scenario) this.loadScenario(options.scenario);
  }

  /** Starts listening (on the configured port, or the previous one after {@link KubeSim.stop}). */
  async listen(): Promise<void> {
    if (this.running) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(
        this.port || this.options.port || 0,
        '127.0.0.1',
        () => {
          this.server.off('error', reject);
          resolve();
        },
      );
    });
    this.port = (this.server.address() as AddressInfo).port;
    this.url = `${this.options.tls ? 'https' : 'http'}://127.0.0.1:${
      this.port
    }`;
    this.running = true;
  }

  /** Stops answering: closes the port and every open connection (clients get connection refused). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    const closed = new Promise<void>(resolve =>
      this.server.close(() => resolve()),
    );
    for (const res of this.hung) res.destroy();
    this.hung.clear();
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** Listens again on the same port after {@link KubeSim.stop}; data is kept. */
  async restart(): Promise<void> {
    await this.listen();
  }

  /** Stops the server for good and removes all faults. */
  async close(): Promise<void> {
    this.faults.clear();
    await this.stop();
  }

  /** Kubeconfig YAML pointing at this simulator. */
  kubeconfig(token?: string): string {
    return kubeconfigYaml({
      url: this.url,
      token,
      clusterName: this.clusterName,
      caCert: this.caCert,
    });
  }

  /** Writes a kubeconfig for this simulator to `file`. */
  writeKubeconfig(file: string, token?: string): string {
    return writeKubeconfig(file, {
      url: this.url,
      token,
      clusterName: this.clusterName,
      caCert: this.caCert,
    });
  }

  private typeOf(
    apiVersion: string,
    kind: string,
  ): { type: ResourceType; version: string } {
    const { group, version } = parseApiVersion(apiVersion);
    const type = this.catalog.forKind(group, kind);
    if (!type || !type.versions.includes(version)) {
      throw new Error(
        `kube-sim does not serve kind ${JSON.stringify(
          kind,
        )} in ${JSON.stringify(apiVersion)}`,
      );
    }
    return { type, version };
  }

  /** Whether the simulator serves this kind (feature switches respected). */
  serves(apiVersion: string, kind: string): boolean {
    try {
      this.typeOf(apiVersion, kind);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Creates or replaces an object directly (status included, no resourceVersion precondition),
   * with the same resourceVersion bump and watch event an API write produces. Custom resources
   * are schema-validated and Services checked (ClusterIP allocated, ports) as an API write is
   * (throws `ApiError` 422).
   */
  apply(obj: KubeObject): KubeObject {
    return structuredClone(this.applyInternal(obj));
  }

  private applyInternal(obj: KubeObject): KubeObject {
    const { type } = this.typeOf(obj.apiVersion, obj.kind);
    const namespace = type.namespaced
      ? obj.metadata?.namespace ?? 'default'
      : undefined;
    let input: KubeObject = {
      ...(type.custom ? this.crds.withDefaults(obj) : obj),
      metadata: { ...obj.metadata, namespace },
    };
    if (!type.namespaced) delete input.metadata.namespace;
    const existing = this.store.get(
      type,
      namespace,
      String(obj.metadata?.name),
    );
    input = this.service.admitDirect(type, input, existing);
    const { resourceVersion: _rv, ...metadata } = input.metadata;
    const stored = existing
      ? this.store.update(type, { ...input, metadata })
      : this.store.create(type, { ...input, metadata });
    return { ...stored, apiVersion: obj.apiVersion, kind: type.kind };
  }

  /** Reads one object (a copy), or undefined. */
  get(ref: ObjectRef): KubeObject | undefined {
    const { type, version } = this.typeOf(ref.apiVersion, ref.kind);
    const found = this.store.get(type, ref.namespace, ref.name);
    return found
      ? structuredClone({ ...found, apiVersion: ref.apiVersion || version })
      : undefined;
  }

  /** Lists objects (copies) of a kind, optionally in a namespace and by selectors. */
  list(selector: ListSelector): KubeObject[] {
    const { type, version } = this.typeOf(selector.apiVersion, selector.kind);
    return structuredClone(this.service.list(type, version, selector).items);
  }

  /** Deletes an object like an API delete (namespaces cascade). Returns false when absent. */
  delete(ref: ObjectRef): boolean {
    const { type, version } = this.typeOf(ref.apiVersion, ref.kind);
    if (!this.store.get(type, ref.namespace, ref.name)) return false;
    this.service.delete(type, version, ref.namespace, ref.name);
    return true;
  }

  /** Number of stored objects. */
  objectCount(): number {
    return this.store.size();
  }

  /** The latest resourceVersion. */
  resourceVersion(): string {
    return String(this.store.currentRv());
  }

  /** Forgets the watch history: watches and continue tokens from earlier versions get 410. */
  compact(): void {
    this.store.compact();
  }

  /**
   * Loads a scenario's objects (in order). Objects of kinds this simulator does not serve
   * (feature switches) are skipped and counted.
   */
  loadScenario(scenario: { objects: KubeObject[] }): {
    loaded: number;
    skipped: number;
  } {
    let loaded = 0;
    let skipped = 0;
    for (const obj of scenario.objects) {
      if (!this.serves(obj.apiVersion, obj.kind)) {
        skipped++;
        continue;
      }
      this.applyInternal(obj);
      loaded++;
    }
    return { loaded, skipped };
  }
}

/** Starts a simulator on 127.0.0.1 and resolves once it accepts connections. */
export async function startKubeSim(
  options: KubeSimOptions = {},
): Promise<KubeSim> {
  const sim = new KubeSim(options);
  await sim.listen();
  return sim;
}
