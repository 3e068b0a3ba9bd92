/** A filter for {@link RequestCounters.get}; omitted fields match anything. */
export interface CounterQuery {
  verb?: string;
  group?: string;
  resource?: string;
  namespace?: string;
}

/** One counted request bucket. */
export interface CounterEntry {
  verb: string;
  group: string;
  /** Resource plural; `''` for non-resource paths (discovery, /version, /openapi). */
  resource: string;
  /** Namespace, `''` for cluster-scope requests. */
  namespace: string;
  count: number;
}

/** Request counts by verb, group, resource and namespace. */
export class RequestCounters {
  private readonly buckets = new Map<string, CounterEntry>();
  /** Epoch ms of the first request counted since the last reset (benchmarks: when a sync began). */
  firstAt?: number;
  /** Epoch ms of the latest request counted since the last reset. */
  lastAt?: number;

  /** Counts one request. */
  record(
    verb: string,
    group: string,
    resource: string,
    namespace: string | undefined,
  ): void {
    const now = Date.now();
    this.firstAt ??= now;
    this.lastAt = now;
    const key = `${verb}\u0000${group}\u0000${resource}\u0000${
      namespace ?? ''
    }`;
    const entry = this.buckets.get(key);
    if (entry) entry.count++;
    else
      this.buckets.set(key, {
        verb,
        group,
        resource,
        namespace: namespace ?? '',
        count: 1,
      });
  }

  /** Sum of the buckets that match the query. */
  get(query: CounterQuery = {}): number {
    let sum = 0;
    for (const e of this.buckets.values()) {
      if (
        (query.verb === undefined || e.verb === query.verb) &&
        (query.group === undefined || e.group === query.group) &&
        (query.resource === undefined || e.resource === query.resource) &&
        (query.namespace === undefined || e.namespace === query.namespace)
      ) {
        sum += e.count;
      }
    }
    return sum;
  }

  /** All requests counted since the last reset. */
  total(): number {
    return this.get();
  }

  /** Every bucket, for printing in benchmarks. */
  entries(): CounterEntry[] {
    return [...this.buckets.values()].map(e => ({ ...e }));
  }

  /** Zeroes all counters. */
  reset(): void {
    this.buckets.clear();
    this.firstAt = undefined;
    this.lastAt = undefined;
  }
}
