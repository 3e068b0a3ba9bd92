import Typography from '@material-ui/core/Typography';
import type {
  NamespaceReadiness,
  ReadinessState,
} from '@kf-mesh/plugin-kf-mesh-common';
import { StatusText, type StatusKind } from '../StatusText';

/**
 * Label of each readiness state (the fleet filter's options).
 * @public
 */
export const readinessLabels: Record<ReadinessState, string> = {
  ready: 'Ready',
  'needs-restarts': 'Needs restarts',
  blocked: 'Blocked',
};

const kinds: Record<ReadinessState, StatusKind> = {
  ready: 'ok',
  'needs-restarts': 'warning',
  blocked: 'error',
};

/** The blockers of a readiness in one line each: `KFM101: message`. */
export function blockerLines(readiness: NamespaceReadiness): string[] {
  return readiness.blockers.map(b =>
    b.code ? `${b.code}: ${b.message}` : b.message,
  );
}

/**
 * A namespace's readiness for the target mode: "Ready", "Needs restarts (N pods)" or "Blocked" with why.
 * @public
 */
export function ReadinessStatus(props: { readiness?: NamespaceReadiness }) {
  const { readiness } = props;
  if (!readiness) return <StatusText kind="pending">Unknown</StatusText>;
  const label =
    readiness.state === 'needs-restarts'
      ? `Needs restarts (${readiness.podsToRestart} pod${
          readiness.podsToRestart === 1 ? '' : 's'
        })`
      : readinessLabels[readiness.state];
  return (
    <>
      <StatusText kind={kinds[readiness.state]}>{label}</StatusText>
      {readiness.state === 'blocked' &&
        blockerLines(readiness).map(line => (
          <Typography
            key={line}
            variant="caption"
            color="textSecondary"
            component="div"
          >
            {line}
          </Typography>
        ))}
      {readiness.changes.alreadyInTargetMode && (
        <Typography variant="caption" color="textSecondary" component="div">
          already in this mode
        </Typography>
      )}
    </>
  );
}
