import { evaluateTargets, ratio, renderJson, renderMarkdown } from './report';
import { cell, report } from './__fixtures__/benchReport';

describe('evaluateTargets', () => {
  it('checks every target at every concurrency', () => {
    const checks = evaluateTargets(cell());
    expect(checks.map(c => [c.target, c.met])).toEqual([
      ['Entity status p95, concurrency 1', true],
      ['Entity status p95, concurrency 16', false],
      ['Kubernetes API calls per entity status request', true],
      ['Fleet page (100 rows, filtered) p95, concurrency 1', true],
      ['Fleet page (100 rows, filtered) p95, concurrency 16', true],
      ['Cold sync', true],
      ['Backend RSS after sync', true],
      ['Event → status (kf-mesh)', true],
    ]);
  });

  it('fails the API call target when a request reached a cluster', () => {
    const c = cell();
    c.requests[0].series[0].apiCallsPerRequest = 0.01;
    const check = evaluateTargets(c).find(t =>
      t.target.startsWith('Kubernetes API'),
    );
    expect(check).toMatchObject({ met: false, measured: '0.01' });
  });
});

describe('ratio', () => {
  it('formats a / b', () => {
    expect(ratio(200, 10)).toBe('20×');
    expect(ratio(15, 10)).toBe('1.5×');
    expect(ratio(1, 0)).toBe('n/a');
    expect(ratio(undefined, 1)).toBe('n/a');
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(
    report([cell({ namespaces: 100, clusters: 1 }), cell()]),
  );

  it('states machine, load and versions', () => {
    expect(md).toContain('| CPUs | 2 × AMD EPYC |');
    expect(md).toContain(
      '| Load average at start (1/5/15 min) | 1.5 / 1.2 / 1 |',
    );
    expect(md).toContain('| @backstage/plugin-kubernetes-backend | 0.21.11 |');
  });

  it('checks targets against the largest cell', () => {
    expect(md).toContain('## Targets (largest cell: 5,000 × 3)');
    expect(md).toContain(
      '| Entity status p95, concurrency 16 | ≤ 20 ms | 40 ms | **no** |',
    );
    expect(md).toContain('| Cold sync | ≤ 15 s | 12.3 s | yes |');
  });

  it('puts both backends side by side with ratios and API calls', () => {
    expect(md).toContain(
      '| 5,000 × 3 | 1 | 5 / 10 / 15 | 0 | 100 / 200 / 300 (n=100) | 48 | 25 / 50 / 75 (n=100) | 9 | 20× | 5× | 2.5 / 5 / 7.5 | n/a |',
    );
    expect(md).toContain(
      'none (no fleet view); 100 entity queries = 4,800 API calls',
    );
    expect(md).toContain('| 5,000 × 3 | pod created | 8 / 9 ms | 60 / 70 ms |');
  });

  it('shows memory next to the baseline and the load average', () => {
    expect(md).toContain(
      '| 5,000 × 3 | 333,123 | 12.3 s | 13 s | 25 s | 700 / 33 | 380 / 200 MB | 300 / 150 MB | 900 MB | 1.5 → 2.25 |',
    );
  });
});

describe('renderJson', () => {
  it('adds the target checks per cell', () => {
    const json = JSON.parse(renderJson(report([cell()])));
    expect(json.cells).toHaveLength(1);
    expect(json.targets[0]).toMatchObject({ namespaces: 5000, clusters: 3 });
    expect(json.targets[0].checks).toHaveLength(8);
  });
});
