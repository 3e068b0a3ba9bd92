import { parseCliArgs } from './parseCliArgs';

describe('parseCliArgs', () => {
  it('parses flags and turns TLS on when a token is given', () => {
    expect(
      parseCliArgs([
        '--port',
        '7000',
        '--scenario=fleet',
        '--namespaces',
        '500',
        '--seed',
        '3',
        '--token',
        't',
      ]),
    ).toMatchObject({
      port: 7000,
      scenario: 'fleet',
      namespaces: 500,
      seed: 3,
      token: 't',
      tls: true,
    });
    expect(parseCliArgs(['--token', 't', '--no-tls']).tls).toBe(false);
    expect(parseCliArgs(['--no-istio', '--no-gateway-api'])).toMatchObject({
      istio: false,
      gatewayApi: false,
      port: 6443,
    });
  });

  it('explains bad input', () => {
    expect(() => parseCliArgs(['--port', 'x'])).toThrow(
      '--port needs an integer between 0 and 65535, got "x"',
    );
    expect(() => parseCliArgs(['--scenario', 'big'])).toThrow(
      '--scenario must be mixed, fleet or empty',
    );
    expect(() => parseCliArgs(['--what'])).toThrow('Unknown option "--what"');
  });
});
