import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ClusterProblem } from '@kf-mesh/plugin-kf-mesh-common';

/**
 * Clusters (or namespaces on them) that could not answer; the rest of the
 * page still shows what the other clusters returned.
 * @public
 */
export function ClusterProblemsPanel(props: { problems: ClusterProblem[] }) {
  const { problems } = props;
  if (problems.length === 0) return null;
  const clusters = [...new Set(problems.map(p => p.cluster))];
  return (
    <WarningPanel
      severity="warning"
      title={`Partial results: ${clusters.length} cluster${
        clusters.length > 1 ? 's' : ''
      } did not answer (${clusters.join(', ')})`}
      defaultExpanded
    >
      <ul aria-label="Cluster problems" style={{ margin: 0 }}>
        {problems.map(p => (
          <li key={`${p.cluster}/${p.namespace ?? ''}/${p.message}`}>
            <Typography variant="body2">
              <strong>{p.cluster}</strong>
              {p.namespace ? ` / ${p.namespace}` : ''}: {p.message}
              {p.since ? ` (since ${p.since})` : ''}
            </Typography>
          </li>
        ))}
      </ul>
    </WarningPanel>
  );
}
