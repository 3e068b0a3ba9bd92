import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  kfamBindingName,
  type KfMeshPlanPreviewValue,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { MockKfMeshApi } from '../__fixtures__/MockKfMeshApi';
import { ambientStatus } from '../__fixtures__/namespaceStatuses';
import {
  kfamContributor,
  sharedProfileApi,
  sharedProfileRef,
} from '../__fixtures__/sharedProfile';
import { renderField } from '../__testUtils__/FieldHarness';
import {
  KfMeshPlanPreview,
  kfMeshPlanPreviewValidation,
} from './KfMeshPlanPreview';
import { notFound } from '../__fixtures__/apiErrors';

const profile = sharedProfileRef;
const rollbackProfile = 'resource:default/prod-eu--kubeflow-alice';
const contributor = kfamContributor;

const api = () => sharedProfileApi({ [rollbackProfile]: [ambientStatus] });

const render = (
  formValues: Record<string, unknown>,
  kfMeshApi: Partial<MockKfMeshApi> = api(),
) => renderField(KfMeshPlanPreview, { formValues, api: kfMeshApi });

const errorsOf = (value: KfMeshPlanPreviewValue | undefined) => {
  const errors: string[] = [];
  kfMeshPlanPreviewValidation(
    value as KfMeshPlanPreviewValue,
    { addError: (e: string) => errors.push(e) } as any,
    {} as any,
  );
  return errors;
};

describe('KfMeshPlanPreview', () => {
  it('shows the plan for ambient with why, labels, deletions, controller settings, restarts, risks and rollback', async () => {
    const values = await render({
      profile,
      mode: 'ambient',
      contributors: [contributor],
    });
    const objects = await screen.findByRole('table', {
      name: 'Objects to create or update',
    });
    expect(
      screen.getByText(
        'Plan: kubeflow-carol on prod-us, sidecar (PERMISSIVE) → ambient',
      ),
    ).toBeInTheDocument();
    const waypoint = within(objects)
      .getByText('Gateway waypoint')
      .closest('tr')!;
    expect(within(waypoint).getByText('create')).toBeInTheDocument();
    expect(waypoint.textContent!.length).toBeGreaterThan(40); // the why
    expect(
      within(screen.getByRole('table', { name: 'Namespace labels' })).getByText(
        'istio.io/dataplane-mode',
      ),
    ).toBeInTheDocument();
    for (const section of [
      'Deletions',
      'Controller settings',
      'Pods to restart after merge',
      'Risks',
    ]) {
      expect(screen.getByRole('region', { name: section })).toBeInTheDocument();
    }
    expect(
      within(screen.getByRole('region', { name: 'Rollback' })).getByText(
        /sidecar-strict/,
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(values[values.length - 1]).toEqual({
        acknowledged: false,
        planDigest: expect.stringMatching(/^[0-9a-f]{16}$/),
      }),
    );
    expect(errorsOf(values[values.length - 1])).toEqual([
      'Confirm that you have read the plan.',
    ]);
    await userEvent.click(
      screen.getByRole('checkbox', { name: /I have read this plan/ }),
    );
    expect(values[values.length - 1]).toMatchObject({ acknowledged: true });
    expect(errorsOf(values[values.length - 1])).toEqual([]);
  });

  it('refuses a stale contributor list, naming the contributor the cluster knows', async () => {
    const values = await render({ profile, mode: 'ambient', contributors: [] });
    const alert = await screen.findByRole('alert', {
      name: 'The preflight stops the onboarding',
    });
    expect(alert).toHaveTextContent(
      kfamBindingName(contributor.user, contributor.role),
    );
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(values.every(v => v === undefined)).toBe(true);
    expect(errorsOf(undefined)).toEqual([
      expect.stringMatching(/the preflight stops the onboarding/),
    ]);
  });

  it('previews the rollback of an ambient namespace to sidecar STRICT', async () => {
    await render({ profile: rollbackProfile, mode: 'sidecar-strict' });
    expect(
      await screen.findByText(
        'Plan: kubeflow-alice on prod-eu, ambient → sidecar STRICT',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Deletions' })).getAllByText(
        /waypoint/,
      ).length,
    ).toBeGreaterThan(0);
  });

  it('sends the form values as the preview request, leaving empty options to the defaults', async () => {
    const previewOnboardingPlan = jest.fn(
      api().previewOnboardingPlan.bind(api()),
    );
    await render(
      {
        profile,
        mode: 'ambient',
        contributors: [contributor],
        waypointName: 'gate',
        kfpVersion: '',
        kubernetesTokenAccess: false,
        repoUrl: 'ignored',
      },
      { previewOnboardingPlan },
    );
    await screen.findByRole('table', { name: 'Objects to create or update' });
    expect(previewOnboardingPlan).toHaveBeenCalledWith({
      entityRef: profile,
      mode: 'ambient',
      contributors: [contributor],
      options: { waypointName: 'gate', kubernetesTokenAccess: false },
    });
  });

  it('shows a refused preview as an error, and the step stays blocked', async () => {
    const values = await render(
      { profile, mode: 'ambient' },
      {
        previewOnboardingPlan: jest
          .fn()
          .mockRejectedValue(
            notFound('Previewing the onboarding plan failed: No entity'),
          ),
      },
    );
    expect(
      await screen.findByText(/Could not preview the onboarding plan/),
    ).toBeInTheDocument();
    expect(values.every(v => v === undefined)).toBe(true);
  });

  it('asks for the profile and mode before previewing', async () => {
    const previewOnboardingPlan = jest.fn();
    await render({ mode: 'ambient' }, { previewOnboardingPlan });
    expect(
      screen.getByText('Choose the profile and the target mode first.'),
    ).toBeInTheDocument();
    expect(previewOnboardingPlan).not.toHaveBeenCalled();
  });
});
