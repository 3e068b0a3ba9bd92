import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import type { OnboardingsQuery } from '@kf-mesh/plugin-kf-mesh-common';
import { kfMeshApiRef } from '../api';
import { allOnboardings, queryOnboardings } from '../__fixtures__/onboardings';
import { kfMeshPage } from './pages';

jest.setTimeout(30_000);

describe('kfMeshPage (new frontend system)', () => {
  it('has the title and icon a new-system app needs to list it in the sidebar', () => {
    const tester = createExtensionTester(kfMeshPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/kf-mesh');
    expect(tester.get(coreExtensionData.title)).toBe('Mesh fleet');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('serves the approvals queue at /kf-mesh/approvals', async () => {
    const api = {
      getOnboardings: jest.fn(async (q: OnboardingsQuery) =>
        queryOnboardings(allOnboardings(), q),
      ),
      getClusters: jest.fn(),
      getFleet: jest.fn(),
      getWaves: jest.fn(async () => ({ items: [], sources: [] })),
    };
    renderTestApp({
      extensions: [kfMeshPage],
      initialRouteEntries: ['/kf-mesh/approvals'],
      apis: [[kfMeshApiRef, api]],
    });
    // the page is lazy-loaded: allow for the import on a slow machine
    const table = await screen.findByRole(
      'table',
      { name: 'Onboarding pull requests' },
      { timeout: 15_000 },
    );
    expect(
      await within(table).findByText('kubeflow-frank'),
    ).toBeInTheDocument();
    expect(api.getOnboardings).toHaveBeenCalledWith({ state: ['in-review'] });
    expect(screen.getByRole('tab', { name: 'Approvals' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(api.getFleet).not.toHaveBeenCalled();
  });
});
