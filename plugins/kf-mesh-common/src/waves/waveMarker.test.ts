import { parseWaveMarker, waveMarker } from './waveMarker';

describe('waveMarker', () => {
  it('round-trips through a PR body', () => {
    const ref = {
      id: 'wave-20261201',
      taskId: '3f0c1c8e-6a4b-4d0e-9d55-0b1f2a3c4d5e',
      rollbackOf: 'wave-20261130',
    };
    const body = `# Onboard\n\nsome text\n\n${waveMarker(ref)}\n`;
    expect(parseWaveMarker(body)).toEqual(ref);
    expect(parseWaveMarker(`x\n${waveMarker({ id: 'w1' })}`)).toEqual({
      id: 'w1',
    });
  });

  it('refuses ids that could break the marker', () => {
    expect(() => waveMarker({ id: 'Wave 1' })).toThrow(/id must match/);
    expect(() => waveMarker({ id: 'w', taskId: 'a b' })).toThrow(
      /task must match/,
    );
    expect(() => waveMarker({ id: 'x'.repeat(41) })).toThrow(/id must match/);
  });

  it('ignores bodies without a valid marker', () => {
    expect(parseWaveMarker(undefined)).toBeUndefined();
    expect(parseWaveMarker('no marker')).toBeUndefined();
    expect(parseWaveMarker('<!-- kf-mesh-wave: id=UPPER -->')).toBeUndefined();
    // a marker quoted inside a line is not the PR's own
    expect(
      parseWaveMarker('see `<!-- kf-mesh-wave: id=w1 -->` here'),
    ).toBeUndefined();
  });
});
