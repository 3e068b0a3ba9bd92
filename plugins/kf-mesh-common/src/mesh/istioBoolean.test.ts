import { isIstioTrue } from './istioBoolean';

describe('isIstioTrue (Go strconv.ParseBool, as istiod reads labels and annotations)', () => {
  it.each(['1', 't', 'T', 'TRUE', 'true', 'True'])('%s is true', value => {
    expect(isIstioTrue(value)).toBe(true);
  });
  it.each([undefined, '', 'yes', 'on', 'tRUE', '0', 'false'])(
    '%s is not',
    value => {
      expect(isIstioTrue(value)).toBe(false);
    },
  );
});
