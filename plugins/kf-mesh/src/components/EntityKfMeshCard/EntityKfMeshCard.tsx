import { InfoCard, Progress } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { NamespaceMeshStatus } from '@kf-mesh/plugin-kf-mesh-common';
import type { Entity } from '@backstage/catalog-model';
import { isKfMeshAvailable } from '../../conditions';
import { useEntityMeshStatus } from '../../hooks/useEntityMeshStatus';
import { KfMeshErrorPanel } from '../KfMeshErrorPanel';
import { MeshVerdictStatus } from '../MeshVerdictStatus';
import { SeverityStatus } from '../SeverityStatus';
import { DenseTable } from '../DenseTable';
import { worstFinding } from './worstFinding';
import { StatusText } from '../StatusText';

function WaypointSummary(props: { status: NamespaceMeshStatus }) {
  const { waypoints } = props.status.waypoints;
  if (waypoints.length === 0)
    return <StatusText kind="pending">None</StatusText>;
  const notProgrammed = waypoints.filter(w => w.programmed !== 'true');
  if (notProgrammed.length === 0) {
    return (
      <StatusText kind="ok">
        {waypoints.map(w => w.name).join(', ')}: Programmed
      </StatusText>
    );
  }
  return (
    <StatusText kind="error">
      {notProgrammed.map(w => w.name).join(', ')}: not programmed
    </StatusText>
  );
}

function WorstFinding(props: { status: NamespaceMeshStatus }) {
  const finding = worstFinding(props.status.findings);
  if (!finding) return <SeverityStatus severity={null} />;
  const more = props.status.findings.length - 1;
  return (
    <SeverityStatus severity={finding.severity}>
      {finding.code}: {finding.title}
      {more > 0 ? ` (+${more} more)` : ''}
    </SeverityStatus>
  );
}

function NamespaceSummaryTable(props: { statuses: NamespaceMeshStatus[] }) {
  return (
    <DenseTable
      label="Mesh summary"
      columns={[
        {
          title: 'Namespace',
          render: s => (
            <>
              <code>{s.namespace}</code>
              <Typography
                variant="caption"
                component="div"
                color="textSecondary"
              >
                {s.cluster}
              </Typography>
            </>
          ),
        },
        {
          title: 'Mode',
          render: s => <MeshVerdictStatus verdict={s.dataplane.verdict} />,
        },
        { title: 'Waypoint', render: s => <WaypointSummary status={s} /> },
        {
          title: 'mTLS',
          render: s =>
            s.mtls.mode === 'STRICT' ? (
              <StatusText kind="ok">STRICT</StatusText>
            ) : (
              <StatusText kind="warning">{s.mtls.mode}</StatusText>
            ),
        },
        {
          title: 'Worst finding',
          render: s => <WorstFinding status={s} />,
        },
      ]}
      rows={props.statuses}
      rowKey={s => `${s.cluster}/${s.namespace}`}
    />
  );
}

function EntityMeshSummary(props: { entity: Entity }) {
  const { value, loading, error } = useEntityMeshStatus(props.entity);
  return (
    <>
      {loading && <Progress />}
      {error && <KfMeshErrorPanel error={error} />}
      {value && value.problems.length > 0 && (
        <Box mb={1}>
          <StatusText kind="warning">
            Partial: {value.problems.map(p => p.cluster).join(', ')} did not
            answer
          </StatusText>
        </Box>
      )}
      {value &&
        value.namespaces.length === 0 &&
        value.problems.length === 0 && (
          <Typography variant="body2">
            No namespace found for this entity.
          </Typography>
        )}
      {value && value.namespaces.length > 0 && (
        <NamespaceSummaryTable statuses={value.namespaces} />
      )}
    </>
  );
}

/**
 * Overview card: per namespace the mode, waypoint, mTLS and worst finding,
 * with a link to the entity's kf-mesh tab.
 * @public
 */
export function EntityKfMeshCard(props: {
  /** Path of the kf-mesh tab below the entity page; default `kf-mesh`. */
  tabPath?: string;
}) {
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const tabLink = `${entityRoute({
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace:
      entity.metadata.namespace?.toLocaleLowerCase('en-US') ?? 'default',
    name: entity.metadata.name,
  })}/${props.tabPath ?? 'kf-mesh'}`;

  if (!isKfMeshAvailable(entity)) {
    return (
      <InfoCard title="Istio mesh">
        <Typography variant="body2">
          This entity has no backstage.io/kubernetes-namespace or
          kubeflow.org/profile annotation.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title="Istio mesh"
      deepLink={{ title: 'View mesh status', link: tabLink }}
    >
      <EntityMeshSummary entity={entity} />
    </InfoCard>
  );
}
