import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  EntityStatusResponse,
  FleetResponse,
  NamespaceMeshStatus,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { OnboardingService } from '../onboarding/OnboardingService';
import { namespaceTargetsFromEntity } from './entityNamespaces';
import { parseFleetQuery } from './fleetQuery';
import type { MeshAccess } from './meshAccess';
import type { MeshStatusService } from './MeshStatusService';

/**
 * The reads that both the REST routes and the Actions Registry actions serve,
 * each behind its permission, so a route and its action answer the same data
 * (or the same refusal) for the same caller.
 */
export interface MeshQueries {
  /** `GET /entity-status`: the namespaces an entity maps to. */
  entityStatus(
    credentials: BackstageCredentials,
    rawEntityRef: unknown,
    field: string,
  ): Promise<EntityStatusResponse>;
  /** `GET /namespaces`: one page of the fleet (query as in the route). */
  fleet(
    credentials: BackstageCredentials,
    query: Record<string, unknown>,
  ): Promise<FleetResponse>;
  /** Adds the onboarding lifecycle to a namespace status. */
  withOnboarding(status: NamespaceMeshStatus): NamespaceMeshStatus;
}

/** {@link MeshQueries} over the status service and the onboarding lifecycle. */
export function createMeshQueries(deps: {
  access: MeshAccess;
  meshStatus: Pick<MeshStatusService, 'statusForTargets' | 'fleet'>;
  onboardings?: Pick<OnboardingService, 'forNamespace'>;
}): MeshQueries {
  const { access, meshStatus, onboardings } = deps;
  // The lifecycle of a namespace follows the permission of the read that
  // returns the namespace (entity permission or fleet permission).
  const withOnboarding = (
    status: NamespaceMeshStatus,
  ): NamespaceMeshStatus => ({
    ...status,
    onboarding: onboardings
      ? onboardings.forNamespace(status.cluster, status.namespace)
      : { state: 'disabled' },
  });
  return {
    withOnboarding,
    async entityStatus(credentials, rawEntityRef, field) {
      const { entityRef, entity } = await access.entityForStatus(
        credentials,
        rawEntityRef,
        field,
      );
      const result = meshStatus.statusForTargets(
        namespaceTargetsFromEntity(entity),
      );
      return {
        entityRef,
        namespaces: result.namespaces.map(withOnboarding),
        problems: result.problems,
      };
    },
    async fleet(credentials, query) {
      await access.requireFleetRead(credentials);
      return meshStatus.fleet(parseFleetQuery(query));
    },
  };
}
