import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import TableContainer from '@material-ui/core/TableContainer';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  OnboardingLifecycle,
  OnboardingSourceStatus,
  OnboardingStage,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { isPermissionDenied, kfMeshApiRef } from '../../api';
import { formatAge, formatUtc } from '../DataFreshness/formatAge';
import { DenseTable, DenseTableColumn } from '../DenseTable';
import { FleetAccessDenied } from '../FleetAccessDenied';
import { KfMeshErrorPanel } from '../KfMeshErrorPanel';
import {
  Age,
  ChecksStatus,
  PullRequestLink,
  PullRequestState,
  RiskStatus,
  StageStatus,
  changesRequestedBy,
  pendingReviewers,
  stageLabels,
  stageReason,
  targetModeLabels,
} from '../OnboardingLifecycle';
import { ControlRow } from '../ControlRow';
import { type FilterOption, FilterSelect } from '../FilterSelect';
import { StatusStrip } from '../StatusStrip';
import { StatusText } from '../StatusText';
import { WaveProgress } from '../WaveProgress';

/** Stage filter values: one stage, or every stage. */
const stageOptions: FilterOption[] = [
  { value: 'in-review', label: 'Open (in review)' },
  { value: 'merged', label: stageLabels.merged },
  { value: 'converging', label: stageLabels.converging },
  { value: 'stuck', label: stageLabels.stuck },
  { value: 'converged', label: stageLabels.converged },
  { value: 'closed', label: stageLabels.closed },
  { value: 'all', label: 'All stages' },
];

const DEFAULT_STAGE = 'in-review';

function stageFromUrl(params: URLSearchParams): string {
  const stage = params.get('stage') ?? DEFAULT_STAGE;
  return stageOptions.some(o => o.value === stage) ? stage : DEFAULT_STAGE;
}

const useTableStyles = makeStyles(theme => ({
  // Eight columns: tighter padding than MUI's small cells keeps them on one screen.
  cell: {
    padding: theme.spacing(0.75),
    verticalAlign: 'top',
    '&:first-child': { paddingLeft: theme.spacing(2) },
  },
}));

function Caption(props: { children: ReactNode }) {
  return (
    <Typography variant="caption" color="textSecondary" component="div">
      {props.children}
    </Typography>
  );
}

function ReviewsCell(props: { item: OnboardingLifecycle }) {
  const pr = props.item.pullRequest;
  const changes = changesRequestedBy(pr);
  const waiting = pendingReviewers(pr);
  return (
    <>
      {pr.approvals.length > 0 ? (
        <StatusText kind="ok">Approved by {pr.approvals.join(', ')}</StatusText>
      ) : (
        <Typography variant="body2" component="div">
          No approval
        </Typography>
      )}
      {pr.staleApprovals.length > 0 && (
        <div>
          <StatusText kind="warning">
            {pr.staleApprovals.join(', ')} approved an older revision
          </StatusText>
        </div>
      )}
      {changes.length > 0 && (
        <div>
          <StatusText kind="warning">
            Changes requested by {changes.join(', ')}
          </StatusText>
        </div>
      )}
      {waiting.length > 0 && (
        <Caption>Waiting for {waiting.join(', ')}</Caption>
      )}
    </>
  );
}

function RiskCell(props: { item: OnboardingLifecycle }) {
  const { risk } = props.item;
  if (!risk) return <Caption>Not assessed (no cluster data)</Caption>;
  const [first, ...more] = risk.notes;
  return (
    <>
      <RiskStatus risk={risk} />
      {first && <Caption>{first}</Caption>}
      {more.length > 0 && (
        <Typography variant="caption" color="textSecondary" component="div">
          <details>
            <summary>
              {more.length} more note{more.length > 1 ? 's' : ''}
            </summary>
            {more.map(note => (
              <div key={note}>{note}</div>
            ))}
          </details>
        </Typography>
      )}
    </>
  );
}

/** A column wraps (at least `minWidth` wide) only when it has a `minWidth`; otherwise one line. */
type Column = DenseTableColumn<OnboardingLifecycle>;

const columns: Column[] = [
  {
    title: 'Namespace',
    render: item => (
      <>
        <Typography variant="body2" component="div">
          <code>{item.namespace}</code>
        </Typography>
        <Caption>on {item.cluster}</Caption>
        {item.wave && <Caption>wave {item.wave.id}</Caption>}
      </>
    ),
  },
  {
    title: 'Target mode',
    minWidth: 80,
    render: item => targetModeLabels[item.targetMode],
  },
  {
    title: 'Pull request',
    minWidth: 170,
    render: item => (
      <>
        <PullRequestLink pr={item.pullRequest} />
        {item.pullRequest.author && (
          <Caption>by {item.pullRequest.author}</Caption>
        )}
      </>
    ),
  },
  {
    title: 'State, age',
    minWidth: 110,
    render: item => (
      <>
        <PullRequestState pr={item.pullRequest} />
        <Caption>
          opened <Age iso={item.pullRequest.createdAt} />
        </Caption>
      </>
    ),
  },
  {
    title: 'Reviews',
    minWidth: 120,
    render: item => <ReviewsCell item={item} />,
  },
  {
    title: 'Checks',
    minWidth: 100,
    render: item => <ChecksStatus checks={item.pullRequest.checks} />,
  },
  { title: 'Risk', minWidth: 180, render: item => <RiskCell item={item} /> },
  {
    title: 'Stage',
    minWidth: 150,
    render: item => (
      <>
        <StageStatus stage={item.stage} />
        <Caption>{stageReason(item)}</Caption>
      </>
    ),
  },
];

const tableColumns = columns.map(column => ({
  ...column,
  nowrap: column.minWidth === undefined,
}));

/** One line per GitOps repository: read fine, not read yet, or "unknown since T: reason". */
export function OnboardingSources(props: {
  sources: OnboardingSourceStatus[];
}) {
  const now = Date.now();
  if (props.sources.length === 0) return null;
  return (
    <StatusStrip title="GitOps repositories" label="GitOps repositories">
      {props.sources.map(source => {
        const name = `${source.host}/${source.repository}`;
        let line: ReactNode;
        if (source.state === 'ok') {
          line = (
            <StatusText kind="ok">
              {name}: read{' '}
              {source.refreshedAt
                ? formatAge(source.refreshedAt, now)
                : 'recently'}
            </StatusText>
          );
        } else if (source.state === 'pending') {
          line = <StatusText kind="pending">{name}: not read yet</StatusText>;
        } else {
          line = (
            <StatusText kind="warning">
              GitHub {name} unknown since{' '}
              {source.since
                ? `${formatUtc(source.since)} (${formatAge(source.since, now)})`
                : 'now'}
              {source.reason ? `: ${source.reason}` : ''}
            </StatusText>
          );
        }
        return (
          <Typography key={name} variant="body2" component="div">
            {line}
          </Typography>
        );
      })}
    </StatusStrip>
  );
}

function ApprovalsTable(props: {
  items: OnboardingLifecycle[];
  loading: boolean;
  emptyText: string;
}) {
  const { items, loading } = props;
  const classes = useTableStyles();
  return (
    <Paper>
      <div style={{ height: 4 }}>
        {loading && (
          <LinearProgress aria-label="Loading onboarding pull requests" />
        )}
      </div>
      <TableContainer>
        <DenseTable
          label="Onboarding pull requests"
          columns={tableColumns}
          rows={items}
          rowKey={item =>
            `${item.pullRequest.host}/${item.pullRequest.repository}#${item.pullRequest.number}`
          }
          busy={loading}
          emptyText={props.emptyText}
          hover
          cellClassName={classes.cell}
        />
      </TableContainer>
    </Paper>
  );
}

/** The waves above the queue; a failure to read them degrades this part only. */
function Waves() {
  const api = useApi(kfMeshApiRef);
  const { value, error } = useAsyncRetry(() => api.getWaves(), [api]);
  if (error && !isPermissionDenied(error)) {
    return (
      <Box mb={2}>
        <StatusText kind="warning">
          The waves could not be read: {error.message}
        </StatusText>
      </Box>
    );
  }
  return value ? <WaveProgress waves={value.items} /> : null;
}

/**
 * The platform team's approvals queue: the fleet migration waves (counts by
 * stage, progress, stuck namespaces, task), then the onboarding pull requests
 * with their age, reviews, checks and risk (default: the open ones),
 * filterable by stage, with whether GitHub could be read.
 * @public
 */
export function OnboardingApprovals() {
  const api = useApi(kfMeshApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const stage = stageFromUrl(searchParams);
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      api.getOnboardings(
        stage === 'all' ? {} : { state: [stage as OnboardingStage] },
      ),
    [api, stage],
  );
  const setStage = (next: string) => {
    const params = new URLSearchParams(searchParams);
    if (next === DEFAULT_STAGE) params.delete('stage');
    else params.set('stage', next);
    setSearchParams(params, { replace: true });
  };
  const stageLabel = stageOptions.find(o => o.value === stage)?.label ?? stage;

  if (error && isPermissionDenied(error)) {
    return <FleetAccessDenied what="The onboarding approvals queue" />;
  }

  return (
    <>
      <Waves />
      <ControlRow>
        <FilterSelect
          id="kf-mesh-approvals-stage"
          label="Stage"
          value={stage}
          options={stageOptions}
          onChange={setStage}
          minWidth={200}
        />
        {value && (
          <Typography variant="body2" aria-live="polite">
            {value.total} onboarding pull request{value.total === 1 ? '' : 's'}
          </Typography>
        )}
      </ControlRow>
      {value && <OnboardingSources sources={value.sources} />}
      {error && (
        <Box mb={2}>
          <KfMeshErrorPanel
            error={error}
            title="Could not load the onboarding pull requests"
          />
          <Box mt={1}>
            <Button variant="outlined" onClick={retry}>
              Retry
            </Button>
          </Box>
        </Box>
      )}
      {!error && (
        <ApprovalsTable
          items={value?.items ?? []}
          loading={loading}
          emptyText={
            stage === 'all'
              ? 'No onboarding pull request.'
              : `No onboarding pull request in stage "${stageLabel}".`
          }
        />
      )}
    </>
  );
}
