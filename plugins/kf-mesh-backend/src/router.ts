import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  EntityStatusResponse,
  isDns1123Label,
  kfMeshEntityStatusReadPermission,
  kfMeshFleetReadPermission,
  NamespaceMeshStatus,
  OnboardingsResponse,
} from '@kf-mesh/plugin-kf-mesh-common';
import {
  OnboardingService,
  parseOnboardingsQuery,
} from './onboarding/OnboardingService';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { namespaceTargetsFromEntity } from './service/entityNamespaces';
import { parseFleetQuery } from './service/fleetQuery';
import { assertOnlyQueryParameters, isPrintableName } from './queryParameters';
import type { MeshStatusService } from './service/MeshStatusService';

/** Dependencies of {@link createRouter}. */
export interface RouterOptions {
  config: RootConfigService;
  logger: LoggerService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  meshStatus: Pick<
    MeshStatusService,
    'listClusters' | 'statusForTargets' | 'fleet' | 'namespaceDetail'
  >;
  /** The onboarding lifecycle; absent when `kfMesh.onboardings` is not configured. */
  onboardings?: Pick<OnboardingService, 'forNamespace' | 'list'>;
}

/** Backstage's entity name rules (the catalog's default validators). */
const entityValidator = makeValidator();

const ENTITY_REF_RULE =
  'must be an entity reference like component:default/name (kind, namespace and name by the catalog rules)';

/** `entityRef` parsed and checked against the catalog's rules, or an InputError naming it. */
function parseEntityRefParameter(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 512) {
    throw new InputError(
      `Invalid query parameter entityRef: ${ENTITY_REF_RULE}`,
    );
  }
  let ref;
  try {
    ref = parseEntityRef(raw);
  } catch {
    throw new InputError(
      `Invalid query parameter entityRef: ${ENTITY_REF_RULE}`,
    );
  }
  if (
    !entityValidator.isValidKind(ref.kind) ||
    !entityValidator.isValidNamespace(ref.namespace) ||
    !entityValidator.isValidEntityName(ref.name)
  ) {
    throw new InputError(
      `Invalid query parameter entityRef: ${ENTITY_REF_RULE}`,
    );
  }
  return stringifyEntityRef(ref);
}

/**
 * Routes of the kf-mesh backend. Every route requires Backstage credentials
 * (no auth policy is relaxed) and a permission; there is no proxy and no
 * route accepts a URL or API path.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { config, logger, httpAuth, permissions, catalog, meshStatus } =
    options;
  const { onboardings } = options;
  const router = Router();

  // The lifecycle of a namespace follows the permission of the route that
  // returns the namespace (entity permission or fleet permission).
  const withOnboarding = (
    status: NamespaceMeshStatus,
  ): NamespaceMeshStatus => ({
    ...status,
    onboarding: onboardings
      ? onboardings.forNamespace(status.cluster, status.namespace)
      : { state: 'disabled' },
  });

  async function requireBasic(req: Request, permission: BasicPermission) {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
    return credentials;
  }

  router.get('/clusters', async (req, res) => {
    await requireBasic(req, kfMeshFleetReadPermission);
    res.json(meshStatus.listClusters());
  });

  router.get('/entity-status', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    // Namespaces come from the entity only; refuse anything that looks like widening.
    assertOnlyQueryParameters(req.query, ['entityRef']);
    const entityRef = parseEntityRefParameter(req.query.entityRef);
    // Resource permission on the catalog entity. The permission backend resolves
    // CONDITIONAL policies (e.g. isEntityOwner) with the catalog; anything that
    // is not ALLOW is a deny here.
    const [decision] = await permissions.authorize(
      [
        {
          permission: kfMeshEntityStatusReadPermission,
          resourceRef: entityRef,
        },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${kfMeshEntityStatusReadPermission.name}`,
      );
    }
    // Loaded on behalf of the caller: an entity they cannot see is "not found".
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) throw new NotFoundError(`Entity ${entityRef} not found`);
    const result = meshStatus.statusForTargets(
      namespaceTargetsFromEntity(entity),
    );
    const body: EntityStatusResponse = {
      entityRef,
      namespaces: result.namespaces.map(withOnboarding),
      problems: result.problems,
    };
    res.json(body);
  });

  router.get('/namespaces', async (req, res) => {
    await requireBasic(req, kfMeshFleetReadPermission);
    res.json(meshStatus.fleet(parseFleetQuery(req.query)));
  });

  // Guarded by the fleet permission: the caller names the namespace, so only
  // fleet readers (platform team, scaffolder preflight as a service) may use it.
  router.get('/clusters/:cluster/namespaces/:namespace', async (req, res) => {
    await requireBasic(req, kfMeshFleetReadPermission);
    assertOnlyQueryParameters(req.query, []);
    const { cluster, namespace } = req.params;
    if (!isDns1123Label(namespace)) {
      throw new InputError(
        'Invalid path parameter namespace: must be a DNS-1123 label',
      );
    }
    if (cluster.length > 253)
      throw new InputError('Invalid path parameter cluster: too long');
    // the 404 names the cluster: never with control or bidi characters in it
    if (!isPrintableName(cluster)) {
      throw new InputError(
        'Invalid path parameter cluster: must be a configured cluster name (printable characters only)',
      );
    }
    const detail = meshStatus.namespaceDetail(cluster, namespace);
    res.json({ ...detail, status: withOnboarding(detail.status) });
  });

  // The platform team's queue of onboarding PRs.
  router.get('/onboardings', async (req, res) => {
    await requireBasic(req, kfMeshFleetReadPermission);
    const query = parseOnboardingsQuery(req.query);
    const body: OnboardingsResponse = onboardings
      ? onboardings.list(query)
      : { items: [], total: 0, sources: [] };
    res.json(body);
  });

  // Backstage's error bodies, never with a stack trace (the root handler adds one, with absolute
  // file paths, whenever NODE_ENV is development).
  router.use(
    MiddlewareFactory.create({ config, logger }).error({
      showStackTraces: false,
    }),
  );

  return router;
}
