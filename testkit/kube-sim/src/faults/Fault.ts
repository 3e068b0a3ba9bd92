/** Which requests a fault applies to; omitted fields match anything. */
export interface FaultMatch {
  verb?: string;
  /** API group, `''` for core. */
  group?: string;
  resource?: string;
  namespace?: string;
  name?: string;
}

/** What happens to a matching request. */
export type FaultEffect =
  /** Answer normally after a delay. */
  | { kind: 'latency'; ms: number }
  /** Never answer (the connection stays open until the client gives up or the server stops). */
  | { kind: 'hang' }
  /** Answer with a 5xx `Status`. */
  | { kind: 'error'; status: 500 | 502 | 503 | 504; message?: string }
  /** Answer 429 with `Retry-After`. */
  | { kind: 'throttle'; retryAfterSeconds: number }
  /** Answer 410 Expired to list requests carrying a `continue` token. */
  | { kind: 'expireContinue' }
  /** End matching watch streams after `afterEvents` events (0 = right after they open). */
  | { kind: 'dropWatch'; afterEvents: number };

/** A fault definition for `sim.faults.add`. */
export type FaultSpec = FaultEffect & {
  match?: FaultMatch;
  /** Apply to at most this many requests, then stop matching (default: unlimited). */
  times?: number;
};

/** Returned by `sim.faults.add`: how often it fired, and a way to remove it. */
export interface FaultHandle {
  /** Number of requests this fault has affected so far. */
  readonly hits: number;
  remove(): void;
}

/** Request attributes a fault is matched against. */
export interface FaultRequest {
  verb: string;
  group: string;
  resource: string;
  namespace?: string;
  name?: string;
  hasContinue: boolean;
}
