import { ErrorPanel, WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { KfMeshApiError } from '../../api';

/**
 * Shows a failed kf-mesh call: a permission or sign-in problem as an
 * explanation of what to ask for, anything else as an error with details.
 * @public
 */
export function KfMeshErrorPanel(props: { error: Error; title?: string }) {
  const { error } = props;
  if (
    error instanceof KfMeshApiError &&
    (error.reason === 'permission-denied' || error.reason === 'unauthenticated')
  ) {
    return (
      <WarningPanel
        severity="info"
        title={
          error.reason === 'permission-denied'
            ? 'Permission denied'
            : 'Sign-in required'
        }
        defaultExpanded
      >
        <Typography variant="body2">{error.message}</Typography>
      </WarningPanel>
    );
  }
  return (
    <ErrorPanel
      error={error}
      title={props.title ?? 'Could not load mesh status'}
      defaultExpanded
    />
  );
}
