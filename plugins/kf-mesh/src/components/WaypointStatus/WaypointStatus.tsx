import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  NamespaceWaypointStatus,
  WaypointInfo,
} from '@kf-mesh/plugin-kf-mesh-common';
import { DenseTable } from '../DenseTable';
import { StatusText } from '../StatusText';

const sourceLabels = {
  namespace: 'Namespace',
  service: 'Service',
  pod: 'Pod',
};

function ProgrammedStatus(props: { waypoint: WaypointInfo }) {
  const { programmed, programmedReason } = props.waypoint;
  // istiod's reason for Programmed=True is usually "Programmed": only show a different one
  const reason =
    programmedReason && programmedReason !== 'Programmed'
      ? ` (${programmedReason})`
      : '';
  if (programmed === 'true')
    return <StatusText kind="ok">Programmed{reason}</StatusText>;
  if (programmed === 'false') {
    return <StatusText kind="error">Not programmed{reason}</StatusText>;
  }
  return <StatusText kind="pending">Unknown: no status yet</StatusText>;
}

function IngressUse(props: {
  ingressUseWaypoint: boolean;
  hasWaypoint: boolean;
}) {
  if (props.ingressUseWaypoint) {
    return (
      <StatusText kind="ok">
        Ingress gateway sends traffic through the waypoint
      </StatusText>
    );
  }
  if (!props.hasWaypoint) {
    return (
      <Typography variant="body2">
        No waypoint: ingress traffic goes straight to the pods.
      </Typography>
    );
  }
  return (
    <StatusText kind="warning">
      Ingress traffic bypasses the waypoint (istio.io/ingress-use-waypoint not
      set)
    </StatusText>
  );
}

/**
 * Waypoints of a namespace: whether each is `Programmed`, its traffic type,
 * how traffic is enrolled (namespace / service / pod label) and ingress use.
 * @public
 */
export function WaypointStatus(props: { waypoints: NamespaceWaypointStatus }) {
  const { waypoints, enrollments, ingressUseWaypoint } = props.waypoints;
  return (
    <InfoCard title="Waypoint">
      {waypoints.length === 0 ? (
        <Typography variant="body2" paragraph>
          No waypoint in this namespace. L7 policies need one in ambient mode.
        </Typography>
      ) : (
        <DenseTable
          label="Waypoints"
          columns={[
            { title: 'Name', render: w => <code>{w.name}</code> },
            {
              title: 'Status',
              render: w => <ProgrammedStatus waypoint={w} />,
            },
            { title: 'Traffic type', nowrap: true, render: w => w.trafficType },
          ]}
          rows={waypoints}
          rowKey={w => `${w.namespace}/${w.name}`}
        />
      )}
      <Box mt={2}>
        <Typography variant="subtitle2" component="h4" gutterBottom>
          Enrollment (istio.io/use-waypoint)
        </Typography>
        {enrollments.length === 0 ? (
          <Typography variant="body2">
            Nothing is enrolled in a waypoint.
          </Typography>
        ) : (
          <DenseTable
            label="Waypoint enrollments"
            columns={[
              {
                title: 'Enrolled by',
                nowrap: true,
                render: e => sourceLabels[e.source],
              },
              { title: 'Object', render: e => <code>{e.objectName}</code> },
              {
                title: 'Waypoint',
                render: e =>
                  e.waypoint === 'none'
                    ? 'none (opted out)'
                    : `${e.waypointNamespace}/${e.waypoint}`,
              },
              {
                title: 'Bound',
                render: e =>
                  e.resolved ? (
                    <StatusText kind="ok">Bound</StatusText>
                  ) : (
                    <StatusText kind="error">
                      {e.problem ?? 'Not bound'}
                    </StatusText>
                  ),
              },
            ]}
            rows={enrollments}
            rowKey={e => `${e.source}/${e.objectName}`}
          />
        )}
      </Box>
      <Box mt={2}>
        <Typography variant="subtitle2" component="h4" gutterBottom>
          Ingress traffic
        </Typography>
        <IngressUse
          ingressUseWaypoint={ingressUseWaypoint}
          hasWaypoint={waypoints.length > 0 || enrollments.length > 0}
        />
      </Box>
    </InfoCard>
  );
}
