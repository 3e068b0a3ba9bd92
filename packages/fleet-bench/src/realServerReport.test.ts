import { cell, report, series } from './__fixtures__/benchReport';
import { pairOf, renderRealServerSection } from './realServerReport';

const sim = cell({ namespaces: 1000, clusters: 1, objects: 22_017 });
const real = cell({
  namespaces: 1000,
  clusters: 1,
  objects: 22_017,
  server: 'real',
  loadMs: 110_000,
  requests: sim.requests.map(r =>
    r.key === 'k8sEntityObjects'
      ? { ...r, series: [series(1, 600, 16), series(16, 6000, 16)] }
      : r,
  ),
});

describe('renderRealServerSection', () => {
  const section = renderRealServerSection(report([sim, real]));
  const row = (label: string) =>
    section.split('\n').find(l => l.startsWith(`| ${label}`));

  it('names the command and the size in its heading', () => {
    expect(section).toMatch(
      /^## Real kube-apiserver vs kube-sim \(1,000 × 1\)\n/,
    );
    expect(section).toContain('`yarn bench --server real --n 1000 --c 1`');
  });

  it('compares the two cells figure by figure (real / kube-sim of the p95)', () => {
    expect(row('k8s `services/<entity>`, c=1 ')).toContain('| 3× (p95) |');
    expect(row('k8s `services/<entity>`, c=16 ')).toContain('| 3× (p95) |');
    expect(row('kf-mesh entity-status, c=1 ')).toContain('| 1× (p95) |');
    expect(row('Objects written')).toContain(
      '22,017 through the API in 110 s (200 objects/s)',
    );
    // services p95 / kf-mesh entity p95: kube-sim 200/10 and 2000/40, real 600/10 and 6000/40
    expect(row('p95 ratio services / kf-mesh')).toContain(
      '| 20× / 50× | **60× / 150×** |',
    );
  });

  it('keeps the kube-sim matrix tables, with both cells side by side', () => {
    expect(section).toContain('### Cold sync and memory (kf-mesh)');
    expect(section).toContain('### Watch event → changed answer over HTTP');
    expect(section).toContain('| 1,000 × 1 | 22,017 |');
    expect(section).toContain('| 1,000 × 1 (real kube-apiserver) | 22,017 |');
    expect(section).toContain('n/a (real server)');
  });
});

describe('pairOf', () => {
  it('needs a real cell and the kube-sim cell of its size', () => {
    expect(pairOf(report([sim, real]))).toEqual({ sim, real });
    expect(() => pairOf(report([sim]))).toThrow(/real-server cell/);
    expect(() =>
      pairOf(report([cell({ namespaces: 10, clusters: 1 }), real])),
    ).toThrow(/kube-sim cell of the same size/);
  });
});
