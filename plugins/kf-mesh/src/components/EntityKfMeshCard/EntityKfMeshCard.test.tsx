import { screen, within } from '@testing-library/react';
import type { EntityStatusResponse } from '@kf-mesh/plugin-kf-mesh-common';
import { KfMeshApiError } from '../../api';
import { profileEntity, unannotatedEntity } from '../../__fixtures__/entities';
import {
  ambientStatus,
  conflictStatus,
  migratingStatus,
  noneStatus,
  sidecarStatus,
} from '../../__fixtures__/namespaceStatuses';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import {
  createOnboardings,
  inWave,
  knownOnboarding,
  unknownOnboarding,
  withOnboarding,
} from '../../__fixtures__/onboardings';
import { EntityKfMeshCard } from './EntityKfMeshCard';

const response = (
  partial: Partial<EntityStatusResponse>,
): EntityStatusResponse => ({
  entityRef: 'component:default/kubeflow-bob',
  namespaces: [],
  problems: [],
  ...partial,
});

const render = (getEntityStatus: jest.Mock) =>
  renderWithEntity(<EntityKfMeshCard />, {
    api: { getEntityStatus },
    entity: profileEntity,
  });

const rowOf = async (namespace: string) =>
  screen.findByRole('region', { name: new RegExp(namespace) });

describe('EntityKfMeshCard', () => {
  it('summarises a healthy ambient namespace and links to the tab', async () => {
    await render(
      jest.fn().mockResolvedValue(response({ namespaces: [ambientStatus] })),
    );
    const row = within(await rowOf('kubeflow-alice'));
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
    await render(
      jest.fn().mockResolvedValue(response({ namespaces: [migratingStatus] })),
    );
    const row = within(await rowOf('kubeflow-bob'));
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
    await render(
      jest.fn().mockResolvedValue(response({ namespaces: [status] })),
    );
    const row = within(await rowOf(status.namespace));
    expect(row.getByText(verdict)).toBeInTheDocument();
    expect(row.getByText(mtls)).toBeInTheDocument();
  });

  it('flags clusters that did not answer', async () => {
    await render(
      jest.fn().mockResolvedValue(
        response({
          namespaces: [ambientStatus],
          problems: [{ cluster: 'prod-us', message: 'down' }],
        }),
      ),
    );
    expect(
      await screen.findByText(/Partial: prod-us did not answer/),
    ).toBeInTheDocument();
  });

  it('shows permission denied', async () => {
    await render(
      jest.fn().mockRejectedValue(
        new KfMeshApiError({
          reason: 'permission-denied',
          status: 403,
          message: 'You do not have permission.',
        }),
      ),
    );
    expect(await screen.findByText(/Permission denied/)).toBeInTheDocument();
  });

  it('says when no namespace was found', async () => {
    await render(jest.fn().mockResolvedValue(response({})));
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
      await render(
        jest.fn().mockResolvedValue(
          response({
            namespaces: [
              withOnboarding(
                migratingStatus,
                knownOnboarding(onboardings.stuck),
              ),
            ],
          }),
        ),
      );
      const row = within(await rowOf('kubeflow-bob'));
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
      await render(
        jest.fn().mockResolvedValue(
          response({
            namespaces: [
              withOnboarding(
                migratingStatus,
                knownOnboarding(
                  inWave(onboardings.stuck, { id: 'wave-20261201-1640' }),
                ),
              ),
            ],
          }),
        ),
      );
      const row = within(await rowOf('kubeflow-bob'));
      expect(onboardingFact(row)).toHaveTextContent(
        /still have sidecars: restart them \(wave wave-20261201-1640\)$/,
      );
    });

    it('says unknown since when GitHub cannot be read', async () => {
      await render(
        jest.fn().mockResolvedValue(
          response({
            namespaces: [withOnboarding(ambientStatus, unknownOnboarding())],
          }),
        ),
      );
      const row = within(await rowOf('kubeflow-alice'));
      expect(onboardingFact(row)).toHaveTextContent(
        'Unknown since 12 minutes ago',
      );
      expect(row.getByText('Ambient')).toBeInTheDocument();
    });

    it('is absent when no GitOps repository is configured', async () => {
      await render(
        jest.fn().mockResolvedValue(
          response({
            namespaces: [withOnboarding(ambientStatus, { state: 'disabled' })],
          }),
        ),
      );
      const row = within(await rowOf('kubeflow-alice'));
      expect(row.queryByText('Onboarding')).toBeNull();
    });
  });
});
