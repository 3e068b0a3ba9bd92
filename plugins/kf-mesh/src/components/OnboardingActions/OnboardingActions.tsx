import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import {
  currentModeOfStatus,
  kfMeshEntityStatusReadPermission,
  type NamespaceMeshStatus,
} from '@kf-mesh/plugin-kf-mesh-common';
import { OnboardingButton } from '../OnboardingButton';
import { onboardingActionsFor } from './onboardingActionsFor';

/**
 * The Mesh tab's entry points into the onboarding template ("Move to ambient",
 * "Move to sidecar STRICT", "Roll back to sidecar STRICT" for an ambient
 * namespace), each opening it prefilled with the profile, its namespace and
 * the mode. Hidden while the permission is checked and when the signed-in
 * user may not onboard the profile (`kf-mesh.entity.status.read` on the
 * entity, the permission the backend's onboarding routes check).
 * @public
 */
export function OnboardingActions(props: {
  status: Pick<
    NamespaceMeshStatus,
    'cluster' | 'namespace' | 'dataplane' | 'mtls'
  >;
  /** The profile entity the namespace belongs to. */
  entityRef: string;
}) {
  const { status, entityRef } = props;
  const { allowed } = usePermission({
    permission: kfMeshEntityStatusReadPermission,
    resourceRef: entityRef,
  });
  if (!allowed) return null;
  const actions = onboardingActionsFor(currentModeOfStatus(status));
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 8 }}
      mt={1}
      role="group"
      aria-label={`Onboarding of ${status.namespace}`}
    >
      {actions.map(action => (
        <OnboardingButton
          key={action.mode}
          label={action.label}
          target={{
            profile: entityRef,
            cluster: status.cluster,
            namespace: status.namespace,
            mode: action.mode,
          }}
        />
      ))}
    </Box>
  );
}
