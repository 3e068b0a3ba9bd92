import type { KubeObject } from './KubeObject';

/** One change, as delivered to watchers. */
export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** resourceVersion of this change. */
  rv: number;
  typeKey: string;
  object: KubeObject;
  /** The object before a MODIFIED change (to compute selector transitions). */
  previous?: KubeObject;
}

/**
 * A bounded ring of recent events (the simulator's "etcd compaction window").
 * Watches from a resourceVersion older than the window get 410 Expired.
 */
export class EventHistory {
  private buffer: (StoreEvent | undefined)[];
  private start = 0;
  private size = 0;
  /** Highest resourceVersion whose events are no longer retained. */
  private compactedRv: number;

  constructor(private readonly capacity: number, initialRv: number) {
    this.buffer = new Array(capacity);
    this.compactedRv = initialRv;
  }

  push(event: StoreEvent): void {
    if (this.capacity === 0) {
      this.compactedRv = event.rv;
      return;
    }
    if (this.size === this.capacity) {
      this.compactedRv = this.buffer[this.start]!.rv;
      this.buffer[this.start] = event;
      this.start = (this.start + 1) % this.capacity;
    } else {
      this.buffer[(this.start + this.size) % this.capacity] = event;
      this.size++;
    }
  }

  /** Drops every retained event: any watch from an older resourceVersion now gets 410. */
  compact(upToRv: number): void {
    this.buffer = new Array(this.capacity);
    this.start = 0;
    this.size = 0;
    this.compactedRv = upToRv;
  }

  /** The oldest resourceVersion a watch may start from. */
  oldestWatchableRv(): number {
    return this.compactedRv;
  }

  /** Events after `rv`, or undefined when `rv` is older than the retained window. */
  since(rv: number): StoreEvent[] | undefined {
    if (rv < this.compactedRv) return undefined;
    const out: StoreEvent[] = [];
    for (let i = 0; i < this.size; i++) {
      const event = this.buffer[(this.start + i) % this.capacity]!;
      if (event.rv > rv) out.push(event);
    }
    return out;
  }
}
