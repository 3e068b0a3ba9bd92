import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import TableContainer from '@material-ui/core/TableContainer';
import TablePagination from '@material-ui/core/TablePagination';
import Typography from '@material-ui/core/Typography';
import type {
  FleetSortField,
  NamespaceMeshSummary,
  PodDataplaneCounts,
} from '@kf-mesh/plugin-kf-mesh-common';
import { targetModeFor } from '../../hooks/useOnboardingTemplateLink';
import {
  DenseTable,
  DenseTableColumn,
  DenseTableSelection,
} from '../DenseTable';
import { MeshVerdictStatus } from '../MeshVerdictStatus';
import { OnboardingButton } from '../OnboardingButton';
import { ReadinessStatus } from '../ReadinessStatus';
import { SeverityStatus } from '../SeverityStatus';
import { StatusText } from '../StatusText';

const podSummary = (pods: PodDataplaneCounts) => {
  const parts = (['ambient', 'sidecar', 'pending', 'none'] as const)
    .filter(k => pods[k] > 0)
    .map(k => `${pods[k]} ${k}`);
  return parts.length ? parts.join(', ') : `${pods.total} pods`;
};

function WaypointCell(props: { programmed: boolean | null }) {
  if (props.programmed === null) return <>—</>;
  return props.programmed ? (
    <StatusText kind="ok">Programmed</StatusText>
  ) : (
    <StatusText kind="error">Not programmed</StatusText>
  );
}

function FindingsCell(props: { item: NamespaceMeshSummary }) {
  const { findings, worstSeverity, findingCodes } = props.item;
  const count = findings.error + findings.warning + findings.info;
  if (count === 0) return <SeverityStatus severity={null} />;
  return (
    <>
      <SeverityStatus severity={worstSeverity}>
        {count} finding{count > 1 ? 's' : ''}
      </SeverityStatus>
      <Typography variant="caption" color="textSecondary" component="div">
        {findingCodes.join(', ')}
      </Typography>
    </>
  );
}

type Column = DenseTableColumn<NamespaceMeshSummary, FleetSortField> & {
  /** Let this column wrap; every other cell keeps one line, so rows stay short and the table scrolls sideways. */
  wrap?: boolean;
};

const definitions: Column[] = [
  {
    title: 'Namespace',
    sortField: 'namespace',
    render: item => (
      <>
        <Typography variant="body2" component="div">
          <code>{item.namespace}</code>
        </Typography>
        {item.profileOwner && (
          <Typography variant="caption" color="textSecondary" component="div">
            {item.profileOwner}
          </Typography>
        )}
      </>
    ),
  },
  { title: 'Cluster', sortField: 'cluster', render: item => item.cluster },
  {
    title: 'Mode',
    sortField: 'verdict',
    render: item => <MeshVerdictStatus verdict={item.verdict} />,
  },
  { title: 'Pods', render: item => podSummary(item.pods), wrap: true },
  {
    title: 'Waypoint',
    render: item => <WaypointCell programmed={item.waypointProgrammed} />,
  },
  {
    title: 'mTLS',
    render: item => (
      <StatusText kind={item.mtlsMode === 'STRICT' ? 'ok' : 'warning'}>
        {item.mtlsMode}
      </StatusText>
    ),
  },
  {
    title: 'Findings',
    sortField: 'severity',
    render: item => <FindingsCell item={item} />,
  },
  {
    title: 'Readiness',
    render: item => <ReadinessStatus readiness={item.readiness} />,
    wrap: true,
    minWidth: 200,
  },
  {
    title: 'Action',
    render: item =>
      item.verdict === 'none' || item.verdict === 'conflict' ? (
        <OnboardingButton
          label="Onboard"
          target={{
            cluster: item.cluster,
            namespace: item.namespace,
            mode: targetModeFor(item.verdict),
          }}
        />
      ) : null,
  },
];

const columns = definitions.map(({ wrap, ...column }) => ({
  ...column,
  nowrap: !wrap,
}));

/**
 * One server-side page of the fleet: sortable headers, cursor paging (next
 * and previous), the readiness for the target mode, optional row check boxes, and a thin progress bar while the next page loads so the
 * current rows stay put.
 * @public
 */
export function FleetTable(props: {
  items: NamespaceMeshSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageSizes: number[];
  hasNextPage: boolean;
  loading: boolean;
  sort: FleetSortField;
  order: 'asc' | 'desc';
  onSort: (field: FleetSortField) => void;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: number) => void;
  /** Row check boxes (selecting namespaces for a wave). */
  selection?: DenseTableSelection<NamespaceMeshSummary>;
}) {
  const { items, total, page, pageSize, loading, sort, order } = props;
  return (
    <Paper>
      <div style={{ height: 4 }}>
        {loading && <LinearProgress aria-label="Loading namespaces" />}
      </div>
      <TableContainer>
        <DenseTable
          label="Profile namespaces"
          columns={columns}
          rows={items}
          rowKey={item => `${item.cluster}/${item.namespace}`}
          busy={loading}
          emptyText="No namespace matches these filters."
          sort={{ field: sort, order, onSort: props.onSort }}
          hover
          selection={props.selection}
        />
      </TableContainer>
      <TablePagination
        component="div"
        count={total}
        page={page}
        rowsPerPage={pageSize}
        rowsPerPageOptions={props.pageSizes}
        onPageChange={(_e, next) => props.onPageChange(next)}
        onRowsPerPageChange={e =>
          props.onPageSizeChange(Number(e.target.value))
        }
        backIconButtonProps={{ disabled: page === 0 || loading }}
        nextIconButtonProps={{ disabled: !props.hasNextPage || loading }}
      />
    </Paper>
  );
}
