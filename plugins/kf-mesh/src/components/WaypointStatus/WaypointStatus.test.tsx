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

  it('shows the weighted canary and the callers that bypass the waypoint (docs/mesh-semantics.md#e2, #e3)', async () => {
    await renderInTestApp(
      <WaypointStatus
        waypoints={{
          waypoints: [
            {
              name: 'waypoint',
              namespace: 'ns',
              trafficType: 'service',
              programmed: 'true',
            },
          ],
          enrollments: [
            {
              source: 'namespace',
              objectName: 'ns',
              waypoint: 'waypoint',
              waypointNamespace: 'ns',
              resolved: true,
              canary: {
                waypoint: 'waypoint-canary',
                waypointNamespace: 'ns',
                weight: 20,
              },
            },
            {
              source: 'service',
              objectName: 'api',
              waypoint: 'waypoint',
              waypointNamespace: 'ns',
              resolved: true,
              canary: {
                waypoint: 'waypoint',
                waypointNamespace: 'ns',
                weight: 0,
                problem: 'CanarySameAsPrimary',
              },
            },
          ],
          ingressUseWaypoint: true,
          bypassingCallers: [
            {
              principal: 'cluster.local/ns/team-b/sa/default-editor',
              via: 'sidecar',
              policies: ['allow-team-b-l7'],
              outcome: 'allowed-without-l7',
              admittedBy: ['allow-team-b-editor-l4'],
            },
            {
              principal: 'cluster.local/ns/team-b/sa/default-viewer',
              via: 'sidecar',
              policies: ['allow-team-b-l7'],
              outcome: 'denied-at-ztunnel',
            },
          ],
        }}
      />,
    );
    const enrollments = within(
      screen.getByRole('table', { name: 'Waypoint enrollments' }),
    );
    expect(
      enrollments.getByText('ns/waypoint-canary: 20% of new connections'),
    ).toBeInTheDocument();
    expect(
      enrollments.getByText('ns/waypoint not used (CanarySameAsPrimary)'),
    ).toBeInTheDocument();
    const callers = within(
      screen.getByRole('table', { name: 'Callers that bypass the waypoint' }),
    );
    expect(
      callers.getByText('Allowed without L7 checks (allow-team-b-editor-l4)'),
    ).toBeInTheDocument();
    expect(callers.getByText('Denied (no L4 allow)')).toBeInTheDocument();
  });
});
