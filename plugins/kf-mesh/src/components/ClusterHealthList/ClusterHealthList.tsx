import Typography from '@material-ui/core/Typography';
import type { ClusterSyncStatus } from '@kf-mesh/plugin-kf-mesh-common';
import { type StatusKind, StatusText } from '../StatusText';
import { StatusStrip } from '../StatusStrip';

const healthKinds: Record<ClusterSyncStatus['health'], StatusKind> = {
  ok: 'ok',
  degraded: 'warning',
  down: 'error',
  pending: 'pending',
};

const healthLabels: Record<ClusterSyncStatus['health'], string> = {
  ok: 'in sync',
  degraded: 'degraded',
  down: 'down',
  pending: 'syncing',
};

/**
 * One line per configured cluster with its sync health, so stale data is
 * visible before anyone trusts the table.
 * @public
 */
export function ClusterHealthList(props: { clusters: ClusterSyncStatus[] }) {
  if (props.clusters.length === 0) return null;
  return (
    <StatusStrip title="Clusters">
      {props.clusters.map(c => {
        const notSynced = c.resources
          .filter(r => r.state !== 'synced')
          .map(r => `${r.resource} ${r.state}`);
        return (
          <Typography
            key={c.name}
            variant="body2"
            component="div"
            title={notSynced.join(', ') || undefined}
          >
            <StatusText kind={healthKinds[c.health]}>
              {c.name}: {healthLabels[c.health]}
              {notSynced.length > 0
                ? ` (${notSynced.length} resource type${
                    notSynced.length > 1 ? 's' : ''
                  } not synced)`
                : ''}
            </StatusText>
          </Typography>
        );
      })}
    </StatusStrip>
  );
}
