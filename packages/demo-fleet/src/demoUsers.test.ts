import { buildScenario } from '@kf-mesh/kube-sim';
import { buildCatalogEntities } from './catalogEntities';
import { DEMO_CLUSTERS, PLATFORM_TEAM } from './demoFleetConfig';
import { demoOnboardingsFor, templateTestNamespace } from './demoOnboardings';
import {
  DEMO_USER_ANNOTATION,
  PLATFORM_ENGINEER,
  selfServiceNamespace,
} from './demoUsers';

const clusters = DEMO_CLUSTERS.map(c => ({
  name: c.name,
  namespaces: buildScenario({
    kind: 'mixed',
    seed: c.seed,
    clusterName: c.name,
  }).namespaces,
}));

describe('the demo users', () => {
  const entities = buildCatalogEntities(clusters, PLATFORM_TEAM);
  const signInUser = (id: string) =>
    entities.filter(
      e =>
        e.kind === 'User' &&
        e.metadata.annotations?.[DEMO_USER_ANNOTATION] === id,
    );

  it('the profile owner owns the self-service profile, a sidecar one with contributors that nothing else uses', () => {
    const own = selfServiceNamespace(clusters);
    expect(['sidecar', 'sidecar-native']).toContain(own.namespace.state);
    expect(own.namespace.contributors.length).toBeGreaterThan(0);
    const used = [
      ...demoOnboardingsFor(clusters).map(
        o => `${o.cluster}/${o.namespace.name}`,
      ),
      `${templateTestNamespace(clusters)!.cluster}/${
        templateTestNamespace(clusters)!.namespace.name
      }`,
    ];
    expect(used).not.toContain(`${own.cluster}/${own.namespace.name}`);

    const [owner] = signInUser('profile-owner');
    expect(signInUser('profile-owner')).toHaveLength(1);
    const profile = entities.find(
      e => e.metadata.name === `${own.cluster}--${own.namespace.name}`,
    );
    expect(profile?.spec.owner).toBe(`user:default/${owner.metadata.name}`);
    // not in the platform team: no fleet access
    expect(owner.spec.memberOf).toEqual([]);
  });

  it('the platform engineer is a member of the platform team and owns no profile', () => {
    expect(signInUser('platform-engineer')).toEqual([
      expect.objectContaining({
        metadata: expect.objectContaining({ name: PLATFORM_ENGINEER.userName }),
        spec: expect.objectContaining({ memberOf: [PLATFORM_TEAM] }),
      }),
    ]);
    expect(
      entities.filter(
        e => e.spec.owner === `user:default/${PLATFORM_ENGINEER.userName}`,
      ),
    ).toEqual([]);
  });
});
