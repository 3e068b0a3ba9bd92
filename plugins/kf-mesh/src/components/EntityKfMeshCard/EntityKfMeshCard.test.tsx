import { screen, within } from '@testing-library/react';
import type { NamespaceMeshStatus } from '@kf-mesh/plugin-kf-mesh-common';
import { permissionDenied } from '../../__fixtures__/apiErrors';
import { unannotatedEntity } from '../../__fixtures__/entities';
import {
  ambientStatus,
  conflictStatus,
  migratingStatus,
  noneStatus,
  sidecarStatus,
} from '../../__fixtures__/namespaceStatuses';
import {
  renderForProfileEntity,
  renderForProfileEntityStatus,
  renderWithEntity,
} from '../../__testUtils__/renderWithEntity';
import {
  createOnboardings,
  inWave,
  knownOnboarding,
  unknownOnboarding,
  withOnboarding,
} from '../../__fixtures__/onboardings';
import { EntityKfMeshCard } from './EntityKfMeshCard';

const renderStatus = (
  response: Parameters<typeof renderForProfileEntityStatus>[1],
) => renderForProfileEntityStatus(<EntityKfMeshCard />, response);

/** Renders the card for one namespace and returns its row. */
const rowShowing = async (status: NamespaceMeshStatus) => {
  await renderStatus({ namespaces: [status] });
  return within(
    await screen.findByRole('region', { name: new RegExp(status.namespace) }),
  );
};

describe('EntityKfMeshCard', () => {
  it('summarises a healthy ambient namespace and links to the tab', async () => {
    const row = await rowShowing(ambientStatus);
    expect(row.getByText('Ambient')).toBeInTheDocument();
    expect(row.getByText('waypoint: Programmed')).toBeInTheDocument();
    expect(row.getByText('STRICT')).toBeInTheDocument();
    expect(row.getByText('No findings')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /View mesh status/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/kubeflow-bob/kf-mesh',
    );
  });

  it('shows the worst finding of a migrating namespace first', async () => {
    const row = await rowShowing(migratingStatus);
    expect(row.getByText('Migrating')).toBeInTheDocument();
    expect(row.getByText('None')).toBeInTheDocument();
    expect(
      row.getByText(/KFM301: L7 rules dropped at ztunnel \(\+2 more\)/),
    ).toBeInTheDocument();
  });

  it.each([
    { status: sidecarStatus, verdict: 'Sidecar', mtls: 'STRICT' },
    { status: noneStatus, verdict: 'Not in mesh', mtls: 'PERMISSIVE' },
    { status: conflictStatus, verdict: 'Conflict', mtls: 'STRICT' },
  ])('shows the $verdict verdict', async ({ status, verdict, mtls }) => {
    const row = await rowShowing(status);
    expect(row.getByText(verdict)).toBeInTheDocument();
    expect(row.getByText(mtls)).toBeInTheDocument();
  });

  it('flags clusters that did not answer', async () => {
    await renderStatus({
      namespaces: [ambientStatus],
      problems: [{ cluster: 'prod-us', message: 'down' }],
    });
    expect(
      await screen.findByText(/Partial: prod-us did not answer/),
    ).toBeInTheDocument();
  });

  it('shows permission denied', async () => {
    await renderForProfileEntity(
      <EntityKfMeshCard />,
      jest
        .fn()
        .mockRejectedValue(permissionDenied('You do not have permission.')),
    );
    expect(await screen.findByText(/Permission denied/)).toBeInTheDocument();
  });

  it('says when no namespace was found', async () => {
    await renderStatus({});
    expect(
      await screen.findByText('No namespace found for this entity.'),
    ).toBeInTheDocument();
  });

  it('explains a missing annotation without calling the backend', async () => {
    const getEntityStatus = jest.fn();
    await renderWithEntity(<EntityKfMeshCard />, {
      api: { getEntityStatus },
      entity: unannotatedEntity,
    });
    expect(
      screen.getByText(/has no backstage.io\/kubernetes-namespace/),
    ).toBeInTheDocument();
    expect(getEntityStatus).not.toHaveBeenCalled();
  });

  describe('onboarding line', () => {
    const onboardings = createOnboardings();
    const onboardingFact = (row: ReturnType<typeof within>) =>
      row.getByText('Onboarding', { selector: 'dt' })
        .nextElementSibling as HTMLElement;

    it('shows the stage and a link to the pull request', async () => {
      const row = await rowShowing(
        withOnboarding(migratingStatus, knownOnboarding(onboardings.stuck)),
      );
      const line = within(onboardingFact(row));
      expect(onboardingFact(row)).toHaveTextContent(
        /^Stuck #36: merged 40 min ago, 3 pods still have sidecars/,
      );
      expect(line.getByRole('link', { name: '#36' })).toHaveAttribute(
        'href',
        onboardings.stuck.pullRequest.url,
      );
    });

    it('names the wave of a PR a wave opened', async () => {
      const row = await rowShowing(
        withOnboarding(
          migratingStatus,
          knownOnboarding(
            inWave(onboardings.stuck, { id: 'wave-20261201-1640' }),
          ),
        ),
      );
      expect(onboardingFact(row)).toHaveTextContent(
        /still have sidecars: restart them \(wave wave-20261201-1640\)$/,
      );
    });

    it('says unknown since when GitHub cannot be read', async () => {
      const row = await rowShowing(
        withOnboarding(ambientStatus, unknownOnboarding()),
      );
      expect(onboardingFact(row)).toHaveTextContent(
        'Unknown since 12 minutes ago',
      );
      expect(row.getByText('Ambient')).toBeInTheDocument();
    });

    it('is absent when no GitOps repository is configured', async () => {
      const row = await rowShowing(
        withOnboarding(ambientStatus, { state: 'disabled' }),
      );
      expect(row.queryByText('Onboarding')).toBeNull();
    });
  });
});
