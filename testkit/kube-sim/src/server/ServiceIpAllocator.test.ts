import { ApiError } from '../api/status';
import { startKubeSim, type KubeSim } from '../sim/KubeSim';

const service = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'team-a' },
  spec: { ports: [{ port: 80 }], ...spec },
});
const ref = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Service',
  namespace: 'team-a',
  name,
});
const causesOf = (write: () => unknown) => {
  try {
    write();
  } catch (e) {
    if (e instanceof ApiError) return e.status.details?.causes;
    throw e;
  }
  throw new Error('the write was accepted');
};

describe('ServiceIpAllocator (through the simulator)', () => {
  let sim: KubeSim;
  beforeEach(async () => {
    sim = await startKubeSim();
    sim.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' },
    });
  });
  afterEach(() => sim.close());

  it('allocates distinct addresses of 10.96.0.0/12 to Services that bring none', () => {
    const ips = Array.from({ length: 50 }, (_, i) => {
      const spec = sim.apply(service(`s${i}`, {})).spec as any;
      expect(spec.clusterIPs).toEqual([spec.clusterIP]);
      return spec.clusterIP as string;
    });
    expect(new Set(ips).size).toBe(50);
    for (const ip of ips) expect(ip).toMatch(/^10\.(9[6-9]|10\d|11[01])\./);
  });

  it('refuses a taken address until its Service is deleted, and keeps it across updates', () => {
    sim.apply(service('first', { clusterIP: '10.96.0.50' }));
    sim.apply(service('first', { ports: [{ port: 81 }] }));
    expect((sim.get(ref('first'))!.spec as any).clusterIPs).toEqual([
      '10.96.0.50',
    ]);
    expect(
      causesOf(() => sim.apply(service('second', { clusterIP: '10.96.0.50' }))),
    ).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.clusterIPs',
        message:
          'Invalid value: ["10.96.0.50"]: failed to allocate IP 10.96.0.50: provided IP is already allocated',
      },
    ]);
    sim.delete(ref('first'));
    expect(
      (sim.apply(service('second', { clusterIP: '10.96.0.50' })).spec as any)
        .clusterIP,
    ).toBe('10.96.0.50');
  });

  it('refuses an update that changes the address, as an API write', () => {
    sim.apply(service('fixed', { clusterIP: '10.96.0.60' }));
    expect(
      causesOf(() => sim.apply(service('fixed', { clusterIP: '10.96.0.61' }))),
    ).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.clusterIPs[0]',
        message: 'Invalid value: ["10.96.0.61"]: may not change once set',
      },
    ]);
    expect((sim.get(ref('fixed'))!.spec as any).clusterIP).toBe('10.96.0.60');
  });

  it('frees the addresses of a deleted namespace', () => {
    sim.apply(service('first', { clusterIP: '10.96.0.50' }));
    sim.delete({ apiVersion: 'v1', kind: 'Namespace', name: 'team-a' });
    sim.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' },
    });
    expect(() =>
      sim.apply(service('again', { clusterIP: '10.96.0.50' })),
    ).not.toThrow();
  });

  it('refuses addresses outside the range, its network and broadcast address, and IPv6', () => {
    const outside = ['192.168.1.1', '10.96.0.0', '10.111.255.255'].map(
      clusterIP =>
        causesOf(() => sim.apply(service('out', { clusterIP })))?.[0].message,
    );
    for (const message of outside)
      expect(message).toContain(
        'the provided network does not match the current range',
      );
    expect(
      causesOf(() => sim.apply(service('v6', { clusterIP: 'fd00::1' }))),
    ).toEqual([
      expect.objectContaining({
        field: 'spec.clusterIPs[0]',
        message:
          'Invalid value: ["fd00::1"]: IPv6 is not configured on this cluster',
      }),
    ]);
  });
});
