import { analyzeOffline, renderAmbientProfile } from '@kf-mesh/real-cluster';
import { kubectlKustomize } from '../__testUtils__/kubectlKustomize';
import { requestMatrix } from '../__fixtures__/requests';
import { planOnboarding } from '../plan/planOnboarding';
import { renderPlan } from './renderPlan';

// istioctl processes (the first one renders the ambient profile) on a shared 2-core machine
jest.setTimeout(60_000);

/**
 * What `istioctl analyze --use-kube=false` may say about a plan's own objects, and why
 * (docs/conformance.md, "istioctl analyze on rendered plans"). Anything else fails.
 */
const EXPECTED_MESSAGES: Record<string, string> = {};

describe('istioctl analyze (offline) sees what it should', () => {
  it('reports IST0106 for an AuthorizationPolicy condition on an unknown attribute', async () => {
    const messages = await analyzeOffline([
      {
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'bad', namespace: 'team-a' },
        spec: {
          rules: [{ when: [{ key: 'request.bogus', values: ['x'] }] }],
        },
      },
    ]);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'IST0106',
          level: 'Error',
          origin: 'AuthorizationPolicy team-a/bad',
        }),
      ]),
    );
  });
});

describe('istioctl analyze (offline) on every rendered plan of the request matrix', () => {
  it.each(
    requestMatrix().map(r => [
      `${r.currentMode ?? 'unknown'}->${r.targetMode} KFP ${
        r.options!.kfpVersion
      }`,
      r,
    ]),
  )(
    '%s: no Error-level message, only the documented ones',
    async (_, request) => {
      const profile = await renderAmbientProfile();
      const { docs } = kubectlKustomize(
        renderPlan(planOnboarding(request)).files,
      );
      const messages = await analyzeOffline(docs, {
        meshConfigFile: profile.meshFile,
      });
      expect(messages.filter(m => m.level === 'Error')).toEqual([]);
      expect(messages.filter(m => !(m.code in EXPECTED_MESSAGES))).toEqual([]);
    },
  );
});
