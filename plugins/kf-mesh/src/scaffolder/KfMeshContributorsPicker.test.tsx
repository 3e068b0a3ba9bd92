import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  EntityOnboardingContextResponse,
  EntityOnboardingTarget,
} from '@kf-mesh/plugin-kf-mesh-common';
import { renderField } from '../__testUtils__/FieldHarness';
import { KfMeshContributorsPicker } from './KfMeshContributorsPicker';
import { notFound } from '../__fixtures__/apiErrors';

const profile = 'resource:default/prod-us--kubeflow-carol';

const target = (
  partial: Partial<EntityOnboardingTarget> = {},
): EntityOnboardingTarget => ({
  cluster: 'prod-us',
  namespace: 'kubeflow-carol',
  profile: 'kubeflow-carol',
  owner: 'carol@example.com',
  currentMode: 'sidecar',
  contributors: [
    {
      user: 'dan@example.com',
      role: 'edit',
      sources: [
        {
          kind: 'RoleBinding',
          namespace: 'kubeflow-carol',
          name: 'user-dan-example-com-clusterrole-edit',
        },
      ],
    },
    {
      user: 'erin@example.com',
      role: 'view',
      sources: [
        {
          kind: 'AuthorizationPolicy',
          namespace: 'kubeflow-carol',
          name: 'user-erin-example-com-clusterrole-view',
        },
      ],
    },
  ],
  contributorsState: { state: 'known' },
  kfpVersion: '2.5.0',
  gitops: null,
  ...partial,
});

const render = (
  getEntityOnboarding: jest.Mock,
  formValues: Record<string, unknown> = { profile, mode: 'ambient' },
) =>
  renderField(KfMeshContributorsPicker, {
    formValues,
    api: { getEntityOnboarding },
    title: 'Contributors to keep',
  });

const answer = (
  targets: EntityOnboardingTarget[],
): EntityOnboardingContextResponse => ({
  entityRef: profile,
  targets,
  problems: [],
});

describe('KfMeshContributorsPicker', () => {
  it('shows the contributors the cluster knows, all confirmed, without typing', async () => {
    const getEntityOnboarding = jest.fn().mockResolvedValue(answer([target()]));
    const values = await render(getEntityOnboarding);
    const dan = await screen.findByRole('checkbox', {
      name: /dan@example\.com \(edit\)/,
    });
    const erin = screen.getByRole('checkbox', {
      name: /erin@example\.com \(view\)/,
    });
    expect(getEntityOnboarding).toHaveBeenCalledWith(profile);
    expect(dan).toBeChecked();
    expect(erin).toBeChecked();
    expect(
      screen.getByText(
        /from RoleBinding user-dan-example-com-clusterrole-edit/,
      ),
    ).toBeInTheDocument();
    expect(values[values.length - 1]).toEqual([
      { user: 'dan@example.com', role: 'edit' },
      { user: 'erin@example.com', role: 'view' },
    ]);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('drops an unchecked contributor from the value and names them', async () => {
    const values = await render(
      jest.fn().mockResolvedValue(answer([target()])),
    );
    await userEvent.click(
      await screen.findByRole('checkbox', { name: /erin@example\.com/ }),
    );
    expect(values[values.length - 1]).toEqual([
      { user: 'dan@example.com', role: 'edit' },
    ]);
    expect(
      screen.getByText(/erin@example\.com is still a contributor/),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('checkbox', { name: /erin@example\.com/ }),
    );
    expect(values[values.length - 1]).toHaveLength(2);
  });

  it('picks the target named by cluster and namespace when the entity maps to several', async () => {
    const other = target({
      cluster: 'prod-eu',
      contributors: [],
    });
    const values = await render(
      jest.fn().mockResolvedValue(answer([target(), other])),
      { profile, cluster: 'prod-eu', namespace: 'kubeflow-carol' },
    );
    expect(
      await screen.findByText(/kubeflow-carol is shared with nobody/),
    ).toBeInTheDocument();
    await waitFor(() => expect(values[values.length - 1]).toEqual([]));
  });

  it('says when the cluster could not tell every contributor', async () => {
    await render(
      jest.fn().mockResolvedValue(
        answer([
          target({
            contributorsState: {
              state: 'unknown',
              reason: 'RoleBindings are not readable (403)',
            },
          }),
        ]),
      ),
    );
    expect(
      await screen.findByText(
        'The list may be incomplete: RoleBindings are not readable (403)',
      ),
    ).toBeInTheDocument();
  });

  it('waits for a profile before asking the backend', async () => {
    const getEntityOnboarding = jest.fn();
    await render(getEntityOnboarding, { mode: 'ambient' });
    expect(
      screen.getByText('Contributors to keep: choose the profile first.'),
    ).toBeInTheDocument();
    expect(getEntityOnboarding).not.toHaveBeenCalled();
  });

  it('shows why a profile the user may not onboard cannot be read', async () => {
    const values = await render(
      jest
        .fn()
        .mockRejectedValue(
          notFound(
            'Loading the onboarding data of this profile failed: No entity resource:default/prod-us--kubeflow-carol',
          ),
        ),
    );
    expect(
      (
        await screen.findAllByText(
          /No entity resource:default\/prod-us--kubeflow-carol/,
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(
      screen.getByText(/Could not read the contributors of this profile/),
    ).toBeInTheDocument();
    expect(values).toEqual([]);
  });
});
