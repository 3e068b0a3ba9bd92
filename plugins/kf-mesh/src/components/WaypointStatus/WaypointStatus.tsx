import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  NamespaceWaypointStatus,
  WaypointBypassCaller,
  WaypointEnrollment,
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

/** Istio 1.31 weighted canary of an enrollment (docs/mesh-semantics.md#e2). */
function Canary(props: { enrollment: WaypointEnrollment }) {
  const { canary } = props.enrollment;
  if (!canary) return <>none</>;
  const name = `${canary.waypointNamespace}/${canary.waypoint}`;
  if (canary.problem)
    return (
      <StatusText kind="warning">
        {name} not used ({canary.problem})
      </StatusText>
    );
  return (
    <>
      {name}: {canary.weight}% of new connections
    </>
  );
}

/** Callers whose traffic skips the waypoint (docs/mesh-semantics.md#e3). */
function BypassingCallers(props: { callers: WaypointBypassCaller[] }) {
  return (
    <DenseTable
      label="Callers that bypass the waypoint"
      columns={[
        { title: 'Caller', render: c => <code>{c.principal}</code> },
        {
          title: 'Path',
          nowrap: true,
          render: c =>
            c.via === 'sidecar'
              ? 'sidecar (never uses waypoints)'
              : `ingress without istio.io/ingress-use-waypoint${
                  c.services && c.services.length > 0
                    ? ` (${c.services.join(', ')})`
                    : ''
                }`,
        },
        { title: 'Allowed by', render: c => c.policies.join(', ') },
        {
          title: 'At ztunnel',
          render: c =>
            c.outcome === 'denied-at-ztunnel' ? (
              <StatusText kind="error">Denied (no L4 allow)</StatusText>
            ) : (
              <StatusText kind="warning">
                Allowed without L7 checks
                {c.admittedBy && c.admittedBy.length > 0
                  ? ` (${c.admittedBy.join(', ')})`
                  : ''}
              </StatusText>
            ),
        },
      ]}
      rows={props.callers}
      rowKey={c => `${c.via}/${c.principal}`}
    />
  );
}

/**
 * Waypoints of a namespace: whether each is `Programmed`, its traffic type,
 * how traffic is enrolled (namespace / service / pod label) and ingress use.
 * @public
 */
export function WaypointStatus(props: { waypoints: NamespaceWaypointStatus }) {
  const { waypoints, enrollments, ingressUseWaypoint, bypassingCallers } =
    props.waypoints;
  const hasCanary = enrollments.some(e => e.canary);
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
              ...(hasCanary
                ? [
                    {
                      title: 'Canary (istio.io/use-waypoint-canary)',
                      render: (e: WaypointEnrollment) => (
                        <Canary enrollment={e} />
                      ),
                    },
                  ]
                : []),
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
      {bypassingCallers && bypassingCallers.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h4" gutterBottom>
            Callers that bypass the waypoint
          </Typography>
          <Typography variant="body2" paragraph>
            The waypoint policies allow these callers, but their traffic never
            reaches the waypoint, so its L7 rules do not apply; ztunnel&apos;s
            L4 rules decide alone.
          </Typography>
          <BypassingCallers callers={bypassingCallers} />
        </Box>
      )}
    </InfoCard>
  );
}
