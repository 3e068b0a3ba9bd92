import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ConvergenceObject,
  NamespaceOnboardingStatus,
  OnboardingConvergence,
  OnboardingLifecycle,
  OnboardingWaveRef,
} from '@kf-mesh/plugin-kf-mesh-common';
import { useScaffolderTaskLink } from '../../hooks/useScaffolderTaskLink';
import { formatAge, formatUtc } from '../DataFreshness/formatAge';
import { DenseTable } from '../DenseTable';
import { FactList } from '../FactList';
import { objectRefText } from '../ObjectRef';
import { StatusText, type StatusKind } from '../StatusText';
import {
  Age,
  ChecksStatus,
  OnboardingStepper,
  PullRequestLink,
  PullRequestState,
  RiskStatus,
  StageStatus,
} from './OnboardingParts';
import {
  changesRequestedBy,
  pendingReviewers,
  stageReason,
  targetModeLabels,
} from './onboardingText';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
}));

const objectStates: Record<
  ConvergenceObject['state'],
  { kind: StatusKind; label: string }
> = {
  present: { kind: 'ok', label: 'Present' },
  missing: { kind: 'error', label: 'Missing' },
  different: { kind: 'warning', label: 'Different' },
};

const orNone = (names: string[]) => (names.length ? names.join(', ') : 'None');

const labelValue = (value: string | null) =>
  value === null ? <em>absent</em> : <code>{value}</code>;

function WaypointProgrammed(props: {
  waypoint: NonNullable<OnboardingConvergence['waypoint']>;
}) {
  const { name, programmed, reason } = props.waypoint;
  const suffix = reason ? ` (${reason})` : '';
  if (programmed === 'true')
    return <StatusText kind="ok">{name}: Programmed</StatusText>;
  if (programmed === 'false')
    return (
      <StatusText kind="error">
        {name}: not Programmed{suffix}
      </StatusText>
    );
  if (programmed === 'missing')
    return <StatusText kind="error">{name}: does not exist yet</StatusText>;
  return <StatusText kind="pending">{name}: no status yet</StatusText>;
}

function Convergence(props: { convergence: OnboardingConvergence }) {
  const { convergence } = props;
  const classes = useStyles();
  const now = Date.now();
  return (
    <Box mt={3} component="section" aria-label="Convergence">
      <Typography variant="subtitle2" component="h4" gutterBottom>
        Convergence with the merged plan
      </Typography>
      <FactList spaceAbove={2}>
        <dt>Merged</dt>
        <dd>
          {formatAge(convergence.mergedAt, now)} (
          {formatUtc(convergence.mergedAt)})
        </dd>
        {convergence.waypoint && (
          <>
            <dt>Waypoint</dt>
            <dd>
              <WaypointProgrammed waypoint={convergence.waypoint} />
            </dd>
          </>
        )}
        <dt>Pods on the old dataplane</dt>
        <dd>
          {convergence.podsOnOldDataplane.length === 0 ? (
            <StatusText kind="ok">None</StatusText>
          ) : (
            <>
              <StatusText kind="warning">
                {convergence.podsOnOldDataplane.length} pod
                {convergence.podsOnOldDataplane.length > 1 ? 's' : ''} to
                restart
              </StatusText>
              <ul className={classes.list} aria-label="Pods to restart">
                {convergence.podsOnOldDataplane.map(pod => (
                  <li key={pod}>
                    <code>{pod}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
        </dd>
      </FactList>
      {convergence.objects.length > 0 && (
        <Box mt={2}>
          <DenseTable
            label="Planned objects in the cluster"
            columns={[
              {
                title: 'Planned object',
                render: o => <code>{objectRefText(o.object)}</code>,
              },
              {
                title: 'In the cluster',
                nowrap: true,
                render: o => (
                  <StatusText kind={objectStates[o.state].kind}>
                    {objectStates[o.state].label}
                  </StatusText>
                ),
              },
              { title: 'Detail', render: o => o.detail ?? '' },
            ]}
            rows={convergence.objects}
            rowKey={o =>
              `${o.object.kind}/${o.object.namespace}/${o.object.name}`
            }
          />
        </Box>
      )}
      {convergence.labels.length > 0 && (
        <Box mt={2}>
          <DenseTable
            label="Namespace labels expected and actual"
            columns={[
              { title: 'Label', render: l => <code>{l.key}</code> },
              { title: 'Expected', render: l => labelValue(l.expected) },
              { title: 'Actual', render: l => labelValue(l.actual) },
              {
                title: 'Match',
                nowrap: true,
                render: l =>
                  l.expected === l.actual ? (
                    <StatusText kind="ok">Yes</StatusText>
                  ) : (
                    <StatusText kind="error">No</StatusText>
                  ),
              },
            ]}
            rows={convergence.labels}
            rowKey={l => l.key}
          />
        </Box>
      )}
    </Box>
  );
}

/** "wave-20261201-1640 (rollback of …), task" with a link to the wave's scaffolder task. */
function WaveRefText(props: { wave: OnboardingWaveRef }) {
  const { wave } = props;
  const taskLink = useScaffolderTaskLink();
  return (
    <>
      <code>{wave.id}</code>
      {wave.rollbackOf ? ` (rollback of ${wave.rollbackOf})` : ''}
      {wave.taskId && (
        <>
          {' '}
          (<Link to={taskLink(wave.taskId)}>wave task</Link>)
        </>
      )}
    </>
  );
}

/** The whole lifecycle of one onboarding: stages, the pull request, reviews, checks, risk, convergence. */
export function OnboardingLifecycleDetails(props: {
  lifecycle: OnboardingLifecycle;
}) {
  const { lifecycle } = props;
  const { pullRequest: pr } = lifecycle;
  const classes = useStyles();
  const changes = changesRequestedBy(pr);
  const open = !['merged', 'closed'].includes(pr.state);
  return (
    <>
      <OnboardingStepper stage={lifecycle.stage} />
      <Box mt={1}>
        <Typography variant="body1" component="p">
          <StageStatus stage={lifecycle.stage}>
            : {stageReason(lifecycle)}
          </StageStatus>
        </Typography>
      </Box>
      <FactList spaceAbove={2}>
        <dt>Pull request</dt>
        <dd>
          <PullRequestLink pr={pr} /> ({pr.repository})
        </dd>
        <dt>State</dt>
        <dd>
          <PullRequestState pr={pr} />
        </dd>
        <dt>Target mode</dt>
        <dd>{targetModeLabels[lifecycle.targetMode]}</dd>
        <dt>Wave</dt>
        <dd>
          {lifecycle.wave ? (
            <WaveRefText wave={lifecycle.wave} />
          ) : (
            'None (onboarded on its own)'
          )}
        </dd>
        <dt>Opened</dt>
        <dd>
          <Age iso={pr.createdAt} />
          {pr.author ? ` by ${pr.author}` : ''}
        </dd>
        {pr.closedAt && !pr.mergedAt && (
          <>
            <dt>Closed</dt>
            <dd>
              <Age iso={pr.closedAt} />
            </dd>
          </>
        )}
        {open && (
          <>
            <dt>Review requested from</dt>
            <dd>{orNone(pendingReviewers(pr))}</dd>
          </>
        )}
        <dt>Approvals</dt>
        <dd>{orNone(pr.approvals)}</dd>
        {pr.staleApprovals.length > 0 && (
          <>
            <dt>Approved an older revision</dt>
            <dd>
              <StatusText kind="warning">
                {pr.staleApprovals.join(', ')}
              </StatusText>
            </dd>
          </>
        )}
        {changes.length > 0 && (
          <>
            <dt>Changes requested by</dt>
            <dd>
              <StatusText kind="warning">{changes.join(', ')}</StatusText>
            </dd>
          </>
        )}
        <dt>Checks</dt>
        <dd>
          <ChecksStatus checks={pr.checks} />
        </dd>
        {lifecycle.risk && (
          <>
            <dt>Risk</dt>
            <dd>
              <RiskStatus risk={lifecycle.risk} />
              {lifecycle.risk.notes.length > 0 && (
                <ul className={classes.list} aria-label="Risk notes">
                  {lifecycle.risk.notes.map(note => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
      </FactList>
      {lifecycle.convergence && (
        <Convergence convergence={lifecycle.convergence} />
      )}
    </>
  );
}

/** "GitHub could not be read since <T> (<age>): <reason>". */
export function OnboardingUnknownSince(props: {
  status: NamespaceOnboardingStatus;
}) {
  const { since, reason } = props.status;
  return (
    <StatusText kind="warning">
      Onboarding status unknown since{' '}
      {since ? `${formatUtc(since)} (${formatAge(since, Date.now())})` : 'now'}
      {reason ? `: ${reason}` : ''}
    </StatusText>
  );
}

/**
 * The onboarding of one namespace on the entity tab: nothing when no GitOps
 * repository is configured, "no onboarding PR", the lifecycle, or "unknown
 * since T" with the last known lifecycle when GitHub cannot be read.
 * @public
 */
export function OnboardingLifecycleCard(props: {
  onboarding?: NamespaceOnboardingStatus;
}) {
  const { onboarding } = props;
  if (!onboarding || onboarding.state === 'disabled') return null;
  return (
    <InfoCard title="Onboarding pull request">
      {onboarding.state === 'none' && (
        <Typography variant="body2">
          No onboarding pull request for this namespace.
        </Typography>
      )}
      {onboarding.state === 'unknown' && (
        <Box mb={2}>
          <Typography variant="body2" component="p">
            <OnboardingUnknownSince status={onboarding} />
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {onboarding.lifecycle
              ? 'Last known state, from before GitHub stopped answering:'
              : 'No earlier state is known. The rest of the mesh status is current.'}
          </Typography>
        </Box>
      )}
      {onboarding.lifecycle && onboarding.state !== 'none' && (
        <OnboardingLifecycleDetails lifecycle={onboarding.lifecycle} />
      )}
    </InfoCard>
  );
}
