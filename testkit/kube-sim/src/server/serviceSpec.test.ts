import {
  clusterIpCauses,
  clusterIpUpdateCauses,
  normalizeService,
  serviceSpecCauses,
} from './serviceSpec';

const svc = (spec: Record<string, unknown>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 's', namespace: 'ns' },
  spec,
});
const fields = (causes: { field: string }[]) => causes.map(c => c.field);

describe('Service rules', () => {
  it('fills in type, protocol, targetPort and clusterIPs as the apiserver does before validating', () => {
    const created = normalizeService(
      svc({ clusterIP: '10.96.0.20', ports: [{ port: 80, targetPort: 0 }] }),
    );
    expect(created.spec).toEqual({
      type: 'ClusterIP',
      clusterIP: '10.96.0.20',
      clusterIPs: ['10.96.0.20'],
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    });
  });

  it('keeps the allocated addresses an update leaves out, and follows a changed clusterIP', () => {
    const old = normalizeService(svc({ clusterIP: '10.96.0.20', ports: [] }));
    expect(normalizeService(svc({ ports: [] }), old).spec).toMatchObject({
      clusterIP: '10.96.0.20',
      clusterIPs: ['10.96.0.20'],
    });
    const changed = normalizeService(
      svc({ clusterIP: '10.96.0.21', clusterIPs: ['10.96.0.20'] }),
      old,
    );
    expect((changed.spec as any).clusterIPs).toEqual(['10.96.0.21']);
    expect(clusterIpUpdateCauses(changed, old)).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.clusterIPs[0]',
        message: 'Invalid value: ["10.96.0.21"]: may not change once set',
      },
    ]);
  });

  it('refuses clusterIPs that are no IP or disagree with clusterIP', () => {
    expect(
      clusterIpCauses(normalizeService(svc({ clusterIP: 'foo' }))),
    ).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.clusterIPs[0]',
        message:
          'Invalid value: "foo": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      },
    ]);
    expect(
      fields(
        clusterIpCauses(
          svc({ clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.2'] }),
        ),
      ),
    ).toEqual(['spec.clusterIPs']);
    expect(
      clusterIpCauses(normalizeService(svc({ clusterIP: 'None' }))),
    ).toEqual([]);
  });

  it('requires ports unless headless and checks numbers, names, protocols and duplicates', () => {
    const check = (spec: Record<string, unknown>) =>
      fields(serviceSpecCauses(normalizeService(svc(spec))));
    expect(check({})).toEqual(['spec.ports']);
    expect(check({ clusterIP: 'None' })).toEqual([]);
    expect(check({ type: 'ExternalName', externalName: 'x.example' })).toEqual(
      [],
    );
    expect(check({ ports: [{ port: 0 }] })).toEqual([
      'spec.ports[0].port',
      'spec.ports[0].targetPort',
    ]);
    expect(check({ ports: [{ port: 80 }, { port: 81 }] })).toEqual([
      'spec.ports[0].name',
      'spec.ports[1].name',
    ]);
    expect(
      check({
        ports: [
          { name: 'a', port: 80 },
          { name: 'a', port: 80, protocol: 'tcp' },
          { name: 'b', port: 80 },
        ],
      }),
    ).toEqual([
      'spec.ports[1].name',
      'spec.ports[1].protocol',
      'spec.ports[2]',
    ]);
    expect(
      serviceSpecCauses(
        normalizeService(svc({ ports: [{ port: 80, targetPort: '-a--b-' }] })),
      ).map(c => c.message),
    ).toEqual([
      'Invalid value: "-a--b-": must not contain consecutive hyphens',
      'Invalid value: "-a--b-": must not begin or end with a hyphen',
    ]);
  });
});
