import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OnboardingsQuery } from '@kf-mesh/plugin-kf-mesh-common';
import { renderInKfMeshTestApp } from '../../__testUtils__/renderInKfMeshTestApp';
import {
  allOnboardings,
  approvedOlderRevision,
  okSource,
  createOnboardings,
  inWave,
  queryOnboardings,
  unknownSource,
  waveSummaryOf,
} from '../../__fixtures__/onboardings';
import { KfMeshPage } from '../KfMeshPage';
import { OnboardingApprovals } from './OnboardingApprovals';
import { permissionDenied, serverError } from '../../__fixtures__/apiErrors';
import { findFleetAccessDenied } from '../../__testUtils__/findFleetAccessDenied';

const items = allOnboardings();

const setup = async (
  getOnboardings: jest.Mock = jest.fn(async (q: OnboardingsQuery) =>
    queryOnboardings(items, q),
  ),
  routeEntries?: string[],
  getWaves: jest.Mock = jest.fn(async () => ({ items: [], sources: [] })),
) => {
  const api = { getOnboardings, getWaves };
  await renderInKfMeshTestApp(<OnboardingApprovals />, {
    api,
    routeEntries,
  });
  return api;
};

const table = () =>
  screen.getByRole('table', { name: 'Onboarding pull requests' });

const rowOf = async (namespace: string) =>
  within(
    (await within(table()).findByText(namespace)).closest('tr') as HTMLElement,
  );

jest.setTimeout(30_000);

describe('OnboardingApprovals', () => {
  it('lists the open onboarding PRs by default with reviews, checks and risk', async () => {
    const api = await setup();
    const approved = await rowOf('kubeflow-frank');
    expect(api.getOnboardings).toHaveBeenCalledWith({ state: ['in-review'] });
    expect(screen.getByText('5 onboarding pull requests')).toBeInTheDocument();
    expect(within(table()).getAllByRole('row')).toHaveLength(1 + 5);
    expect(approved.getByText('Approved')).toBeInTheDocument();
    expect(approved.getByText('Approved by platform-lead')).toBeInTheDocument();
    expect(
      approved.getByText('Medium risk: 4 pods to restart, 1 deletion'),
    ).toBeInTheDocument();
    expect(
      approved.getByText('4 pods run sidecars: restart them after merge'),
    ).toBeVisible();
    // further notes are folded away, one click to read
    const more = approved.getByText('1 more note');
    expect(
      approved.getByText(/deletes AuthorizationPolicy ns-owner-access-istio/),
    ).not.toBeVisible();
    await userEvent.click(more);
    expect(
      approved.getByText(/deletes AuthorizationPolicy ns-owner-access-istio/),
    ).toBeVisible();
    expect(approved.getByText('yesterday')).toBeInTheDocument();
    expect(
      approved.getByRole('link', {
        name: /#42 kf-mesh: onboard kubeflow-frank/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.example.com/kubeflow-platform/gitops/pull/42',
    );

    const changes = await rowOf('kubeflow-grace');
    expect(
      changes.getByText('Changes requested by sec-reviewer'),
    ).toBeInTheDocument();
    expect(changes.getByText('Sidecar STRICT')).toBeInTheDocument();

    const failing = await rowOf('kubeflow-heidi');
    expect(
      failing.getByText('kustomize-build failing (1 of 2)'),
    ).toBeInTheDocument();

    const draft = await rowOf('kubeflow-ivan');
    expect(draft.getByText('Draft')).toBeInTheDocument();
    expect(draft.getByText('No checks')).toBeInTheDocument();
    expect(
      draft.getByText('Not assessed (no cluster data)'),
    ).toBeInTheDocument();

    const waiting = await rowOf('kubeflow-dave');
    expect(
      waiting.getByText('Waiting for carol-sre, @kubeflow-platform'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/github.example.com\/kubeflow-platform\/gitops: read/),
    ).toBeInTheDocument();
  });

  it('says an approval was for an older revision (the branch changed since)', async () => {
    const changed = items.map(i =>
      i.namespace === 'kubeflow-frank' ? approvedOlderRevision(i) : i,
    );
    await setup(
      jest.fn(async (q: OnboardingsQuery) => queryOnboardings(changed, q)),
    );
    const row = await rowOf('kubeflow-frank');
    expect(row.getByText('No approval')).toBeInTheDocument();
    expect(
      row.getByText('platform-lead approved an older revision'),
    ).toBeInTheDocument();
    expect(row.queryByText(/^Approved by/)).toBeNull();
  });

  it('filters by stage on the server', async () => {
    const api = await setup();
    await rowOf('kubeflow-frank');
    await userEvent.selectOptions(screen.getByLabelText('Stage'), 'stuck');
    await waitFor(() =>
      expect(api.getOnboardings).toHaveBeenLastCalledWith({ state: ['stuck'] }),
    );
    const stuck = await rowOf('kubeflow-judy');
    expect(
      stuck.getByText(
        'merged 40 min ago, 3 pods still have sidecars: restart them',
      ),
    ).toBeInTheDocument();
    expect(stuck.getByText('Stuck')).toBeInTheDocument();
    expect(within(table()).queryByText('kubeflow-frank')).toBeNull();

    await userEvent.selectOptions(screen.getByLabelText('Stage'), 'all');
    await waitFor(() =>
      expect(api.getOnboardings).toHaveBeenLastCalledWith({}),
    );
    await rowOf('kubeflow-erin');
    expect(within(table()).getAllByRole('row')).toHaveLength(1 + items.length);
  });

  it('starts from the stage in the URL', async () => {
    const api = await setup(undefined, ['/?stage=converged']);
    const row = await rowOf('kubeflow-alice');
    expect(api.getOnboardings).toHaveBeenCalledWith({ state: ['converged'] });
    expect(row.getByText('Converged')).toBeInTheDocument();
    expect(screen.getByLabelText('Stage')).toHaveValue('converged');
  });

  it('shows a closed PR under the closed filter', async () => {
    await setup(undefined, ['/?stage=closed']);
    const row = await rowOf('kubeflow-erin');
    expect(row.getAllByText('Closed').length).toBeGreaterThan(0);
    expect(row.getByText('closed without merge')).toBeInTheDocument();
  });

  it('says which GitHub repository is unknown since when, and still lists what it knows', async () => {
    await setup(
      jest.fn(async (q: OnboardingsQuery) =>
        queryOnboardings(items, q, [unknownSource()]),
      ),
    );
    await rowOf('kubeflow-frank');
    expect(
      screen.getByText(
        /^GitHub github.example.com\/kubeflow-platform\/gitops unknown since .* UTC \(12 minutes ago\): GitHub rate limit exceeded/,
      ),
    ).toBeInTheDocument();
  });

  it('says when no PR is in the selected stage', async () => {
    await setup(
      jest.fn(async (q: OnboardingsQuery) =>
        queryOnboardings([], q, [okSource()]),
      ),
    );
    expect(
      await screen.findByText(
        'No onboarding pull request in stage "Open (in review)".',
      ),
    ).toBeInTheDocument();
  });

  it('explains a 403: the queue needs kf-mesh.fleet.read', async () => {
    await setup(jest.fn().mockRejectedValue(permissionDenied('denied')));
    expect(await findFleetAccessDenied()).toBeInTheDocument();
    expect(
      screen.getByText(/The onboarding approvals queue needs the/),
    ).toHaveTextContent(
      'The onboarding approvals queue needs the kf-mesh.fleet.read permission.',
    );
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows other failures with a retry', async () => {
    const getOnboardings = jest
      .fn()
      .mockRejectedValueOnce(
        serverError('Loading the onboarding pull requests failed: boom'),
      )
      .mockImplementation(async (q: OnboardingsQuery) =>
        queryOnboardings(items, q),
      );
    await setup(getOnboardings);
    expect(
      await screen.findByText(/Could not load the onboarding pull requests/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await rowOf('kubeflow-frank');
  });
});

describe('OnboardingApprovals waves', () => {
  const all = createOnboardings();
  const ref = { id: 'wave-20261201-1640', taskId: 'task-7' };
  const waveItems = [
    all.approved,
    all.converging,
    all.stuck,
    all.waypointStuck,
    all.converged,
    all.closed,
  ].map(l => inWave(l, ref));
  const waved = Object.values(all).map(
    l => waveItems.find(w => w.namespace === l.namespace) ?? l,
  );
  const wave = waveSummaryOf(ref, waveItems);

  it('groups the wave: counts by stage, progress, stuck namespaces with reasons, a link to its task', async () => {
    await setup(
      jest.fn(async (q: OnboardingsQuery) => queryOnboardings(waved, q)),
      undefined,
      jest.fn(async () => ({ items: [wave], sources: [] })),
    );
    const section = within(
      await screen.findByRole('region', { name: 'Wave wave-20261201-1640' }),
    );
    const stages = within(
      section.getByRole('list', { name: 'Stages of wave wave-20261201-1640' }),
    );
    for (const [label, n] of [
      ['In review', 1],
      ['Merged', 0],
      ['Converging', 1],
      ['Converged', 1],
      ['Stuck', 2],
      ['Closed', 1],
    ] as const)
      expect(stages.getByText(`${label}: ${n}`)).toBeInTheDocument();
    // one of the five not closed converged
    const bar = section.getByRole('progressbar', {
      name: 'Wave wave-20261201-1640: 1 of 5 converged',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '20');
    expect(
      section.getByText('1 of 5 namespaces converged (20%), 1 closed unmerged'),
    ).toBeInTheDocument();
    const stuck = within(
      section.getByRole('list', {
        name: 'Stuck namespaces of wave wave-20261201-1640',
      }),
    );
    expect(stuck.getAllByRole('listitem')).toHaveLength(2);
    expect(
      stuck.getByText(/still have sidecars: restart them/),
    ).toBeInTheDocument();
    expect(section.getByRole('link', { name: 'Wave task' })).toHaveAttribute(
      'href',
      '/create/tasks/task-7',
    );
    // kubeflow-erin's closed PR was for sidecar STRICT
    expect(
      section.getByText(/mixed target modes, started/),
    ).toBeInTheDocument();

    // the queue lists the wave's PRs with their wave, and the others as before
    const frank = await rowOf('kubeflow-frank');
    expect(frank.getByText('wave wave-20261201-1640')).toBeInTheDocument();
    const dave = await rowOf('kubeflow-dave');
    expect(dave.queryByText(/^wave /)).toBeNull();
  });

  it('without waves the queue is as before; a wave failure degrades only the waves', async () => {
    await setup(
      undefined,
      undefined,
      jest
        .fn()
        .mockRejectedValue(serverError('Loading the waves failed: boom')),
    );
    await rowOf('kubeflow-frank');
    expect(
      screen.getByText(
        'The waves could not be read: Loading the waves failed: boom',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Wave / })).toBeNull();
  });
});

describe('KfMeshPage tabs', () => {
  it('serves the approvals queue on the approvals sub-route', async () => {
    const api = {
      getOnboardings: jest.fn(async (q: OnboardingsQuery) =>
        queryOnboardings(items, q),
      ),
      getClusters: jest.fn(),
      getFleet: jest.fn(),
      getWaves: jest.fn(async () => ({ items: [], sources: [] })),
    };
    await renderInKfMeshTestApp(<KfMeshPage />, {
      api,
      routeEntries: ['/approvals'],
    });
    await rowOf('kubeflow-frank');
    expect(screen.getByRole('tab', { name: 'Approvals' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Namespaces' })).toBeInTheDocument();
    expect(api.getFleet).not.toHaveBeenCalled();
  });
});
