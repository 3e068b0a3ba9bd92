import { InfoCard, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useEntityTabLink } from '../../hooks/useEntityTabLink';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { NamespaceMeshStatus } from '@kf-mesh/plugin-kf-mesh-common';
import type { Entity } from '@backstage/catalog-model';
import { isKfMeshAvailable } from '../../conditions';
import { useEntityMeshStatus } from '../../hooks/useEntityMeshStatus';
import { FactList } from '../FactList';
import { KfMeshErrorPanel } from '../KfMeshErrorPanel';
import { MeshVerdictStatus } from '../MeshVerdictStatus';
import { SeverityStatus } from '../SeverityStatus';
import { worstFinding } from './worstFinding';
import { StatusText } from '../StatusText';
import { InlineCodeText } from '../InlineCodeText';
import { OnboardingLifecycleLine } from '../OnboardingLifecycle';

function WaypointSummary(props: { status: NamespaceMeshStatus }) {
  const { waypoints } = props.status.waypoints;
  if (waypoints.length === 0)
    return <StatusText kind="aborted">None</StatusText>;
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
      {finding.code}: <InlineCodeText text={finding.title} />
      {more > 0 ? ` (+${more} more)` : ''}
    </SeverityStatus>
  );
}

const useStyles = makeStyles(theme => ({
  namespace: {
    '&:not(:last-child)': {
      marginBottom: theme.spacing(2),
      paddingBottom: theme.spacing(2),
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
  },
}));

function NamespaceSummary(props: { status: NamespaceMeshStatus }) {
  const { status } = props;
  const classes = useStyles();
  const headingId = `kf-mesh-card-${status.cluster}-${status.namespace}`;
  return (
    <section aria-labelledby={headingId} className={classes.namespace}>
      <Typography variant="subtitle1" component="h3" id={headingId}>
        <code>{status.namespace}</code>{' '}
        <Typography component="span" variant="body2" color="textSecondary">
          on {status.cluster}
        </Typography>
      </Typography>
      <FactList spaceAbove={1}>
        <dt>Mode</dt>
        <dd>
          <MeshVerdictStatus verdict={status.dataplane.verdict} />
        </dd>
        <dt>Waypoint</dt>
        <dd>
          <WaypointSummary status={status} />
        </dd>
        <dt>mTLS</dt>
        <dd>
          <StatusText kind={status.mtls.mode === 'STRICT' ? 'ok' : 'warning'}>
            {status.mtls.mode}
          </StatusText>
        </dd>
        <dt>Worst finding</dt>
        <dd>
          <WorstFinding status={status} />
        </dd>
        {status.onboarding && status.onboarding.state !== 'disabled' && (
          <>
            <dt>Onboarding</dt>
            <dd>
              <OnboardingLifecycleLine onboarding={status.onboarding} />
            </dd>
          </>
        )}
      </FactList>
    </section>
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
        <>
          {value.namespaces.map(status => (
            <NamespaceSummary
              key={`${status.cluster}/${status.namespace}`}
              status={status}
            />
          ))}
        </>
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
  const tabLink = useEntityTabLink(entity, props.tabPath ?? 'kf-mesh');

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
