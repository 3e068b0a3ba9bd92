import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { type FleetRequest, kfMeshApiRef, type KfMeshApi } from '../../api';
import { useScaffolderTaskLink } from '../../hooks/useScaffolderTaskLink';
import { targetModeLabels } from '../OnboardingLifecycle';
import { KfMeshErrorPanel } from '../KfMeshErrorPanel';
import { StatusText } from '../StatusText';
import {
  type NamespaceMeshSummary,
  type OnboardingTargetMode,
  WAVE_ID_PATTERN,
  WAVE_TEMPLATE_REF,
  type WaveTemplateParameters,
} from '@kf-mesh/plugin-kf-mesh-common';
import {
  blockedReason,
  type ReadinessSummary,
  summarizeReadiness,
} from './readinessSummary';
import type { WaveSelection } from './waveSelection';

/** Page size used to fetch "every namespace matching this filter" (the backend's largest page). */
const FETCH_PAGE = 500;

/** The namespaces of a selection: the ticked rows, or every page of the filter (refused past `limit`). */
async function resolveSelection(
  api: KfMeshApi,
  selection: WaveSelection,
  request: FleetRequest,
  limit: number,
): Promise<NamespaceMeshSummary[]> {
  if (selection.kind === 'rows') return [...selection.rows.values()];
  const rows: NamespaceMeshSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.getFleet({ ...request, limit: FETCH_PAGE, cursor });
    if (page.total > limit) {
      throw new Error(
        `${page.total} namespaces match this filter now; a wave takes at most ${limit}. Narrow the filter.`,
      );
    }
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

const WAVE_ID_RULE =
  'The wave id must be 1 to 40 lowercase letters, digits or "-", starting and ending with a letter or digit.';

/** A fresh wave id from the time (UTC): `wave-20261201-164512`. */
export function newWaveId(now: Date): string {
  const iso = now.toISOString(); // 2026-12-01T16:45:12.345Z
  return `wave-${iso.slice(0, 10).replace(/-/g, '')}-${iso
    .slice(11, 19)
    .replace(/:/g, '')}`;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n} ${n === 1 ? one : many}`;

function SummaryView(props: { summary: ReadinessSummary; total: number }) {
  const { summary, total } = props;
  return (
    <>
      <Typography variant="subtitle2" component="h3">
        Readiness of the {plural(total, 'selected namespace')}
      </Typography>
      <ul aria-label="Readiness summary">
        <li>
          <StatusText kind="ok">{summary.ready} ready</StatusText>
        </li>
        <li>
          <StatusText kind="warning">
            {summary.needsRestarts} need restarts
          </StatusText>
        </li>
        <li>
          <StatusText kind="error">
            {summary.blocked.length} blocked (left out of the wave)
          </StatusText>
        </li>
      </ul>
      <Typography variant="subtitle2" component="h3">
        What the move changes for users
      </Typography>
      <ul aria-label="Changes for users">
        <li>{plural(summary.podsToRestart, 'pod')} restart after the merges</li>
        <li>
          {plural(
            summary.policiesMovedToWaypoint,
            'AuthorizationPolicy',
            'AuthorizationPolicies',
          )}{' '}
          with L7 rules move to the waypoint
        </li>
        <li>{plural(summary.deletions, 'object')} deleted</li>
      </ul>
      {summary.blocked.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3">
            Blocked
          </Typography>
          <ul aria-label="Blocked namespaces">
            {summary.blocked.map(row => (
              <li key={`${row.cluster}/${row.namespace}`}>
                <code>{row.namespace}</code> on {row.cluster}:{' '}
                {blockedReason(row)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * "Start wave": the readiness summary of the selection (ready / need restarts / blocked, what the move changes for
 * users), then, once confirmed, the wave template runs in the scaffolder (so the wave is audited like any task) and
 * the dialog links to its task. Blocked namespaces are left out; a selection with nothing to open cannot start.
 */
export function StartWaveDialog(props: {
  selection: WaveSelection;
  /** The fleet filters, for a "matching this filter" selection. */
  request: FleetRequest;
  target: OnboardingTargetMode;
  limit: number;
  onClose: () => void;
}) {
  const { selection, request, target, limit } = props;
  const api = useApi(kfMeshApiRef);
  const scaffolderApi = useApi(scaffolderApiRef);
  const taskLink = useScaffolderTaskLink();
  const rows = useAsync(
    () => resolveSelection(api, selection, request, limit),
    [api, selection, request, limit],
  );
  const [start, setStart] = useState<
    | { state: 'idle' }
    | { state: 'starting' }
    | { state: 'started'; taskId: string }
    | { state: 'failed'; error: Error }
  >({ state: 'idle' });
  const summary = rows.value ? summarizeReadiness(rows.value) : undefined;
  const [waveId, setWaveId] = useState(() => newWaveId(new Date()));
  const waveIdError = WAVE_ID_PATTERN.test(waveId) ? undefined : WAVE_ID_RULE;

  const confirm = async () => {
    if (!summary || summary.eligible.length === 0 || waveIdError) return;
    setStart({ state: 'starting' });
    const values = {
      waveId,
      mode: target,
      namespaces: summary.eligible.map(r => ({
        cluster: r.cluster,
        namespace: r.namespace,
      })),
    } satisfies WaveTemplateParameters;
    try {
      const { taskId } = await scaffolderApi.scaffold({
        templateRef: WAVE_TEMPLATE_REF,
        values,
      });
      setStart({ state: 'started', taskId });
    } catch (e) {
      setStart({ state: 'failed', error: e as Error });
    }
  };

  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="kf-mesh-wave-title"
      maxWidth="md"
      fullWidth
    >
      <DialogTitle id="kf-mesh-wave-title">
        Start a wave to {targetModeLabels[target]}
      </DialogTitle>
      <DialogContent>
        {rows.loading && (
          <LinearProgress aria-label="Reading the readiness of the selection" />
        )}
        {rows.error && (
          <div role="alert">
            <StatusText kind="error">{rows.error.message}</StatusText>
          </div>
        )}
        {summary && rows.value && (
          <SummaryView summary={summary} total={rows.value.length} />
        )}
        {summary && summary.eligible.length > 0 && (
          <Box mt={2}>
            <TextField
              id="kf-mesh-wave-id"
              label="Wave id"
              value={waveId}
              onChange={e => setWaveId(e.target.value.trim())}
              disabled={start.state !== 'idle' && start.state !== 'failed'}
              error={Boolean(waveIdError)}
              helperText={
                waveIdError ??
                'Names the wave on its pull requests; the same id again resumes that wave.'
              }
              variant="outlined"
              size="small"
              style={{ minWidth: 320 }}
            />
          </Box>
        )}
        {summary && summary.eligible.length === 0 && (
          <div role="alert">
            <StatusText kind="error">
              Nothing to start: every selected namespace is blocked.
            </StatusText>
          </div>
        )}
        {start.state === 'failed' && (
          <Box mt={2}>
            <KfMeshErrorPanel
              error={start.error}
              title="The wave could not start"
            />
          </Box>
        )}
        {start.state === 'started' && (
          <Box mt={2} role="status">
            <StatusText kind="ok">
              Wave started:{' '}
              <Link to={taskLink(start.taskId)}>open the wave's task</Link>. Its
              pull requests show on the Approvals tab.
            </StatusText>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>
          {start.state === 'started' ? 'Close' : 'Cancel'}
        </Button>
        {start.state !== 'started' && (
          <Button
            variant="contained"
            color="primary"
            disabled={
              !summary ||
              summary.eligible.length === 0 ||
              Boolean(waveIdError) ||
              start.state === 'starting'
            }
            onClick={confirm}
          >
            {summary
              ? `Start the wave (${plural(
                  summary.eligible.length,
                  'namespace',
                )})`
              : 'Start the wave'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
