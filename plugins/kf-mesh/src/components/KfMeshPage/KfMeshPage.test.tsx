import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  ClustersResponse,
  FleetResponse,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { FleetRequest } from '../../api';
import {
  type KfMeshTestAppOptions,
  renderInKfMeshTestApp,
} from '../../__testUtils__/renderInKfMeshTestApp';
import { createFleet, queryFleet } from '../../__fixtures__/fleet';
import { KfMeshPage } from './KfMeshPage';
import { permissionDenied } from '../../__fixtures__/apiErrors';
import { findFleetAccessDenied } from '../../__testUtils__/findFleetAccessDenied';

const clusters: ClustersResponse = {
  clusters: [
    { name: 'prod-eu', health: 'ok', resources: [] },
    {
      name: 'prod-us',
      health: 'degraded',
      resources: [{ resource: 'pods', state: 'stale', objects: 10 }],
    },
  ],
};

const fleet = createFleet(120);

const setup = async (
  getFleet: jest.Mock = jest.fn(async (r: FleetRequest) =>
    queryFleet(fleet, r),
  ),
  routeEntries?: string[],
  options: Omit<KfMeshTestAppOptions, 'api' | 'routeEntries'> = {},
) => {
  const api = {
    getClusters: jest.fn().mockResolvedValue(clusters),
    getFleet,
    getOnboardings: jest.fn(),
  };
  await renderInKfMeshTestApp(<KfMeshPage />, {
    ...options,
    api,
    routeEntries,
  });
  return api;
};

const lastRequest = (getFleet: jest.Mock): FleetRequest =>
  getFleet.mock.calls[getFleet.mock.calls.length - 1][0];

const table = () => screen.getByRole('table', { name: 'Profile namespaces' });

/** {@link setup} with the whole fleet, once its first row is shown. */
const setupFirstPage = async () => {
  const api = await setup();
  await within(table()).findByText('kubeflow-user-00000');
  return api;
};

/** Clicks "next page" and waits for the request of the page at `cursor`. */
const goToNextPage = async (getFleet: jest.Mock, cursor: string) => {
  await userEvent.click(screen.getByRole('button', { name: /next page/i }));
  await waitFor(() => expect(lastRequest(getFleet).cursor).toBe(cursor));
};

// Full pages of MUI rows render slowly on small CI machines.
jest.setTimeout(30_000);

describe('KfMeshPage', () => {
  it('loads the first page ordered by namespace and shows rows with text statuses', async () => {
    const api = await setup();
    expect(
      await within(table()).findByText('kubeflow-user-00000'),
    ).toBeInTheDocument();
    expect(api.getFleet).toHaveBeenCalledWith({
      cluster: '',
      mode: '',
      severity: '',
      q: '',
      target: 'ambient',
      readiness: [],
      sort: 'namespace',
      order: 'asc',
      limit: 25,
      cursor: undefined,
    });
    const row = within(
      within(table()).getByText('kubeflow-user-00003').closest('tr')!,
    );
    expect(row.getByText('Migrating')).toBeInTheDocument();
    expect(row.getByText('Not programmed')).toBeInTheDocument();
    expect(row.getByText('3 findings')).toBeInTheDocument();
    expect(screen.getByText('1-25 of 120')).toBeInTheDocument();
    expect(
      screen.getByText('prod-us: degraded (1 resource type not synced)'),
    ).toBeInTheDocument();
  });

  it('sends the cluster, mode and severity filters and starts over at page one', async () => {
    const api = await setupFirstPage();
    await userEvent.selectOptions(screen.getByLabelText('Cluster'), 'prod-eu');
    await waitFor(() =>
      expect(lastRequest(api.getFleet).cluster).toBe('prod-eu'),
    );
    await userEvent.selectOptions(screen.getByLabelText('Mode'), 'migrating');
    await waitFor(() =>
      expect(lastRequest(api.getFleet).mode).toBe('migrating'),
    );
    await userEvent.selectOptions(
      screen.getByLabelText('Worst finding'),
      'error',
    );
    await waitFor(() =>
      expect(lastRequest(api.getFleet)).toMatchObject({
        cluster: 'prod-eu',
        mode: 'migrating',
        severity: 'error',
        cursor: undefined,
      }),
    );
    const rows = within(table()).getAllByRole('row').slice(1);
    for (const r of rows) {
      expect(within(r).getByText('Migrating')).toBeInTheDocument();
      expect(within(r).getByText('prod-eu')).toBeInTheDocument();
    }
  });

  it('sends the search once typing pauses', async () => {
    const api = await setupFirstPage();
    await userEvent.type(
      screen.getByLabelText('Search namespace or owner'),
      'user-0011',
    );
    await waitFor(() => expect(lastRequest(api.getFleet).q).toBe('user-0011'));
    // one request for the page load, one for the settled search: not one per key
    const searches = api.getFleet.mock.calls.filter(([r]) => r.q);
    expect(searches).toHaveLength(1);
    expect(
      await within(table()).findByText('kubeflow-user-00110'),
    ).toBeInTheDocument();
  });

  it('pages forward with the server cursor and back to the earlier cursor', async () => {
    const api = await setupFirstPage();
    await goToNextPage(api.getFleet, '25');
    expect(
      await within(table()).findByText('kubeflow-user-00025'),
    ).toBeInTheDocument();
    expect(screen.getByText('26-50 of 120')).toBeInTheDocument();
    await goToNextPage(api.getFleet, '50');
    await within(table()).findByText('kubeflow-user-00050');
    await userEvent.click(
      screen.getByRole('button', { name: /previous page/i }),
    );
    expect(
      await within(table()).findByText('kubeflow-user-00025'),
    ).toBeInTheDocument();
  });

  it('asks for a bigger page size from the start', async () => {
    const api = await setupFirstPage();
    await goToNextPage(api.getFleet, '25');
    await userEvent.click(
      screen.getByRole('button', { name: /rows per page/i }),
    );
    await userEvent.click(await screen.findByRole('option', { name: '50' }));
    await waitFor(() =>
      expect(lastRequest(api.getFleet)).toMatchObject({
        limit: 50,
        cursor: undefined,
      }),
    );
  });

  it('sorts on the server and toggles the direction', async () => {
    const api = await setupFirstPage();
    await userEvent.click(screen.getByRole('button', { name: 'Findings' }));
    await waitFor(() =>
      expect(lastRequest(api.getFleet)).toMatchObject({
        sort: 'severity',
        order: 'asc',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: /Findings/ }));
    await waitFor(() =>
      expect(lastRequest(api.getFleet)).toMatchObject({
        sort: 'severity',
        order: 'desc',
      }),
    );
    const header = screen.getByRole('columnheader', { name: /Findings/ });
    expect(header).toHaveAttribute('aria-sort', 'descending');
  });

  it('starts from the filters and order in the URL', async () => {
    const api = await setup(undefined, [
      '/?cluster=prod-eu&mode=migrating&q=user-00&sort=severity&order=desc',
    ]);
    await waitFor(() =>
      expect(api.getFleet).toHaveBeenCalledWith(
        expect.objectContaining({
          cluster: 'prod-eu',
          mode: 'migrating',
          q: 'user-00',
          sort: 'severity',
          order: 'desc',
        }),
      ),
    );
    expect(screen.getByLabelText('Mode')).toHaveValue('migrating');
    expect(screen.getByLabelText('Search namespace or owner')).toHaveValue(
      'user-00',
    );
    expect(
      screen.getByRole('columnheader', { name: /Findings/ }),
    ).toHaveAttribute('aria-sort', 'descending');
  });

  it('disables next on the last page', async () => {
    await setup(
      jest.fn(async (r: FleetRequest) => queryFleet(fleet.slice(0, 10), r)),
    );
    await within(table()).findByText('kubeflow-user-00009');
    expect(screen.getByRole('button', { name: /next page/i })).toBeDisabled();
  });

  it('says when nothing matches', async () => {
    await setup(
      jest.fn(
        async (): Promise<FleetResponse> => ({
          items: [],
          total: 0,
          problems: [],
        }),
      ),
    );
    expect(
      await screen.findByText('No namespace matches these filters.'),
    ).toBeInTheDocument();
  });

  it('shows partial cluster failures above the rows that did load', async () => {
    await setup(
      jest.fn(async (r: FleetRequest) => ({
        ...queryFleet(fleet, r),
        problems: [
          { cluster: 'staging', message: 'watch on pods forbidden (403)' },
        ],
      })),
    );
    expect(
      await screen.findByText(
        /Partial results: 1 cluster did not answer \(staging\)/,
      ),
    ).toBeInTheDocument();
    expect(
      within(table()).getByText('kubeflow-user-00000'),
    ).toBeInTheDocument();
  });

  it('explains a 403 from the backend: which permission, who grants it', async () => {
    await setup(
      jest
        .fn()
        .mockRejectedValue(
          permissionDenied('Loading the fleet failed: (HTTP 403)'),
        ),
    );
    expect(await findFleetAccessDenied()).toBeInTheDocument();
    expect(screen.getByText(/The fleet page needs the/)).toHaveTextContent(
      'The fleet page needs the kf-mesh.fleet.read permission.',
    );
    expect(screen.getByText(/To get it, ask/)).toHaveTextContent(
      'To get it, ask your platform team to grant you kf-mesh.fleet.read.',
    );
    expect(screen.queryByText(/HTTP 403/)).toBeNull();
  });

  it('without kf-mesh.fleet.read shows who the user is and whom to ask, and loads nothing', async () => {
    const authorize = jest.fn((): AuthorizeResult.DENY => AuthorizeResult.DENY);
    const api = await setup(undefined, undefined, {
      authorize,
      userEntityRef: 'user:default/alice',
      config: { kfMesh: { platformTeam: 'group:default/kubeflow-platform' } },
    });
    expect(await findFleetAccessDenied()).toBeInTheDocument();
    expect(await screen.findByText(/you are signed in as/)).toHaveTextContent(
      'you are signed in as user:default/alice',
    );
    expect(screen.getByText(/To get it, ask/)).toHaveTextContent(
      'To get it, ask the platform team (kubeflow-platform) to grant you kf-mesh.fleet.read.',
    );
    expect(
      screen.getByRole('link', { name: 'kubeflow-platform' }),
    ).toHaveAttribute('href', '/catalog/default/group/kubeflow-platform');
    expect(authorize).toHaveBeenCalledWith(
      expect.objectContaining({
        permission: expect.objectContaining({ name: 'kf-mesh.fleet.read' }),
      }),
    );
    expect(screen.queryByRole('tab')).toBeNull();
    expect(api.getFleet).not.toHaveBeenCalled();
    expect(api.getClusters).not.toHaveBeenCalled();
    expect(api.getOnboardings).not.toHaveBeenCalled();
  });

  it('offers onboarding for namespaces outside the mesh', async () => {
    await setup();
    const row = within(
      (await within(table()).findByText('kubeflow-user-00004')).closest('tr')!,
    );
    const link = row.getByRole('button', {
      name: /Onboard for kubeflow-user-00004/,
    });
    const formData = JSON.parse(
      new URL(link.getAttribute('href')!, 'http://x').searchParams.get(
        'formData',
      )!,
    );
    expect(formData).toEqual({
      cluster: 'prod-us',
      namespace: 'kubeflow-user-00004',
      mode: 'ambient',
    });
  });
});
