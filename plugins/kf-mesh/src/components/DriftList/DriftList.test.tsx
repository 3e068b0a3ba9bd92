import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import type { MeshDriftItem } from '@kf-mesh/plugin-kf-mesh-common';
import { DriftList } from './DriftList';

const namespace = {
  kind: 'Namespace',
  namespace: 'alice-rossi',
  name: 'alice-rossi',
};

describe('DriftList', () => {
  it('shows every drift of one object as its own row, without duplicate React keys', async () => {
    const drift: MeshDriftItem[] = [
      {
        kind: 'different',
        object: namespace,
        detail: 'label istio.io/dataplane-mode missing (want ambient)',
      },
      {
        kind: 'different',
        object: namespace,
        detail: 'label istio.io/use-waypoint missing (want waypoint)',
      },
    ];
    const consoleError = jest.spyOn(console, 'error');
    try {
      await renderInTestApp(<DriftList drift={drift} />);
      const table = screen.getByRole('table', {
        name: 'Drift from the onboarding plan',
      });
      expect(within(table).getAllByRole('row')).toHaveLength(3); // header + 2
      expect(
        within(table).getByText(
          'label istio.io/use-waypoint missing (want waypoint)',
        ),
      ).toBeInTheDocument();
      const keyWarnings = consoleError.mock.calls.filter(args =>
        String(args[0]).includes('same key'),
      );
      expect(keyWarnings).toEqual([]);
    } finally {
      consoleError.mockRestore();
    }
  });

  it('says the namespace was not compared when no onboarding plan is known', async () => {
    await renderInTestApp(<DriftList />);
    expect(
      screen.getByText(
        'Not compared: no onboarding plan is known for this namespace.',
      ),
    ).toBeInTheDocument();
  });
});
