import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { NamespaceMeshStatus } from '@kf-mesh/plugin-kf-mesh-common';
import { DataFreshness } from '../DataFreshness';
import { DataplaneEvidence } from '../DataplaneEvidence';
import { DriftList } from '../DriftList';
import { FindingsList } from '../FindingsList';
import { MtlsExplanation } from '../MtlsExplanation';
import { OnboardingActions } from '../OnboardingActions';
import { OnboardingLifecycleCard } from '../OnboardingLifecycle';
import { PolicyTable } from '../PolicyTable';
import { WaypointStatus } from '../WaypointStatus';
import { namespaceSectionId } from '../NamespaceIndex';

/**
 * Everything known about one namespace: its onboarding pull request and
 * convergence, dataplane, findings, waypoint, mTLS, policies and drift, with
 * the freshness of the data.
 * @public
 */
export function NamespaceMeshStatusView(props: {
  status: NamespaceMeshStatus;
  /**
   * The entity the namespace belongs to: prefills the onboarding template and
   * shows the onboarding entry points (move to a mode, roll back).
   */
  entityRef?: string;
}) {
  const { status, entityRef } = props;
  const sectionId = namespaceSectionId(status);
  const headingId = `${sectionId}-heading`;
  return (
    <Box component="section" id={sectionId} aria-labelledby={headingId} mb={4}>
      <Box mb={2}>
        <Typography variant="h5" component="h2" id={headingId}>
          {status.namespace}{' '}
          <Typography component="span" variant="h6" color="textSecondary">
            on cluster {status.cluster}
          </Typography>
        </Typography>
        {status.profile && (
          <Typography variant="body2" color="textSecondary">
            Kubeflow profile {status.profile.name}
            {status.profile.owner ? `, owned by ${status.profile.owner}` : ''}
          </Typography>
        )}
        <DataFreshness status={status} />
        {entityRef && (
          <OnboardingActions status={status} entityRef={entityRef} />
        )}
      </Box>
      <Grid container spacing={3} alignItems="stretch">
        {status.onboarding && status.onboarding.state !== 'disabled' && (
          <Grid item xs={12}>
            <OnboardingLifecycleCard onboarding={status.onboarding} />
          </Grid>
        )}
        <Grid item xs={12} lg={6}>
          <DataplaneEvidence dataplane={status.dataplane} />
        </Grid>
        <Grid item xs={12} lg={6}>
          <WaypointStatus waypoints={status.waypoints} />
        </Grid>
        <Grid item xs={12}>
          <FindingsList status={status} entityRef={entityRef} />
        </Grid>
        <Grid item xs={12}>
          <MtlsExplanation mtls={status.mtls} />
        </Grid>
        <Grid item xs={12}>
          <PolicyTable policies={status.policies} />
        </Grid>
        <Grid item xs={12}>
          <DriftList drift={status.drift} />
        </Grid>
      </Grid>
    </Box>
  );
}
