import { evaluateJsonPath } from './jsonPath';
import { humanDuration } from './humanDuration';

describe('printer column helpers', () => {
  const gw = {
    spec: { gatewayClassName: 'istio-waypoint' },
    status: {
      addresses: [{ value: 'a' }, { value: 'b' }],
      conditions: [
        { type: 'Accepted', status: 'True' },
        { type: 'Programmed', status: 'False' },
      ],
    },
  };

  it('evaluates the JSONPath subset used by CRD printer columns', () => {
    expect(evaluateJsonPath(gw, '.spec.gatewayClassName')).toEqual([
      'istio-waypoint',
    ]);
    expect(evaluateJsonPath(gw, '.status.addresses[*].value')).toEqual([
      'a',
      'b',
    ]);
    expect(
      evaluateJsonPath(
        gw,
        '.status.conditions[?(@.type=="Programmed")].status',
      ),
    ).toEqual(['False']);
    expect(evaluateJsonPath(gw, '.status.addresses[1].value')).toEqual(['b']);
    expect(evaluateJsonPath(gw, '.spec.missing')).toEqual([]);
  });

  it('formats ages like kubectl', () => {
    expect(humanDuration(59_000)).toBe('59s');
    expect(humanDuration(5 * 60_000 + 3_000)).toBe('5m3s');
    expect(humanDuration(42 * 60_000)).toBe('42m');
    expect(humanDuration(5 * 3_600_000 + 60_000)).toBe('5h1m');
    expect(humanDuration(30 * 3_600_000)).toBe('30h');
    expect(humanDuration(3 * 86_400_000)).toBe('3d');
    expect(humanDuration(300 * 86_400_000)).toBe('300d');
    expect(humanDuration(-5000)).toBe('<invalid>');
  });
});
