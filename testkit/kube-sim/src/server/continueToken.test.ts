import { decodeContinue, encodeContinue } from './continueToken';

describe('continue tokens', () => {
  it('round-trip the list position', () => {
    const position = { rv: 1234, start: 'team-a/p3', issuedAt: 1700000000000 };
    const token = encodeContinue(position);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(
      JSON.parse(Buffer.from(token, 'base64url').toString()),
    ).toMatchObject({ v: 'meta.k8s.io/v1', rv: 1234 });
    expect(decodeContinue(token)).toEqual(position);
  });

  it('reject tampered or foreign tokens', () => {
    expect(() => decodeContinue('not-a-token')).toThrow(
      /continue key is not valid/,
    );
    expect(() =>
      decodeContinue(Buffer.from('{"v":"x"}').toString('base64url')),
    ).toThrow(/continue key is not valid/);
  });
});
