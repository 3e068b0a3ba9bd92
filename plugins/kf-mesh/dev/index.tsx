import { stringifyEntityRef } from '@backstage/catalog-model';
import { Content, Header, Page } from '@backstage/core-components';
import { createApiFactory } from '@backstage/core-plugin-api';
import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import {
  EntityKfMeshCard,
  EntityKfMeshContent,
  KfMeshPage,
  kfMeshApiRef,
  kfMeshPlugin,
} from '../src';
import { MockKfMeshApi } from '../src/__fixtures__/MockKfMeshApi';
import { profileEntityFor } from '../src/__fixtures__/entities';
import { createFleet } from '../src/__fixtures__/fleet';
import {
  ambientStatus,
  conflictStatus,
  migratingStatus,
  noneStatus,
  sidecarStatus,
} from '../src/__fixtures__/namespaceStatuses';
import {
  allOnboardings,
  createOnboardings,
  knownOnboarding,
  unknownOnboarding,
  withOnboarding,
} from '../src/__fixtures__/onboardings';

// Onboarding pull requests aged relative to now; the entity tabs show one
// lifecycle situation each.
const onboardings = createOnboardings();
/** A namespace merged to ambient 40 minutes ago whose pods still run sidecars. */
const stuckStatus = withOnboarding(
  {
    ...migratingStatus,
    namespace: 'kubeflow-judy',
    profile: { name: 'kubeflow-judy', owner: 'judy@example.com' },
    dataplane: {
      ...migratingStatus.dataplane,
      counts: { total: 5, sidecar: 3, ambient: 2, pending: 0, none: 0 },
      podsNeedingRestart: onboardings.stuck.convergence!.podsOnOldDataplane,
    },
  },
  knownOnboarding(onboardings.stuck),
);
const statuses = [
  withOnboarding(ambientStatus, knownOnboarding(onboardings.converged)),
  withOnboarding(migratingStatus, knownOnboarding(onboardings.converging)),
  withOnboarding(sidecarStatus, { state: 'none' }),
  withOnboarding(noneStatus, unknownOnboarding(onboardings.inReview)),
  withOnboarding(conflictStatus, knownOnboarding(onboardings.closed)),
  stuckStatus,
];
const entities = statuses.map(s => profileEntityFor(s.namespace, s.cluster));
const teamEntity = profileEntityFor('kubeflow-team', 'prod-eu');
const deniedEntity = profileEntityFor('kubeflow-secret', 'prod-eu');

// Analysis timestamps are "now" so the dev app shows fresh data.
const fresh = <T extends { analyzedAt: string }>(s: T): T => ({
  ...s,
  analyzedAt: new Date().toISOString(),
});

const mockApi = new MockKfMeshApi({
  statusesByEntityRef: {
    ...Object.fromEntries(
      entities.map((e, i) => [stringifyEntityRef(e), [fresh(statuses[i])]]),
    ),
    [stringifyEntityRef(teamEntity)]: [
      fresh(withOnboarding(ambientStatus, { state: 'disabled' })),
      fresh(withOnboarding(sidecarStatus, { state: 'disabled' })),
    ],
  },
  problemsByEntityRef: {
    [stringifyEntityRef(teamEntity)]: [
      {
        cluster: 'staging',
        namespace: 'kubeflow-team',
        message: 'cluster unreachable: list pods timed out after 10s',
      },
    ],
  },
  forbiddenEntityRefs: [stringifyEntityRef(deniedEntity)],
  fleet: createFleet(15_000),
  onboardings: allOnboardings(),
});

function CardsPage() {
  return (
    <Page themeId="tool">
      <Header title="Overview cards" subtitle="EntityKfMeshCard per profile" />
      <Content>
        <Grid container spacing={3}>
          {[...entities, teamEntity, deniedEntity].map(entity => (
            <Grid item xs={12} md={6} key={entity.metadata.name}>
              <EntityProvider entity={entity}>
                <EntityKfMeshCard />
              </EntityProvider>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}

const app = createDevApp()
  .registerPlugin(kfMeshPlugin)
  .registerApi(
    createApiFactory({ api: kfMeshApiRef, deps: {}, factory: () => mockApi }),
  )
  .addPage({ element: <KfMeshPage />, title: 'Fleet', path: '/kf-mesh' })
  .addPage({ element: <CardsPage />, title: 'Cards', path: '/cards' });

for (const entity of [...entities, teamEntity, deniedEntity]) {
  // Inline JSX, not a wrapper component: the legacy app discovers routable
  // extensions by walking the element tree.
  app.addPage({
    element: (
      <Page themeId="tool">
        <Header title={entity.metadata.name} subtitle="kf-mesh entity tab" />
        <Content>
          <EntityProvider entity={entity}>
            <EntityKfMeshContent />
          </EntityProvider>
        </Content>
      </Page>
    ),
    title: entity.metadata.name,
    path: `/entity/${entity.metadata.name}`,
  });
}

app.render();
