import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ONBOARDING_STAGES,
  type WaveSummary,
} from '@kf-mesh/plugin-kf-mesh-common';
import { useScaffolderTaskLink } from '../../hooks/useScaffolderTaskLink';
import {
  Age,
  stageKinds,
  stageLabels,
  targetModeLabels,
} from '../OnboardingLifecycle';
import { StatusText } from '../StatusText';

const useStyles = makeStyles(theme => ({
  wave: { padding: theme.spacing(2), marginBottom: theme.spacing(2) },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    listStyle: 'none',
    padding: 0,
    margin: theme.spacing(1, 0),
  },
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
}));

/** Share of a wave's namespaces that converged, 0-100 (closed PRs left out: they will not converge). */
export function waveProgress(wave: WaveSummary): number {
  const open = wave.total - wave.counts.closed;
  return open > 0 ? Math.round((100 * wave.counts.converged) / open) : 0;
}

function WaveCard(props: { wave: WaveSummary }) {
  const { wave } = props;
  const classes = useStyles();
  const taskLink = useScaffolderTaskLink();
  const headingId = `kf-mesh-wave-${wave.id}`;
  const progress = waveProgress(wave);
  const open = wave.total - wave.counts.closed;
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      className={classes.wave}
    >
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="baseline"
        style={{ gap: 16 }}
      >
        <Typography variant="h6" component="h3" id={headingId}>
          Wave {wave.id}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {wave.targetMode === 'mixed'
            ? 'mixed target modes'
            : `to ${targetModeLabels[wave.targetMode]}`}
          {wave.rollbackOf ? `, rollback of ${wave.rollbackOf}` : ''}, started{' '}
          <Age iso={wave.startedAt} />
        </Typography>
        {wave.taskId ? (
          <Link to={taskLink(wave.taskId)}>Wave task</Link>
        ) : (
          <Typography variant="body2" color="textSecondary">
            no task recorded
          </Typography>
        )}
      </Box>
      <ul className={classes.counts} aria-label={`Stages of wave ${wave.id}`}>
        {ONBOARDING_STAGES.map(stage => (
          <li key={stage}>
            <StatusText kind={stageKinds[stage]}>
              {stageLabels[stage]}: {wave.counts[stage]}
            </StatusText>
          </li>
        ))}
      </ul>
      <LinearProgress
        variant="determinate"
        value={progress}
        aria-label={`Wave ${wave.id}: ${wave.counts.converged} of ${open} converged`}
      />
      <Typography variant="caption" color="textSecondary" component="div">
        {wave.counts.converged} of {open} namespace{open === 1 ? '' : 's'}{' '}
        converged ({progress}%)
        {wave.counts.closed > 0
          ? `, ${wave.counts.closed} closed unmerged`
          : ''}
      </Typography>
      {wave.stuck.length > 0 && (
        <Box mt={1}>
          <Typography variant="subtitle2" component="h4">
            Stuck
          </Typography>
          <ul
            className={classes.list}
            aria-label={`Stuck namespaces of wave ${wave.id}`}
          >
            {wave.stuck.map(s => (
              <li key={`${s.cluster}/${s.namespace}`}>
                <Typography variant="body2" component="span">
                  <code>{s.namespace}</code> on {s.cluster}: {s.reason}
                </Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
    </Paper>
  );
}

/**
 * Fleet migration waves on the Approvals tab: per wave the counts by stage, a progress bar (converged of the
 * namespaces not closed), the stuck namespaces with their reasons, and a link to the wave's scaffolder task.
 * @public
 */
export function WaveProgress(props: { waves: WaveSummary[] }) {
  if (props.waves.length === 0) return null;
  return (
    <Box mb={2} component="section" aria-label="Waves">
      <Typography variant="subtitle1" component="h2" gutterBottom>
        Waves
      </Typography>
      {props.waves.map(wave => (
        <WaveCard key={wave.id} wave={wave} />
      ))}
    </Box>
  );
}
