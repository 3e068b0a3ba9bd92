import { matchesLabels, parseLabelSelector } from './labelSelector';

describe('label selectors', () => {
  const labels = {
    app: 'nb',
    'istio.io/dataplane-mode': 'ambient',
    tier: 'web',
  };
  const matches = (selector: string) =>
    matchesLabels(parseLabelSelector(selector), labels);

  it('matches equality, inequality, existence and set-based requirements', () => {
    expect(matches('')).toBe(true);
    expect(matches('app=nb')).toBe(true);
    expect(matches('app==nb,tier=web')).toBe(true);
    expect(matches('app!=nb')).toBe(false);
    expect(matches('missing!=x')).toBe(true);
    expect(matches('istio.io/dataplane-mode')).toBe(true);
    expect(matches('!istio-injection')).toBe(true);
    expect(matches('!app')).toBe(false);
    expect(matches('tier in (web, api)')).toBe(true);
    expect(matches('tier notin (web)')).toBe(false);
    expect(matches('missing notin (web)')).toBe(true);
    expect(matches('tier in (api),app=nb')).toBe(false);
  });

  it('rejects malformed selectors with a parse error', () => {
    expect(() => parseLabelSelector('app in (a')).toThrow(
      /unable to parse requirement/,
    );
    expect(() => parseLabelSelector('Bad Key=x')).toThrow(
      /unable to parse requirement/,
    );
    expect(() => parseLabelSelector('app=has space')).toThrow(
      /invalid label value/,
    );
  });
});
