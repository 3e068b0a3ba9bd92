import type { ResourceType } from '../api/ResourceType';
import { typeKey as keyOfType } from '../api/ResourceType';
import { errors } from '../api/status';
import { EventHistory, type StoreEvent } from './EventHistory';
import { KubeObject, objectKey } from './KubeObject';
import { prepareCreate, prepareUpdate } from './objectMetaLifecycle';

/** Rows of one resource type, with a lazily rebuilt sorted key index for paging. */
class TypeTable {
  readonly objects = new Map<string, KubeObject>();
  private sorted?: string[];

  keys(): string[] {
    if (!this.sorted) this.sorted = [...this.objects.keys()].sort();
    return this.sorted;
  }

  set(key: string, obj: KubeObject): void {
    if (!this.objects.has(key)) this.sorted = undefined;
    this.objects.set(key, obj);
  }

  delete(key: string): void {
    if (this.objects.delete(key)) this.sorted = undefined;
  }
}

/** First index in sorted `keys` whose key is > `after` (or >= `from`). */
function lowerBound(
  keys: string[],
  target: string,
  inclusive: boolean,
): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < target || (!inclusive && keys[mid] === target))
      lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Options of {@link ObjectStore.scan}. */
export interface ScanOptions {
  namespace?: string;
  /** Start after this key (continue token position). */
  after?: string;
  limit?: number;
  filter?: (obj: KubeObject) => boolean;
}

/**
 * The simulator's in-memory "etcd": objects per type, a monotonic resourceVersion counter,
 * a bounded event history and synchronous change listeners (watches).
 */
export class ObjectStore {
  private rv: number;
  private readonly tables = new Map<string, TypeTable>();
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  readonly history: EventHistory;

  constructor(
    options: { historySize?: number; initialResourceVersion?: number } = {},
  ) {
    this.rv = options.initialResourceVersion ?? 1000;
    this.history = new EventHistory(options.historySize ?? 10000, this.rv);
  }

  /** The latest resourceVersion handed out. */
  currentRv(): number {
    return this.rv;
  }

  private table(key: string): TypeTable {
    let table = this.tables.get(key);
    if (!table) {
      table = new TypeTable();
      this.tables.set(key, table);
    }
    return table;
  }

  /** Subscribes to every change; returns the unsubscribe function. */
  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: StoreEvent): void {
    this.history.push(event);
    for (const listener of [...this.listeners]) listener(event);
  }

  private stamp(obj: KubeObject): KubeObject {
    this.rv += 1;
    return {
      ...obj,
      metadata: { ...obj.metadata, resourceVersion: String(this.rv) },
    };
  }

  get(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    return this.tables
      .get(keyOfType(type))
      ?.objects.get(objectKey(type.namespaced ? namespace : undefined, name));
  }

  /** Number of stored objects of a type (all namespaces). */
  count(type: ResourceType): number {
    return this.tables.get(keyOfType(type))?.objects.size ?? 0;
  }

  /** Total number of stored objects. */
  size(): number {
    let n = 0;
    for (const table of this.tables.values()) n += table.objects.size;
    return n;
  }

  /**
   * Objects of a type in key order, optionally in one namespace, after a key, filtered and limited.
   * `nextKey` is set when more matching objects may follow; `remaining` counts unfiltered rest.
   */
  scan(
    type: ResourceType,
    options: ScanOptions = {},
  ): {
    items: KubeObject[];
    lastKey?: string;
    more: boolean;
    remaining: number;
  } {
    const table = this.tables.get(keyOfType(type));
    if (!table) return { items: [], more: false, remaining: 0 };
    const keys = table.keys();
    const prefix =
      type.namespaced && options.namespace ? `${options.namespace}/` : '';
    let i =
      options.after !== undefined
        ? lowerBound(keys, options.after, false)
        : lowerBound(keys, prefix, true);
    if (
      options.after !== undefined &&
      prefix &&
      keys[i] !== undefined &&
      keys[i] < prefix
    ) {
      i = lowerBound(keys, prefix, true);
    }
    const items: KubeObject[] = [];
    const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
    let lastKey: string | undefined;
    for (; i < keys.length; i++) {
      const key = keys[i];
      if (prefix && !key.startsWith(prefix)) break;
      if (items.length >= limit) {
        let remaining = 0;
        for (
          let j = i;
          j < keys.length && (!prefix || keys[j].startsWith(prefix));
          j++
        )
          remaining++;
        return { items, lastKey, more: true, remaining };
      }
      const obj = table.objects.get(key)!;
      if (options.filter && !options.filter(obj)) continue;
      items.push(obj);
      lastKey = key;
    }
    return { items, lastKey, more: false, remaining: 0 };
  }

  /** Creates an object (fills uid, timestamps, generation, resourceVersion); 409 when it exists. */
  create(type: ResourceType, obj: KubeObject, now = new Date()): KubeObject {
    const name = obj.metadata.name!;
    const namespace = type.namespaced ? obj.metadata.namespace : undefined;
    const key = objectKey(namespace, name);
    const table = this.table(keyOfType(type));
    if (table.objects.has(key)) throw errors.alreadyExists(type, name);
    const base: KubeObject = { ...obj, metadata: { ...obj.metadata } };
    if (!type.namespaced) delete base.metadata.namespace;
    const stored = this.stamp(prepareCreate(type, base, now));
    table.set(key, stored);
    this.emit({
      type: 'ADDED',
      rv: this.rv,
      typeKey: keyOfType(type),
      object: stored,
    });
    return stored;
  }

  /**
   * Replaces an object. When `expectedRv` is given it must match the stored version (409 Conflict).
   */
  update(type: ResourceType, obj: KubeObject, expectedRv?: string): KubeObject {
    const name = obj.metadata.name!;
    const namespace = type.namespaced ? obj.metadata.namespace : undefined;
    const key = objectKey(namespace, name);
    const table = this.table(keyOfType(type));
    const old = table.objects.get(key);
    if (!old) throw errors.notFound(type, name);
    if (
      expectedRv !== undefined &&
      expectedRv !== '' &&
      expectedRv !== old.metadata.resourceVersion
    ) {
      throw errors.conflict(type, name);
    }
    const prepared = prepareUpdate(type, old, obj);
    if (
      JSON.stringify(prepared) ===
      JSON.stringify({
        ...old,
        metadata: {
          ...old.metadata,
          resourceVersion: prepared.metadata.resourceVersion,
        },
      })
    ) {
      // no-op updates keep the resourceVersion and emit nothing, like the apiserver
      return old;
    }
    const stored = this.stamp(prepared);
    table.set(key, stored);
    this.emit({
      type: 'MODIFIED',
      rv: this.rv,
      typeKey: keyOfType(type),
      object: stored,
      previous: old,
    });
    return stored;
  }

  /** Deletes an object; returns it with the deletion's resourceVersion. 404 when absent. */
  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject {
    const key = objectKey(type.namespaced ? namespace : undefined, name);
    const table = this.table(keyOfType(type));
    const old = table.objects.get(key);
    if (!old) throw errors.notFound(type, name);
    table.delete(key);
    const stored = this.stamp(old);
    this.emit({
      type: 'DELETED',
      rv: this.rv,
      typeKey: keyOfType(type),
      object: stored,
    });
    return stored;
  }

  /** Deletes every namespaced object in a namespace (namespace deletion cascade). */
  deleteNamespaceContents(types: ResourceType[], namespace: string): void {
    for (const type of types) {
      if (!type.namespaced) continue;
      for (const obj of this.scan(type, { namespace }).items) {
        this.delete(type, namespace, obj.metadata.name!);
      }
    }
  }

  /** Drops all objects and history (resourceVersions keep increasing). */
  clear(): void {
    this.tables.clear();
    this.history.compact(this.rv);
  }

  /** Forgets the event history: watches from any earlier resourceVersion get 410. */
  compact(): void {
    this.history.compact(this.rv);
  }
}
