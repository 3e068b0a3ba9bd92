import {
  isIstioLiteral,
  istioLiteralRule,
  istioValueMatch,
} from './istioValueMatching';

describe("Istio's AuthorizationPolicy value matching", () => {
  it.each([
    ['*', 'any'],
    ['**', 'suffix'],
    ['*@example.com', 'suffix'],
    ['alice*', 'prefix'],
    ['*/api/kernels', 'suffix'],
    ['a*b', 'exact'],
    ['alice@example.com', 'exact'],
    ['', 'exact'],
  ] as const)(
    '%j is a(n) %s match (string.go StringMatcherWithPrefix)',
    (value, match) => {
      expect(istioValueMatch(value)).toBe(match);
    },
  );

  it('takes only values without any `*` as literals, so no concatenation can become a wildcard', () => {
    expect(isIstioLiteral('alice@example.com')).toBe(true);
    expect(isIstioLiteral('accounts.google.com:')).toBe(true);
    for (const v of ['*', 'a*b', '*x', 'x*', '{*}', '/a/{**}']) {
      expect(isIstioLiteral(v)).toBe(false);
    }
    // prefix "a" + user "*b" would be the exact "a*b", but "*" + "b" would be a suffix match
    expect(istioValueMatch(`*${'b'}`)).toBe('suffix');
  });

  it('names the place in the rule', () => {
    expect(istioLiteralRule('when.values')).toBe(
      "must not contain '*' (Istio treats it as a wildcard in when.values)",
    );
  });
});
