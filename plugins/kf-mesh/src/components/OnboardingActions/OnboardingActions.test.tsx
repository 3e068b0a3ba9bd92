import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor, within } from '@testing-library/react';
import type { NamespaceMeshStatus } from '@kf-mesh/plugin-kf-mesh-common';
import {
  ambientStatus,
  noneStatus,
  sidecarStatus,
} from '../../__fixtures__/namespaceStatuses';
import { renderInKfMeshTestApp } from '../../__testUtils__/renderInKfMeshTestApp';
import { OnboardingActions } from './OnboardingActions';

const entityRef = 'resource:default/prod-eu--kubeflow-alice';

const render = (
  status: NamespaceMeshStatus,
  authorize?: Parameters<typeof renderInKfMeshTestApp>[1]['authorize'],
) =>
  renderInKfMeshTestApp(
    <OnboardingActions status={status} entityRef={entityRef} />,
    { api: {}, authorize },
  );

/** The formData a link opens the template with. */
const formDataOf = (link: HTMLElement) => {
  const url = new URL(link.getAttribute('href')!, 'http://localhost');
  expect(url.pathname).toBe('/create/templates/default/onboard-namespace');
  return JSON.parse(url.searchParams.get('formData')!);
};

describe('OnboardingActions', () => {
  it('offers an ambient namespace the rollback to sidecar STRICT, prefilled', async () => {
    await render(ambientStatus);
    const group = await screen.findByRole('group', {
      name: 'Onboarding of kubeflow-alice',
    });
    const links = within(group).getAllByRole('button');
    expect(links.map(l => l.textContent)).toEqual([
      'Roll back to sidecar STRICT',
    ]);
    expect(formDataOf(links[0])).toEqual({
      profile: entityRef,
      cluster: 'prod-eu',
      namespace: 'kubeflow-alice',
      mode: 'sidecar-strict',
    });
  });

  it('offers a namespace outside the mesh both modes', async () => {
    await render(noneStatus);
    const ambient = await screen.findByRole('button', {
      name: 'Move to ambient for kubeflow-dave on prod-us',
    });
    const strict = screen.getByRole('button', {
      name: 'Move to sidecar STRICT for kubeflow-dave on prod-us',
    });
    expect(formDataOf(ambient)).toMatchObject({ mode: 'ambient' });
    expect(formDataOf(strict)).toMatchObject({ mode: 'sidecar-strict' });
  });

  it('offers a sidecar STRICT namespace the move to ambient', async () => {
    await render(sidecarStatus);
    const group = await screen.findByRole('group');
    expect(
      within(group)
        .getAllByRole('button')
        .map(l => l.textContent),
    ).toEqual(['Move to ambient']);
  });

  it('asks the permission policy about this entity and hides everything when denied', async () => {
    const authorize = jest.fn((): AuthorizeResult.DENY => AuthorizeResult.DENY);
    await render(ambientStatus, authorize);
    await waitFor(() => expect(authorize).toHaveBeenCalled());
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({
          name: 'kf-mesh.entity.status.read',
        }),
        resourceRef: entityRef,
      }),
    );
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
