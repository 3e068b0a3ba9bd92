import { dump } from 'js-yaml';

/*
 * `dumpYaml(data)` returns exactly `dump(data, DUMP_OPTIONS)` of js-yaml, faster for a fleet of
 * similar documents: sub-objects that are equal to ones already serialized (the principals, probe
 * paths, targetRefs, annotations... that every namespace shares) are not serialized again.
 *
 * Every character of the result is a slice of a js-yaml dump of plain data; nothing is written by
 * hand and no value is ever inserted into YAML text. It relies on one property of js-yaml's block
 * style: in a block collection that is a mapping value (not the first line of a sequence item), the
 * text of the collection is the concatenation of the texts of its entries, each one depending only
 * on the entry and its position (the path of keys above it). The text of one entry is taken from
 * js-yaml by difference: dump the collection's path with a dummy entry, then with the dummy entry
 * and the entry; the second dump minus the first is the entry. Each difference is checked (the
 * first dump must be a prefix of the second), and yamlDump.test.ts checks the property on
 * thousands of random documents against `dump` itself.
 *
 * The cache maps (path, entry) to the entry's text. A cached text is used only when the entry is
 * deep-equal (same keys in the same order, same scalars) to a private, frozen copy of the entry it
 * was made from, so a text is always exactly what js-yaml writes for that data at that place: it
 * cannot carry anything from one namespace's documents into another's, and callers may mutate
 * their plans freely. Anything unusual (keys js-yaml may write as explicit `? ` pairs or that
 * JavaScript reorders, empty collections, class instances) is left to js-yaml in one piece.
 */

const DUMP_OPTIONS = { lineWidth: -1, noRefs: true } as const;
const DUMMY_VALUE = 0;
const CANDIDATES_PER_PLACE = 8;
const MAX_PLACES = 4096;

type Plain = Record<string, unknown>;
type Path = readonly (string | number)[];

function isPlainObject(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Keys that js-yaml writes as a plain or quoted one-line key (never an explicit `? ` pair) and
 * that JavaScript keeps in insertion order (not integer-like).
 */
// eslint-disable-next-line no-control-regex -- control characters are what it rules out
const SIMPLE_KEY = /^(?!\d+$)[^\u0000-\u001f\u007f-\u009f\u2028\u2029]{1,150}$/;

const knownSimpleKeys = new Set<string>();

function simpleKeys(keys: string[]): boolean {
  for (const key of keys) {
    if (knownSimpleKeys.has(key)) continue;
    if (!SIMPLE_KEY.test(key) || key === '__proto__') return false;
    if (knownSimpleKeys.size < MAX_PLACES) knownSimpleKeys.add(key);
  }
  return true;
}

/** A non-empty plain mapping or array whose entries can be composed one by one. */
function splittable(value: unknown): value is Plain | unknown[] {
  if (Array.isArray(value)) {
    return Object.getPrototypeOf(value) === Array.prototype && value.length > 0;
  }
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && simpleKeys(keys);
}

/** `inner` placed at `path` (keys and sequence positions) in an otherwise minimal document. */
function wrap(path: Path, inner: unknown): unknown {
  let out = inner;
  for (let i = path.length - 1; i >= 0; i--) {
    const step = path[i];
    out = typeof step === 'number' ? [out] : { [step]: out };
  }
  return out;
}

// ---- structural equality with private snapshots -------------------------------------------

const NOT_CACHEABLE = Symbol('not cacheable');

/** Deep copy of JSON-like data for the cache; `undefined` when it holds anything else. */
function snapshot(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'function' || typeof value === 'symbol'
      ? NOT_CACHEABLE
      : value;
  }
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_CACHEABLE;
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) return NOT_CACHEABLE;
      const v = snapshot(value[i]);
      if (v === NOT_CACHEABLE) return NOT_CACHEABLE;
      out.push(v);
    }
    return Object.freeze(out);
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return NOT_CACHEABLE;
  const out: Plain = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return NOT_CACHEABLE;
    const v = snapshot((value as Plain)[key]);
    if (v === NOT_CACHEABLE) return NOT_CACHEABLE;
    out[key] = v;
  }
  return Object.freeze(out);
}

/** True when `value` serializes exactly like the snapshot `snap` (same keys, same order). */
function sameData(value: unknown, snap: unknown): boolean {
  if (typeof value !== 'object' || value === null) {
    return Object.is(value, snap); // -0 is written as -0.0, 0 as 0
  }
  if (typeof snap !== 'object' || snap === null) return false;
  if (Array.isArray(snap)) {
    if (
      !Array.isArray(value) ||
      Object.getPrototypeOf(value) !== Array.prototype ||
      value.length !== snap.length
    ) {
      return false;
    }
    for (let i = 0; i < snap.length; i++) {
      if (!(i in value) || !sameData(value[i], snap[i])) return false;
    }
    return true;
  }
  if (
    Array.isArray(value) ||
    Object.getPrototypeOf(value) !== Object.prototype
  ) {
    return false;
  }
  const keys = Object.keys(value);
  const snapKeys = Object.keys(snap);
  if (keys.length !== snapKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (
      key !== snapKeys[i] ||
      !sameData((value as Plain)[key], (snap as Plain)[key])
    ) {
      return false;
    }
  }
  return true;
}

// ---- places: the cache and the prefixes of each path ---------------------------------------

const COLD_AFTER = 32;
const COLD_SKIP = 1024;
let placeCount = 0;

interface Cached {
  data: unknown;
  text: string;
  hits: number;
}

/**
 * A position in a document: an entry (a key, or a sequence position) below its parent's path.
 * Holds the texts of the entries seen there and, for keys, the prefix of the collection under it.
 */
class Place {
  readonly children = new Map<string, Place>();
  readonly candidates: Cached[] = [];
  hits = 0;
  misses = 0;
  /** Lookups to skip: a place whose entries never repeat (a namespace name) is not cached. */
  skip = 0;
  prefix: string | undefined;

  constructor(readonly path: Path) {}

  child(name: string, step: string | number): Place {
    let place = this.children.get(name);
    if (!place) {
      placeCount++;
      place = new Place([...this.path, step]);
      this.children.set(name, place);
    }
    return place;
  }

  lookup(value: unknown): string | undefined {
    if (this.skip > 0) {
      this.skip--;
      return undefined;
    }
    for (const c of this.candidates) {
      if (sameData(value, c.data)) {
        c.hits++;
        this.hits++;
        return c.text;
      }
    }
    return undefined;
  }

  remember(value: unknown, text: string) {
    if (this.skip > 0) return;
    if (++this.misses >= COLD_AFTER && this.hits === 0) {
      // nothing repeated here so far: stop copying and comparing for a while
      this.misses = 0;
      this.skip = COLD_SKIP;
      this.candidates.length = 0;
      return;
    }
    const data = snapshot(value);
    if (data === NOT_CACHEABLE) return;
    const candidates = this.candidates;
    if (candidates.length >= CANDIDATES_PER_PLACE) {
      // evict the oldest of the least used: entries seen once (a namespace's own values) go first
      let evict = 0;
      for (let i = 1; i < candidates.length; i++) {
        if (candidates[i].hits < candidates[evict].hits) evict = i;
      }
      candidates.splice(evict, 1);
    }
    candidates.push({ data, text, hits: 0 });
  }
}
let root = new Place([]);

const INDEX_NAMES = Array.from({ length: 64 }, (_, i) => `#${i}`);

// ---- texts from js-yaml ---------------------------------------------------------------------

function yaml(data: unknown): string {
  return dump(data, DUMP_OPTIONS);
}

class CompositionError extends Error {}

/** `full` minus its prefix `head`, checked. */
function after(full: string, head: string): string {
  if (!full.startsWith(head)) {
    throw new CompositionError('unexpected js-yaml output');
  }
  return full.slice(head.length);
}

/**
 * What js-yaml writes before the entries of a block collection at the place's path (keys from
 * the top, at least one): dump of a dummy entry there, minus that entry's text, which is the
 * difference between dumps with the dummy entry twice and once. Memoized per place.
 */
function prefixOf(place: Place): string {
  if (place.prefix === undefined) {
    const once = yaml(wrap(place.path, [DUMMY_VALUE]));
    const twice = yaml(wrap(place.path, [DUMMY_VALUE, DUMMY_VALUE]));
    const dummy = after(twice, once.slice(0, -1)).slice(0, -1);
    if (!once.endsWith(`${dummy}\n`)) {
      throw new CompositionError('unexpected js-yaml output');
    }
    place.prefix = once.slice(0, once.length - dummy.length - 1);
  }
  return place.prefix;
}

/**
 * The text js-yaml writes for one entry of the collection at the place's path (a mapping value,
 * so every entry starts on a new line and does not depend on its neighbours): the collection
 * with only that entry, minus the prefix.
 */
function entryText(place: Place, alone: unknown): string {
  const full = yaml(wrap(place.path, alone));
  if (!full.endsWith('\n'))
    throw new CompositionError('unexpected js-yaml output');
  return after(full, prefixOf(place)).slice(0, -1);
}

/** Worth composing entry by entry: sequences, and mappings that hold a collection. */
function composable(value: unknown): value is Plain | unknown[] {
  if (!splittable(value)) return false;
  if (Array.isArray(value)) return true;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (typeof v === 'object' && v !== null) return true;
  }
  return false;
}

/** Text of the entries of the collection `value` at the place's path (a mapping value). */
function collectionText(place: Place, value: Plain | unknown[]): string {
  let out = '';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      const at = place.child(INDEX_NAMES[i] ?? `#${i}`, 0);
      let text = at.lookup(item);
      if (text === undefined) {
        text = entryText(place, [item]);
        at.remember(item, text);
      }
      out += text;
    }
    return out;
  }
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined) continue; // js-yaml skips keys with an undefined value
    const at = place.child(key, key);
    if (composable(v)) {
      // `key:` then the entries of its collection, each one cached on its own
      const glue = after(
        prefixOf(at),
        place.path.length === 0 ? '' : prefixOf(place),
      );
      out +=
        (place.path.length === 0 ? `\n${glue}` : glue) + collectionText(at, v);
      continue;
    }
    let text = at.lookup(v);
    if (text === undefined) {
      text =
        place.path.length === 0
          ? // a top-level pair: its own document, without the final new line
            `\n${yaml({ [key]: v }).slice(0, -1)}`
          : entryText(place, { [key]: v });
      at.remember(v, text);
    }
    out += text;
  }
  return out;
}

/** `dump(data, { lineWidth: -1, noRefs: true })` of js-yaml, byte for byte. */
export function dumpYaml(data: unknown): string {
  if (!splittable(data) || Array.isArray(data)) return yaml(data);
  if (placeCount > MAX_PLACES) {
    // far more places than documents like ours have: start over
    placeCount = 0;
    root = new Place([]);
  }
  try {
    // top-level pairs are written like entries of a nested mapping (on a new line each), but
    // the first one starts the document
    const entries = collectionText(root, data);
    if (entries === '') return yaml(data);
    return `${entries.slice(1)}\n`;
  } catch (e) {
    if (e instanceof CompositionError) return yaml(data);
    throw e;
  }
}
