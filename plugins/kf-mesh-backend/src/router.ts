import type {
  HttpAuthService,
  LoggerService,
  PermissionsService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  EntityStatusResponse,
  isDns1123Label,
  OnboardingsResponse,
  WavesResponse,
} from '@kf-mesh/plugin-kf-mesh-common';
import {
  OnboardingService,
  parseOnboardingsQuery,
} from './onboarding/OnboardingService';
import express from 'express';
import Router from 'express-promise-router';
import { createMeshAccess } from './service/meshAccess';
import { createMeshQueries } from './service/meshQueries';
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
  onboardings?: Pick<
    OnboardingService,
    'forNamespace' | 'list' | 'waves' | 'wave'
  >;
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
  const access = createMeshAccess({ permissions, catalog });
  const queries = createMeshQueries({ access, meshStatus, onboardings });
  const { withOnboarding } = queries;
  const router = Router();

  router.get('/clusters', async (req, res) => {
    await access.requireFleetRead(await httpAuth.credentials(req));
    res.json(meshStatus.listClusters());
  });

  router.get('/entity-status', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    // Namespaces come from the entity only; refuse anything that looks like widening.
    assertOnlyQueryParameters(req.query, ['entityRef']);
    const body: EntityStatusResponse = await queries.entityStatus(
      credentials,
      req.query.entityRef,
      'query parameter entityRef',
    );
    res.json(body);
  });

  router.get('/namespaces', async (req, res) => {
    res.json(await queries.fleet(await httpAuth.credentials(req), req.query));
  });

  // Guarded by the fleet permission: the caller names the namespace, so only
  // fleet readers (platform team, scaffolder preflight as a service) may use it.
  router.get('/clusters/:cluster/namespaces/:namespace', async (req, res) => {
    await access.requireFleetRead(await httpAuth.credentials(req));
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
    await access.requireFleetRead(await httpAuth.credentials(req));
    const query = parseOnboardingsQuery(req.query);
    const body: OnboardingsResponse = onboardings
      ? onboardings.list(query)
      : { items: [], total: 0, sources: [] };
    res.json(body);
  });

  // Fleet migration waves (onboarding PRs grouped by their wave marker).
  router.get('/waves', async (req, res) => {
    await access.requireFleetRead(await httpAuth.credentials(req));
    assertOnlyQueryParameters(req.query, []);
    const body: WavesResponse = onboardings
      ? onboardings.waves()
      : { items: [], sources: [] };
    res.json(body);
  });

  router.get('/waves/:waveId', async (req, res) => {
    await access.requireFleetRead(await httpAuth.credentials(req));
    assertOnlyQueryParameters(req.query, []);
    if (!onboardings) {
      throw new NotFoundError(
        'No GitOps repository is configured (kfMesh.onboardings): there are no waves',
      );
    }
    res.json(onboardings.wave(req.params.waveId));
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
