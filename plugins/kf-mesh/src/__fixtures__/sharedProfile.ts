import {
  kfamBindingName,
  type NamespaceMeshStatus,
} from '@kf-mesh/plugin-kf-mesh-common';
import { MockKfMeshApi } from './MockKfMeshApi';
import { allowPolicy, sidecarStatus } from './namespaceStatuses';

/** The profile entity of {@link sharedSidecarStatus}. */
export const sharedProfileRef = 'resource:default/prod-us--kubeflow-carol';

/** Its one KFAM contributor (KFAM names the policy after the sanitised user, see kfamBindingName). */
export const kfamContributor = {
  user: 'dan-example-com',
  role: 'edit' as const,
};

/** carol's sidecar namespace, PERMISSIVE, shared with {@link kfamContributor} through KFAM. */
export const sharedSidecarStatus: NamespaceMeshStatus = {
  ...sidecarStatus,
  mtls: { ...sidecarStatus.mtls, mode: 'PERMISSIVE' },
  policies: [
    ...sidecarStatus.policies,
    allowPolicy(
      'kubeflow-carol',
      kfamBindingName(kfamContributor.user, kfamContributor.role),
      {
        attachment: 'namespace',
        layers: ['sidecar'],
        note: 'enforced by each sidecar',
      },
    ),
  ],
};

/** A fixture API knowing {@link sharedProfileRef} (and the `more` entities), with an empty fleet. */
export function sharedProfileApi(
  more: Record<string, NamespaceMeshStatus[]> = {},
): MockKfMeshApi {
  return new MockKfMeshApi({
    statusesByEntityRef: { [sharedProfileRef]: [sharedSidecarStatus], ...more },
    fleet: [],
  });
}
