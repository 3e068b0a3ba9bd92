import Typography from '@material-ui/core/Typography';
import type { NamespaceMeshStatus } from '@kf-mesh/plugin-kf-mesh-common';
import { formatAge, formatUtc } from './formatAge';
import { StatusText } from '../StatusText';

/** Older than this, the analysis is shown as stale. */
const STALE_AFTER_MS = 10 * 60_000;

/**
 * When the status was computed, and which resource types were missing or
 * stale when it was.
 * @public
 */
export function DataFreshness(props: {
  status: Pick<NamespaceMeshStatus, 'analyzedAt' | 'incomplete'>;
}) {
  const { analyzedAt, incomplete } = props.status;
  const now = Date.now();
  const stale = now - Date.parse(analyzedAt) > STALE_AFTER_MS;
  const when = `Analyzed ${formatAge(analyzedAt, now)} (${formatUtc(
    analyzedAt,
  )})`;
  return (
    <Typography variant="body2" component="div">
      {stale ? (
        <StatusText kind="warning">{when}: may be out of date</StatusText>
      ) : (
        <StatusText kind="ok">{when}</StatusText>
      )}
      {incomplete.length > 0 && (
        <div>
          <StatusText kind="warning">
            Incomplete data:{' '}
            {incomplete.map(i => `${i.resource} ${i.state}`).join(', ')}.
            Verdicts that depend on them may be wrong.
          </StatusText>
        </div>
      )}
    </Typography>
  );
}
