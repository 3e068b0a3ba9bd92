import { dump } from 'js-yaml';
import { dumpYaml } from './yamlDump';

const OPTIONS = { lineWidth: -1, noRefs: true };

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  '',
  'a',
  'waypoint',
  'cluster.local/ns/kubeflow/sa/ml-pipeline-ui',
  'yes',
  'on',
  'null',
  '~',
  'true',
  '0755',
  '1:20',
  '12',
  '-1.5e3',
  '.inf',
  '2024-01-01',
  '2024-01-01T10:00:00Z',
  '<<',
  'a: b',
  '- x',
  '#x',
  'x #y',
  '*/api/kernels',
  '&anchor',
  '!tag',
  '[1]',
  '{a}',
  ' lead',
  'trail ',
  'line\nbreak',
  'ends\n',
  '\n',
  '\n\nlead',
  '  indented\nblock',
  'quote"s',
  "o'brien",
  'nul\u0000',
  'bom\ufeff',
  'ünïcödé 名前 😀',
  'lone\ud800',
  'x'.repeat(1500),
  `${'word '.repeat(60)}end`,
];

const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'spec',
  'rules',
  'from',
  'when',
  'values',
  'a b',
  'a: b',
  'istio.io/waypoint-for',
  '0',
  '12',
  '',
  'yes',
  'k\nnl',
  'k'.repeat(300),
  '__proto__',
  '#',
  '- x',
];

function generate(random: () => number, pool: unknown[], depth = 0): unknown {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const r = random();
  if (pool.length && r < 0.15) {
    // a sub-object seen before (a copy, sometimes changed a little): exercises the cache
    const copy = structuredClone(pick(pool));
    if (random() < 0.3 && copy && typeof copy === 'object') {
      const keys = Object.keys(copy);
      if (keys.length) (copy as any)[pick(keys)] = pick(STRINGS);
    }
    return copy;
  }
  if (depth >= 5 || r < 0.45) {
    const s = random();
    if (s < 0.75) return pick(STRINGS);
    return pick([
      0,
      -0,
      1,
      1.5,
      -2,
      NaN,
      Infinity,
      1e21,
      true,
      false,
      null,
      undefined,
    ]);
  }
  let out: unknown;
  if (r < 0.7) {
    const length = Math.floor(random() * 5);
    const list: unknown[] = [];
    for (let i = 0; i < length; i++)
      list.push(generate(random, pool, depth + 1));
    if (random() < 0.05) list.length += 1; // a hole
    out = list;
  } else {
    const size = Math.floor(random() * 5);
    const object: Record<string, unknown> =
      random() < 0.05 ? Object.create(null) : {};
    for (let i = 0; i < size; i++) {
      object[random() < 0.8 ? pick(KEYS.slice(0, 12)) : pick(KEYS)] = generate(
        random,
        pool,
        depth + 1,
      );
    }
    out = object;
  }
  if (random() < 0.3) pool.push(out);
  return out;
}

function expectSameAsJsYaml(doc: unknown) {
  let expected: string;
  try {
    expected = dump(doc, OPTIONS);
  } catch (e) {
    expect(() => dumpYaml(doc)).toThrow((e as Error).message);
    return;
  }
  expect(dumpYaml(doc)).toBe(expected);
}

// expectSameAsJsYaml asserts: one expect per document
/* eslint jest/expect-expect: ["warn", { "assertFunctionNames": ["expect", "expectSameAsJsYaml"] }] */
describe('dumpYaml', () => {
  it('writes exactly what js-yaml dump writes, for thousands of random documents', () => {
    const random = rng(20261123);
    const pool: unknown[] = [];
    for (let i = 0; i < 6000; i++) {
      const doc: Record<string, unknown> = {};
      const size = 1 + Math.floor(random() * 5);
      for (let k = 0; k < size; k++) {
        doc[KEYS[Math.floor(random() * 12)]] = generate(random, pool);
      }
      expectSameAsJsYaml(doc);
      if (i % 50 === 0) expectSameAsJsYaml(generate(random, pool));
    }
  });

  it('writes edge cases exactly like js-yaml', () => {
    for (const doc of [
      {},
      [],
      null,
      'text',
      42,
      { a: undefined },
      { a: undefined, b: 1 },
      { a: [], b: {} },
      { a: [undefined, null] },
      { a: { b: undefined } },
      { a: { b: { c: undefined } } },
      { a: [[['x']]], b: [[{}], [[]]] },
      { a: new Date(0) },
      { a: { when: new Date(0), x: [1] } },
      { a: Buffer.from('bytes') },
      { 0: 'a', b: { 1: 'x', y: [1] } },
      { ['k'.repeat(2000)]: { x: [1] } },
      { a: { ['k'.repeat(2000)]: [1], b: [2] } },
      { a: () => 1 },
      { a: { b: [Symbol('s')] } },
    ]) {
      expectSameAsJsYaml(doc);
      expectSameAsJsYaml(doc); // again, from the cache
    }
  });

  it('stays exact when documents have more places than it keeps', () => {
    for (let i = 0; i < 6000; i++) {
      expectSameAsJsYaml({
        spec: { [`key-${i}`]: { rules: [{ x: i % 7 }], n: [i % 3] } },
      });
    }
  });

  it('never serves a cached text for data that changed since', () => {
    const doc = {
      spec: { rules: [{ to: [{ operation: { paths: ['/healthz'] } }] }] },
    };
    const before = dumpYaml(doc);
    expect(dumpYaml(doc)).toBe(before);
    doc.spec.rules[0].to[0].operation.paths.push('/metrics');
    expect(dumpYaml(doc)).toBe(dump(doc, OPTIONS));
    expect(dumpYaml(doc)).not.toBe(before);
    // key order is part of the data
    const a = { spec: { x: [1], y: [2] } };
    const b = { spec: { y: [2], x: [1] } };
    expect(dumpYaml(a)).toBe(dump(a, OPTIONS));
    expect(dumpYaml(b)).toBe(dump(b, OPTIONS));
  });
});
