import { WarningPanel } from '@backstage/core-components';
import {
  configApiRef,
  identityApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { kfMeshFleetReadPermission } from '@kf-mesh/plugin-kf-mesh-common';
import useAsync from 'react-use/esm/useAsync';

/** Config key naming the team that grants kf-mesh permissions (an entity ref). */
export const PLATFORM_TEAM_CONFIG_KEY = 'kfMesh.platformTeam';

/**
 * Why a signed-in user cannot see the fleet page or the approvals queue: which
 * permission is missing, who grants it (the `kfMesh.platformTeam` entity when
 * configured), and where the user's own profiles still are.
 * @public
 */
export function FleetAccessDenied(props: {
  /** What the user tried to open, e.g. "The fleet page". */
  what?: string;
}) {
  const identityApi = useApi(identityApiRef);
  const configApi = useApi(configApiRef);
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const platformTeam = configApi.getOptionalString(PLATFORM_TEAM_CONFIG_KEY);
  const permission = kfMeshFleetReadPermission.name;
  return (
    <WarningPanel
      severity="info"
      title="You do not have access to the mesh fleet"
      defaultExpanded
    >
      <Typography variant="body2" paragraph>
        {props.what ?? 'The fleet page'} needs the <code>{permission}</code>{' '}
        permission. The fleet shows every profile namespace on every cluster and
        every team's onboarding pull requests, so the permission policy grants
        it to the platform team
        {identity.value ? (
          <>
            , and you are signed in as{' '}
            <code>{identity.value.userEntityRef}</code>
          </>
        ) : null}
        .
      </Typography>
      <Typography variant="body2" paragraph>
        To get it, ask{' '}
        {platformTeam ? (
          <>
            the platform team (
            <EntityRefLink entityRef={platformTeam} />)
          </>
        ) : (
          'your platform team'
        )}{' '}
        to grant you <code>{permission}</code>.
      </Typography>
      <Typography variant="body2">
        You do not need it for your own profiles: open a profile you own in the
        catalog and its Mesh tab shows its mesh status and lets you move it to
        ambient or sidecar STRICT.
      </Typography>
    </WarningPanel>
  );
}
