import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { KF_MESH_FIELD_EXTENSIONS } from '@kf-mesh/plugin-kf-mesh-common';
import {
  kfamContributor,
  sharedProfileApi,
  sharedProfileRef,
} from '../__fixtures__/sharedProfile';
import { renderInKfMeshTestApp } from '../__testUtils__/renderInKfMeshTestApp';
import { KfMeshContributorsPicker } from './KfMeshContributorsPicker';
import {
  KfMeshPlanPreview,
  kfMeshPlanPreviewValidation,
} from './KfMeshPlanPreview';

// The two parameter steps of templates/onboard-namespace/template.yaml that use the kf-mesh fields.
const manifest = {
  title: 'Onboard',
  steps: [
    {
      title: 'Contributors',
      schema: {
        properties: {
          contributors: {
            title: 'Contributors to keep',
            type: 'array',
            default: [],
            'ui:field': KF_MESH_FIELD_EXTENSIONS.contributorsPicker,
            items: {
              type: 'object',
              properties: {
                user: { type: 'string' },
                role: { type: 'string', enum: ['edit', 'view'] },
              },
            },
          },
        },
      },
    },
    {
      title: 'Review the plan',
      schema: {
        required: ['planReview'],
        properties: {
          planReview: {
            title: 'What the pull request will do',
            type: 'object',
            'ui:field': KF_MESH_FIELD_EXTENSIONS.planPreview,
            required: ['acknowledged', 'planDigest'],
            properties: {
              acknowledged: { type: 'boolean', const: true },
              planDigest: { type: 'string', pattern: '^[0-9a-f]{16}$' },
            },
          },
        },
      },
    },
  ],
};

describe('the kf-mesh fields in the scaffolder form', () => {
  it('prefills the contributors, blocks Review until the plan is confirmed, and creates with both values', async () => {
    const onCreate = jest.fn(async () => {});
    await renderInKfMeshTestApp(
      <Stepper
        manifest={manifest as any}
        extensions={[
          {
            name: KF_MESH_FIELD_EXTENSIONS.contributorsPicker,
            component: KfMeshContributorsPicker,
          },
          {
            name: KF_MESH_FIELD_EXTENSIONS.planPreview,
            component: KfMeshPlanPreview,
            validation: kfMeshPlanPreviewValidation,
          },
        ]}
        initialState={{ profile: sharedProfileRef, mode: 'ambient' }}
        onCreate={onCreate}
      />,
      { api: sharedProfileApi() },
    );
    expect(
      await screen.findByRole(
        'checkbox',
        { name: /dan-example-com \(edit\)/ },
        { timeout: 10_000 },
      ),
    ).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: /next/i }));
    const confirm = await screen.findByRole(
      'checkbox',
      { name: /I have read this plan/ },
      { timeout: 10_000 },
    );
    await userEvent.click(screen.getByRole('button', { name: /review/i }));
    // blocked: the form stays on the preview step, with its errors listed
    await waitFor(() =>
      expect(document.querySelector('form.rjsf .MuiList-root')).not.toBeNull(),
    );
    expect(screen.queryByRole('button', { name: /create/i })).toBeNull();
    expect(confirm).toBeInTheDocument();
    await userEvent.click(confirm);
    await userEvent.click(screen.getByRole('button', { name: /review/i }));
    await userEvent.click(
      await screen.findByRole('button', { name: /create/i }),
    );
    await waitFor(() => expect(onCreate).toHaveBeenCalled());
    expect(onCreate).toHaveBeenCalledWith(
      expect.objectContaining({
        contributors: [kfamContributor],
        planReview: {
          acknowledged: true,
          planDigest: expect.stringMatching(/^[0-9a-f]{16}$/),
        },
      }),
    );
  });
});
