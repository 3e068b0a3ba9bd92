import { ScenarioContext } from './ScenarioContext';

/** The address as a 32-bit number, or undefined when `ip` is not a dotted-quad IPv4 address. */
function ipv4(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || !parts.every(p => /^(0|[1-9]\d{0,2})$/.test(p)))
    return undefined;
  const octets = parts.map(Number);
  if (octets.some(o => o > 255)) return undefined;
  return octets.reduce((acc, o) => acc * 256 + o, 0);
}

// the launcher's and kubeadm's --service-cluster-ip-range
const CIDR_FIRST = ipv4('10.96.0.0')!;
const CIDR_SIZE = 2 ** 20;

describe('ScenarioContext', () => {
  const newContext = () => new ScenarioContext(1, 3, '2026-01-05T09:00:00Z');

  it('allocates Service IPs that are valid, unique and inside 10.96.0.0/12', () => {
    const ctx = newContext();
    const ips = Array.from({ length: 70_000 }, () => ctx.serviceIP());
    const invalid = ips.filter(ip => {
      const n = ipv4(ip);
      // neither the network address nor the broadcast address of the range
      return (
        n === undefined || n <= CIDR_FIRST || n >= CIDR_FIRST + CIDR_SIZE - 1
      );
    });
    expect(invalid).toEqual([]);
    expect(new Set(ips).size).toBe(ips.length);
  });

  it('keeps the first addresses of the range for the kubernetes and DNS Services', () => {
    const first = ipv4(newContext().serviceIP())!;
    expect(first - CIDR_FIRST).toBeGreaterThan(10);
  });

  it('fails with a clear error once the Service range is used up', () => {
    const ctx = newContext();
    expect(() => {
      for (let i = 0; i < CIDR_SIZE; i++) ctx.serviceIP();
    }).toThrow(/Service IP range 10\.96\.0\.0\/12 is used up/);
  });
});
