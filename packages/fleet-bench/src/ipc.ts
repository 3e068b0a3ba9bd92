/**
 * Messages between the benchmark driver and its two child processes (kube-sim fleet, Backstage backend).
 * Child processes are started with `child_process.fork`, so every message is structured-cloned JSON.
 */

/** One simulated cluster to start. */
export interface SimClusterSpec {
  name: string;
  namespaces: number;
  seed: number;
}

/** What the driver needs to know about one profile namespace of a started cluster. */
export interface SimNamespaceInfo {
  name: string;
  state: string;
  /** Names of the namespace's pods (for the Kubernetes backend's comparable answer). */
  pods: string[];
}

/** A started cluster. */
export interface SimClusterInfo {
  name: string;
  url: string;
  objects: number;
  namespaces: SimNamespaceInfo[];
}

/** Requests to the kube-sim child. */
export type SimRequest =
  | { id: number; type: 'start'; clusters: SimClusterSpec[]; token: string }
  | { id: number; type: 'counters' }
  | { id: number; type: 'resetCounters' }
  | { id: number; type: 'apply'; cluster: string; object: unknown }
  | { id: number; type: 'memory' }
  | { id: number; type: 'close' };

/** Request counts of one cluster, by verb. */
export interface SimCounters {
  cluster: string;
  total: number;
  byVerb: Record<string, number>;
  /** Epoch ms of the first and latest request since the last reset. */
  firstAt?: number;
  lastAt?: number;
}

/** Replies of the kube-sim child (`error` when the request failed). */
export interface SimReply {
  id: number;
  error?: string;
  clusters?: SimClusterInfo[];
  counters?: SimCounters[];
  /** Epoch ms at which an `apply` was stored (watch events go out synchronously after it). */
  appliedAt?: number;
  memory?: { rssBytes: number; heapUsedBytes: number };
}

/** Requests to the backend child. */
export type BackendRequest =
  | { id: number; type: 'memory' }
  | { id: number; type: 'stop' };

/** Replies and notifications of the backend child. */
export interface BackendReply {
  id?: number;
  type?: 'started';
  error?: string;
  /** Epoch ms when `backend.start()` was called, and when it resolved (every plugin initialized). */
  startCalledAt?: number;
  startedAt?: number;
  port?: number;
  memory?: { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number };
}
