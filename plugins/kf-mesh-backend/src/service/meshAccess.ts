import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  kfMeshEntityStatusReadPermission,
  kfMeshFleetReadPermission,
} from '@kf-mesh/plugin-kf-mesh-common';

/**
 * The permission checks of kf-mesh, shared by the REST routes and the
 * Actions Registry actions so both refuse the same callers the same way.
 */
export interface MeshAccess {
  /** Throws NotAllowedError unless the caller has `kf-mesh.fleet.read`. */
  requireFleetRead(credentials: BackstageCredentials): Promise<void>;
  /**
   * The entity whose namespaces the caller may read: `kf-mesh.entity.status.read`
   * on the entity (the permission backend resolves conditional policies), then
   * loaded from the catalog on the caller's behalf. An entity they may not read
   * or cannot see is "not found" (NotFoundError, the same message as a missing
   * one). `field` names the input in the error messages.
   */
  entityForStatus(
    credentials: BackstageCredentials,
    rawEntityRef: unknown,
    field: string,
  ): Promise<{ entityRef: string; entity: Entity }>;
}

/** Backstage's entity name rules (the catalog's default validators). */
const entityValidator = makeValidator();

const ENTITY_REF_RULE =
  'must be an entity reference like component:default/name (kind, namespace and name by the catalog rules)';

/**
 * `raw` parsed and checked against the catalog's name rules (so a NUL, a newline or an emoji
 * is refused here instead of reaching the catalog), or an InputError naming `field`.
 */
function parseEntityRefInput(raw: unknown, field: string): string {
  const invalid = () => new InputError(`Invalid ${field}: ${ENTITY_REF_RULE}`);
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 512) {
    throw invalid();
  }
  let ref;
  try {
    ref = parseEntityRef(raw);
  } catch {
    throw invalid();
  }
  if (
    !entityValidator.isValidKind(ref.kind) ||
    !entityValidator.isValidNamespace(ref.namespace) ||
    !entityValidator.isValidEntityName(ref.name)
  ) {
    throw invalid();
  }
  return stringifyEntityRef(ref);
}

/** {@link MeshAccess} over the permission and catalog services. */
export function createMeshAccess(deps: {
  permissions: PermissionsService;
  catalog: CatalogService;
}): MeshAccess {
  const { permissions, catalog } = deps;
  return {
    async requireFleetRead(credentials) {
      const [decision] = await permissions.authorize(
        [{ permission: kfMeshFleetReadPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Missing permission ${kfMeshFleetReadPermission.name}`,
        );
      }
    },

    async entityForStatus(credentials, raw, field) {
      const entityRef = parseEntityRefInput(raw, field);
      // Anything that is not ALLOW (DENY, or a CONDITIONAL the permission
      // backend did not resolve) is a deny here.
      const [decision] = await permissions.authorize(
        [
          {
            permission: kfMeshEntityStatusReadPermission,
            resourceRef: entityRef,
          },
        ],
        { credentials },
      );
      // Not allowed answers exactly like not found: a caller learns nothing about entities they
      // may not read (not even that they exist).
      const notFound = () => new NotFoundError(`Entity ${entityRef} not found`);
      if (decision.result !== AuthorizeResult.ALLOW) throw notFound();
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity) throw notFound();
      return { entityRef, entity };
    },
  };
}
