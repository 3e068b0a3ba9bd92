import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { NamespaceDataplaneStatus } from '@kf-mesh/plugin-kf-mesh-common';
import { DenseTable } from '../DenseTable';
import { MeshVerdictStatus, verdictDescriptions } from '../MeshVerdictStatus';

const intentLabels: Record<NamespaceDataplaneStatus['intent'], string> = {
  ambient: 'ambient',
  sidecar: 'sidecar injection',
  none: 'none (no mesh label)',
  conflict: 'conflicting (ambient and injection)',
};

const podKinds: Array<{
  key: keyof Omit<NamespaceDataplaneStatus['counts'], 'total'>;
  label: string;
  meaning: string;
}> = [
  { key: 'ambient', label: 'Ambient', meaning: 'redirected by istio-cni' },
  { key: 'sidecar', label: 'Sidecar', meaning: 'run an istio-proxy container' },
  {
    key: 'pending',
    label: 'Pending',
    meaning: 'ambient redirection pending: traffic blocked',
  },
  { key: 'none', label: 'None', meaning: 'outside the mesh' },
];

/**
 * The dataplane mode of a namespace with its evidence: the labels that ask for
 * it, what the pods actually run, and which pods need a restart.
 * @public
 */
export function DataplaneEvidence(props: {
  dataplane: NamespaceDataplaneStatus;
}) {
  const { dataplane } = props;
  const labels = Object.entries(dataplane.labels);
  return (
    <InfoCard
      title="Dataplane mode"
      subheader={verdictDescriptions[dataplane.verdict]}
    >
      <Box display="flex" alignItems="center" mb={2} style={{ gap: 16 }}>
        <Typography variant="h6" component="p">
          <MeshVerdictStatus verdict={dataplane.verdict} />
        </Typography>
        <Typography variant="body2" color="textSecondary">
          Labels ask for: {intentLabels[dataplane.intent]}
        </Typography>
      </Box>
      <Typography variant="subtitle2" component="h4" gutterBottom>
        Namespace labels
      </Typography>
      <Box mb={2} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        {labels.length === 0 ? (
          <Typography variant="body2">
            No mesh label on the namespace.
          </Typography>
        ) : (
          labels.map(([key, value]) => (
            <Chip
              key={key}
              size="small"
              variant="outlined"
              label={`${key}=${value}`}
              aria-label={`label ${key} equals ${value}`}
            />
          ))
        )}
      </Box>
      <Typography variant="subtitle2" component="h4" gutterBottom>
        What the {dataplane.counts.total} pods run
      </Typography>
      <DenseTable
        label="Pods by observed dataplane"
        columns={[
          { title: 'Dataplane', nowrap: true, render: row => row.label },
          {
            title: 'Pods',
            nowrap: true,
            render: row => dataplane.counts[row.key],
          },
          { title: 'Meaning', render: row => row.meaning },
        ]}
        rows={podKinds}
        rowKey={row => row.key}
      />
      <Box mt={2}>
        <Typography variant="subtitle2" component="h4" gutterBottom>
          Pods needing a restart
        </Typography>
        {dataplane.podsNeedingRestart.length === 0 ? (
          <Typography variant="body2">
            None: every pod runs the intended dataplane.
          </Typography>
        ) : (
          <>
            <Typography variant="body2" gutterBottom>
              Injection and ambient redirection act on pod creation only;
              restart these {dataplane.podsNeedingRestart.length} pods:
            </Typography>
            <Box
              component="ul"
              m={0}
              pl={3}
              aria-label="Pods needing a restart"
            >
              {dataplane.podsNeedingRestart.map(pod => (
                <li key={pod}>
                  <code>{pod}</code>
                </li>
              ))}
            </Box>
          </>
        )}
      </Box>
    </InfoCard>
  );
}
