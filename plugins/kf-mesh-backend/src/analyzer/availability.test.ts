import { analyzeNamespace, summarize } from './analyzeNamespace';
import {
  meshContext,
  onboardedAmbient,
  snapshot,
} from './__fixtures__/snapshots';

describe('data availability findings', () => {
  it('KFM501: a CRD that is not installed (404 on its group) is a finding and marks the answer incomplete', () => {
    const m = meshContext();
    const s = analyzeNamespace(
      snapshot(
        {},
        {
          mesh: {
            ...m,
            availability: { ...m.availability, gateways: 'not-installed' },
          },
        },
      ),
    );
    expect(s.findings.find(f => f.code === 'KFM501')!.message).toContain(
      'gateways',
    );
    expect(s.incomplete).toEqual([
      { resource: 'gateways', state: 'not-installed' },
    ]);
  });

  it('KFM502: forbidden or stale types are reported, the rest of the analysis still runs', () => {
    const m = meshContext();
    const s = analyzeNamespace(
      snapshot(
        { 'istio.io/dataplane-mode': 'ambient' },
        {
          mesh: {
            ...m,
            availability: {
              ...m.availability,
              authorizationpolicies: 'forbidden',
              pods: 'stale',
            },
          },
        },
      ),
    );
    expect(
      s.findings.filter(f => f.code === 'KFM502').map(f => f.message),
    ).toEqual([
      expect.stringContaining('authorizationpolicies'),
      expect.stringContaining('pods'),
    ]);
    expect(s.dataplane.intent).toBe('ambient');
  });
});

describe('summary and catalog', () => {
  it('summarize counts findings per severity and reports the worst', () => {
    const s = analyzeNamespace(
      snapshot({
        'istio.io/dataplane-mode': 'ambient',
        'istio-injection': 'enabled',
      }),
    );
    const sum = summarize(s);
    expect(sum.verdict).toBe('conflict');
    expect(sum.worstSeverity).toBe('error');
    expect(sum.findings.error).toBeGreaterThan(0);
    expect(sum.findingCodes).toContain('KFM101');
    expect(sum.profileOwner).toBe('alice@example.com');
    expect(summarize(analyzeNamespace(onboardedAmbient()))).toMatchObject({
      verdict: 'ambient',
      waypointProgrammed: true,
      worstSeverity: null,
    });
  });
});
