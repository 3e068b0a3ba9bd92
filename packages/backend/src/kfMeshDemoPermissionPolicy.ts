import {
  coreServices,
  createBackendModule,
  type UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  kfMeshEntityStatusReadPermission,
  kfMeshFleetReadPermission,
} from '@kf-mesh/plugin-kf-mesh-common';

/**
 * The permissions a real organisation would give kf-mesh's users, as the demo shows them:
 * - members of the platform team (`kfMeshDemo.platformGroup`) read the whole fleet (`kf-mesh.fleet.read`)
 *   and every profile's mesh status;
 * - everyone else reads (and so onboards: the template's preview and preflight use the same permission)
 *   only the profiles they own: `kf-mesh.entity.status.read` is conditional on the catalog's `isEntityOwner`;
 * - everything else (catalog, scaffolder) is allowed, as in the demo before.
 * Service-to-service calls carry no user and are allowed (Backstage's server permission client does the same).
 */
export class KfMeshDemoPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly deps: { platformGroup: string; userInfo: UserInfoService },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const isKfMesh =
      isPermission(request.permission, kfMeshFleetReadPermission) ||
      isPermission(request.permission, kfMeshEntityStatusReadPermission);
    if (!isKfMesh || !user) return { result: AuthorizeResult.ALLOW };
    const { ownershipEntityRefs } = await this.deps.userInfo.getUserInfo(
      user.credentials,
    );
    if (ownershipEntityRefs.includes(this.deps.platformGroup)) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (isPermission(request.permission, kfMeshEntityStatusReadPermission)) {
      return createCatalogConditionalDecision(
        kfMeshEntityStatusReadPermission,
        catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
      );
    }
    return { result: AuthorizeResult.DENY };
  }
}

/** Installs {@link KfMeshDemoPermissionPolicy} as the permission backend's policy. */
export const kfMeshDemoPermissionPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'kf-mesh-demo-policy',
  register(env) {
    env.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, config, userInfo }) {
        policy.setPolicy(
          new KfMeshDemoPermissionPolicy({
            platformGroup:
              config.getOptionalString('kfMeshDemo.platformGroup') ??
              'group:default/kubeflow-platform',
            userInfo,
          }),
        );
      },
    });
  },
});
