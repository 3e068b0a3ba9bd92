import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { WaypointStatus } from './WaypointStatus';

describe('WaypointStatus', () => {
  it('shows programmed state with istiod reasons, opt-outs and ingress bypass', async () => {
    await renderInTestApp(
      <WaypointStatus
        waypoints={{
          waypoints: [
            {
              name: 'wp-a',
              namespace: 'ns',
              trafficType: 'all',
              programmed: 'false',
              programmedReason: 'NoResources',
            },
            {
              name: 'wp-b',
              namespace: 'ns',
              trafficType: 'workload',
              programmed: 'unknown',
            },
          ],
          enrollments: [
            {
              source: 'service',
              objectName: 'ml-pipeline',
              waypoint: 'none',
              waypointNamespace: 'ns',
              resolved: true,
            },
            {
              source: 'pod',
              objectName: 'notebook-0',
              waypoint: 'wp-a',
              waypointNamespace: 'ns',
              resolved: false,
              problem: 'UnsupportedTrafficType',
            },
          ],
          ingressUseWaypoint: false,
        }}
      />,
    );
    const waypoints = within(screen.getByRole('table', { name: 'Waypoints' }));
    expect(
      waypoints.getByText('Not programmed (NoResources)'),
    ).toBeInTheDocument();
    expect(waypoints.getByText('Unknown: no status yet')).toBeInTheDocument();
    const enrollments = within(
      screen.getByRole('table', { name: 'Waypoint enrollments' }),
    );
    expect(enrollments.getByText('none (opted out)')).toBeInTheDocument();
    expect(enrollments.getByText('Service')).toBeInTheDocument();
    expect(enrollments.getByText('UnsupportedTrafficType')).toBeInTheDocument();
    expect(
      screen.getByText(/Ingress traffic bypasses the waypoint/),
    ).toBeInTheDocument();
  });
});
