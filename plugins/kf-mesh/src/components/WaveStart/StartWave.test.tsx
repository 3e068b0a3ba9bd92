import { TestApiProvider } from '@backstage/test-utils';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  MAX_WAVE_NAMESPACES,
  WAVE_ID_PATTERN,
  WAVE_TEMPLATE_REF,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { FleetRequest } from '../../api';
import { renderInKfMeshTestApp } from '../../__testUtils__/renderInKfMeshTestApp';
import { createFleet, queryFleet } from '../../__fixtures__/fleet';
import { KfMeshPage } from '../KfMeshPage';
import { newWaveId } from './StartWaveDialog';

const setup = async (options: {
  fleetSize?: number;
  routeEntries?: string[];
  scaffold?: jest.Mock;
}) => {
  const fleet = createFleet(options.fleetSize ?? 120);
  const api = {
    getClusters: jest.fn().mockResolvedValue({ clusters: [] }),
    getFleet: jest.fn(async (r: FleetRequest) => queryFleet(fleet, r)),
  };
  const scaffolder = {
    scaffold:
      options.scaffold ?? jest.fn().mockResolvedValue({ taskId: 'task-42' }),
  };
  await renderInKfMeshTestApp(
    <TestApiProvider apis={[[scaffolderApiRef, scaffolder]]}>
      <KfMeshPage />
    </TestApiProvider>,
    { api, routeEntries: options.routeEntries },
  );
  return { api, scaffolder };
};

const table = () => screen.getByRole('table', { name: 'Profile namespaces' });
const rowOf = async (namespace: string) =>
  within((await within(table()).findByText(namespace)).closest('tr')!);
const startButton = () => screen.getByRole('button', { name: 'Start wave' });
const dialog = () => screen.getByRole('dialog');

jest.setTimeout(30_000);

describe('fleet readiness and waves', () => {
  it('shows the readiness for the target mode and filters by it on the server', async () => {
    const { api } = await setup({});
    // sidecar namespace to ambient: its pods restart; conflict: blocked with the reason
    const sidecar = await rowOf('kubeflow-user-00002');
    expect(sidecar.getByText('Needs restarts (5 pods)')).toBeInTheDocument();
    const conflict = await rowOf('kubeflow-user-00007');
    expect(conflict.getByText('Blocked')).toBeInTheDocument();
    expect(
      conflict.getByText(/^KFM101: The ambient label and sidecar injection/),
    ).toBeInTheDocument();
    const ambient = await rowOf('kubeflow-user-00000');
    expect(ambient.getByText('Ready')).toBeInTheDocument();
    expect(ambient.getByText('already in this mode')).toBeInTheDocument();

    await userEvent.selectOptions(
      screen.getByLabelText('Readiness'),
      'blocked',
    );
    await waitFor(() =>
      expect(api.getFleet).toHaveBeenLastCalledWith(
        expect.objectContaining({ target: 'ambient', readiness: ['blocked'] }),
      ),
    );
    await waitFor(() =>
      expect(within(table()).getAllByRole('row')).toHaveLength(1 + 15),
    );
    for (const row of within(table()).getAllByRole('row').slice(1))
      expect(within(row).getByText('Blocked')).toBeInTheDocument();

    await userEvent.selectOptions(
      screen.getByLabelText('Readiness for'),
      'sidecar-strict',
    );
    await waitFor(() =>
      expect(api.getFleet).toHaveBeenLastCalledWith(
        expect.objectContaining({
          target: 'sidecar-strict',
          readiness: ['blocked'],
        }),
      ),
    );
  });

  it('starts from the target and readiness in the URL', async () => {
    const { api } = await setup({
      routeEntries: ['/?target=sidecar-strict&readiness=ready'],
    });
    await waitFor(() =>
      expect(api.getFleet).toHaveBeenCalledWith(
        expect.objectContaining({
          target: 'sidecar-strict',
          readiness: ['ready'],
        }),
      ),
    );
    expect(screen.getByLabelText('Readiness for')).toHaveValue(
      'sidecar-strict',
    );
    expect(screen.getByLabelText('Readiness')).toHaveValue('ready');
  });

  it('an empty selection cannot start a wave', async () => {
    await setup({});
    await rowOf('kubeflow-user-00000');
    expect(startButton()).toBeDisabled();
    expect(
      screen.getByText('Select namespaces to start a wave.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        `No namespace selected (a wave takes at most ${MAX_WAVE_NAMESPACES})`,
      ),
    ).toBeInTheDocument();
  });

  it('ticked rows: the summary counts ready, restarts and blocked, and the wave starts through the scaffolder', async () => {
    const { scaffolder } = await setup({});
    for (const ns of [
      'kubeflow-user-00002', // sidecar: 5 pods restart, 1 policy moves, 1 deletion
      'kubeflow-user-00004', // not in mesh: ready
      'kubeflow-user-00007', // conflict: blocked
    ]) {
      const row = await rowOf(ns);
      await userEvent.click(
        row.getByRole('checkbox', { name: new RegExp(`Select ${ns} on`) }),
      );
    }
    expect(
      screen.getByText('3 namespaces selected for a wave (at most 500)'),
    ).toBeInTheDocument();
    await userEvent.click(startButton());
    const summary = within(
      await within(dialog()).findByRole('list', { name: 'Readiness summary' }),
    );
    expect(summary.getByText('1 ready')).toBeInTheDocument();
    expect(summary.getByText('1 need restarts')).toBeInTheDocument();
    expect(
      summary.getByText('1 blocked (left out of the wave)'),
    ).toBeInTheDocument();
    const changes = within(
      within(dialog()).getByRole('list', { name: 'Changes for users' }),
    );
    expect(
      changes.getByText('5 pods restart after the merges'),
    ).toBeInTheDocument();
    expect(
      changes.getByText(
        /1 AuthorizationPolicy with L7 rules move to the waypoint/,
      ),
    ).toBeInTheDocument();
    expect(changes.getByText('1 object deleted')).toBeInTheDocument();
    expect(
      within(
        within(dialog()).getByRole('list', { name: 'Blocked namespaces' }),
      ).getByText(/KFM101: The ambient label/),
    ).toBeInTheDocument();
    const waveId = within(dialog()).getByLabelText('Wave id');
    expect((waveId as HTMLInputElement).value).toMatch(WAVE_ID_PATTERN);

    await userEvent.click(
      within(dialog()).getByRole('button', {
        name: 'Start the wave (2 namespaces)',
      }),
    );
    expect(
      await within(dialog()).findByRole('link', {
        name: "open the wave's task",
      }),
    ).toHaveAttribute('href', '/create/tasks/task-42');
    expect(scaffolder.scaffold).toHaveBeenCalledTimes(1);
    expect(scaffolder.scaffold).toHaveBeenCalledWith({
      templateRef: WAVE_TEMPLATE_REF,
      values: {
        waveId: (waveId as HTMLInputElement).value,
        mode: 'ambient',
        namespaces: [
          { cluster: 'staging', namespace: 'kubeflow-user-00002' },
          { cluster: 'prod-us', namespace: 'kubeflow-user-00004' },
        ],
      },
    });
  });

  it('every namespace matching the filter: fetched from the server, summarized and started', async () => {
    const { api, scaffolder } = await setup({
      routeEntries: ['/?cluster=prod-eu&mode=sidecar'],
    });
    await within(table()).findByText('kubeflow-user-00006');
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Select every namespace matching this filter (10)',
      }),
    );
    expect(
      screen.getByText(
        'Every namespace matching this filter: 10 selected for a wave',
      ),
    ).toBeInTheDocument();
    // every row shows ticked; single rows cannot be unticked from a filter selection
    const box = (await rowOf('kubeflow-user-00006')).getByRole('checkbox');
    expect(box).toBeChecked();
    expect(box).toBeDisabled();
    await userEvent.click(startButton());
    await within(dialog()).findByRole('list', { name: 'Readiness summary' });
    expect(api.getFleet).toHaveBeenLastCalledWith(
      expect.objectContaining({
        cluster: 'prod-eu',
        mode: 'sidecar',
        target: 'ambient',
        limit: 500,
        cursor: undefined,
      }),
    );
    expect(within(dialog()).getByText('10 need restarts')).toBeInTheDocument();
    await userEvent.click(
      within(dialog()).getByRole('button', {
        name: 'Start the wave (10 namespaces)',
      }),
    );
    await within(dialog()).findByRole('link', { name: "open the wave's task" });
    const { values } = scaffolder.scaffold.mock.calls[0][0];
    expect(values.namespaces).toHaveLength(10);
    expect(
      values.namespaces.every(
        (n: { cluster: string }) => n.cluster === 'prod-eu',
      ),
    ).toBe(true);
  });

  it('refuses a filter matching more namespaces than a wave takes, with the reason', async () => {
    const { scaffolder } = await setup({ fleetSize: 620 });
    await rowOf('kubeflow-user-00000');
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Select every namespace matching this filter (620)',
      }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      '620 namespaces match this filter; a wave takes at most 500. Narrow the filter (cluster, mode, readiness or search).',
    );
    expect(startButton()).toBeDisabled();
    expect(scaffolder.scaffold).not.toHaveBeenCalled();
  });

  it('a selection with only blocked namespaces cannot start, and a bad wave id is refused', async () => {
    const { scaffolder } = await setup({});
    const conflict = await rowOf('kubeflow-user-00007');
    await userEvent.click(conflict.getByRole('checkbox'));
    await userEvent.click(startButton());
    expect(
      await within(dialog()).findByText(
        'Nothing to start: every selected namespace is blocked.',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog()).getByRole('button', {
        name: 'Start the wave (0 namespaces)',
      }),
    ).toBeDisabled();
    await userEvent.click(
      within(dialog()).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // a ready one as well: the wave id is checked before anything starts
    await userEvent.click(
      (await rowOf('kubeflow-user-00004')).getByRole('checkbox'),
    );
    await userEvent.click(startButton());
    const waveId = await within(dialog()).findByLabelText('Wave id');
    await userEvent.clear(waveId);
    await userEvent.type(waveId, 'Wave_1');
    expect(
      within(dialog()).getByText(
        /The wave id must be 1 to 40 lowercase letters/,
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog()).getByRole('button', {
        name: 'Start the wave (1 namespace)',
      }),
    ).toBeDisabled();
    expect(scaffolder.scaffold).not.toHaveBeenCalled();
  });

  it('says when the scaffolder refuses the wave', async () => {
    const scaffold = jest
      .fn()
      .mockRejectedValue(new Error('You are not allowed to run this template'));
    await setup({ scaffold });
    await userEvent.click(
      (await rowOf('kubeflow-user-00004')).getByRole('checkbox'),
    );
    await userEvent.click(startButton());
    await userEvent.click(
      await within(dialog()).findByRole('button', {
        name: 'Start the wave (1 namespace)',
      }),
    );
    expect(
      await within(dialog()).findByText(/The wave could not start/),
    ).toBeInTheDocument();
    expect(
      within(dialog()).getAllByText(/You are not allowed to run this template/)
        .length,
    ).toBeGreaterThan(0);
  });

  it('names a wave after the UTC time', () => {
    expect(newWaveId(new Date('2026-12-01T16:45:12.345Z'))).toBe(
      'wave-20261201-164512',
    );
  });
});
