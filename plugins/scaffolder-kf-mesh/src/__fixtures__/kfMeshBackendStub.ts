import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DiscoveryService } from '@backstage/backend-plugin-api';
import {
  evaluatePreflight,
  NamespaceDetailResponse,
  OnboardingPlanPreviewRequest,
  OnboardingPlanPreviewResponse,
} from '@kf-mesh/plugin-kf-mesh-common';

/** The GitOps target the stub answers with. */
export const STUB_GITOPS = {
  host: 'github.kf-mesh.test',
  owner: 'kubeflow-platform',
  repo: 'gitops',
  repoUrl: 'github.kf-mesh.test?owner=kubeflow-platform&repo=gitops',
  directory: 'clusters',
};

/**
 * A loopback HTTP server answering kf-mesh-backend's `POST /api/kf-mesh/entity-onboarding/plan`
 * from fixtures: `entities` maps an entity ref to its `cluster/namespace` targets, and the
 * preflight is the real `evaluatePreflight` over the fixture's detail (the plan itself is left out:
 * the real backend's preview is tested through the e2e harness). Records the Authorization headers.
 */
export async function startKfMeshBackendStub(
  namespaces: NamespaceDetailResponse[],
  options: {
    status?: number;
    entities?: Record<string, string[]>;
    gitops?: boolean;
  } = {},
) {
  const authorizations: string[] = [];
  const entities = options.entities ?? {
    'resource:default/team-a': ['prod/team-a'],
  };
  const server: Server = createServer((req, res) => {
    authorizations.push(req.headers.authorization ?? '');
    let raw = '';
    req.on('data', chunk => (raw += chunk));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const error = (status: number, name: string, message: string) =>
        send(status, { error: { name, message } });
      if (options.status) {
        error(options.status, 'Error', `stub ${options.status}`);
        return;
      }
      if (
        req.method !== 'POST' ||
        req.url !== '/api/kf-mesh/entity-onboarding/plan'
      ) {
        error(404, 'NotFoundError', 'no such route');
        return;
      }
      const body = JSON.parse(raw) as OnboardingPlanPreviewRequest;
      const targets = (entities[body.entityRef] ?? [])
        .map(t =>
          namespaces.find(
            d => `${d.status.cluster}/${d.status.namespace}` === t,
          ),
        )
        .filter((d): d is NamespaceDetailResponse => !!d)
        .filter(
          d =>
            (!body.cluster || d.status.cluster === body.cluster) &&
            (!body.namespace || d.status.namespace === body.namespace),
        );
      if (targets.length !== 1) {
        error(404, 'NotFoundError', `Entity ${body.entityRef} not found`);
        return;
      }
      const { cluster, namespace } = targets[0].status;
      const answer: OnboardingPlanPreviewResponse = {
        entityRef: body.entityRef,
        cluster,
        namespace,
        mode: body.mode,
        preflight: evaluatePreflight(targets[0], body.mode, body.contributors),
        gitops:
          options.gitops === false
            ? null
            : {
                ...STUB_GITOPS,
                namespacePath: `${STUB_GITOPS.directory}/${cluster}/${namespace}`,
              },
        planDigest: '0123456789abcdef',
      };
      send(200, answer);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/api/kf-mesh`;
  const discovery: DiscoveryService = {
    getBaseUrl: async pluginId => `http://127.0.0.1:${port}/api/${pluginId}`,
    getExternalBaseUrl: async pluginId =>
      `http://127.0.0.1:${port}/api/${pluginId}`,
  };
  return {
    baseUrl,
    discovery,
    authorizations,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
