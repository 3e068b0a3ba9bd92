import fs from 'node:fs';
import path from 'node:path';
import { FINDINGS } from './findingsCatalog';

describe('findings catalog', () => {
  it('every entry has a KFM code, a title, a remediation and IST/KIA codes in the right format', () => {
    for (const [code, def] of Object.entries(FINDINGS)) {
      expect(code).toMatch(/^KFM[1-5]\d\d$/);
      expect(def.title.length).toBeGreaterThan(5);
      expect(def.remediation.length).toBeGreaterThan(20);
      const d = def as { istioCode?: string; kialiCode?: string };
      expect(d.istioCode ?? 'IST0000').toMatch(/^IST\d{4}$/);
      expect(d.kialiCode ?? 'KIA0000').toMatch(/^KIA\d{4}$/);
    }
  });

  it('every code is asserted by an analyzer or integration test (no untested rule)', () => {
    const testDirs = [
      __dirname,
      path.join(__dirname, '..', 'cluster'),
      path.join(__dirname, '..', 'service'),
    ];
    const tests = testDirs
      .flatMap(dir =>
        fs
          .readdirSync(dir)
          .filter(f => f.endsWith('.test.ts'))
          .map(f => path.join(dir, f)),
      )
      .filter(f => f !== __filename)
      .map(f => fs.readFileSync(f, 'utf8'))
      .join('\n');
    const untested = Object.keys(FINDINGS).filter(
      code => !tests.includes(`'${code}'`),
    );
    expect(untested).toEqual([]);
  });
});
