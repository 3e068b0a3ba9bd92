import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError, NotFoundError } from '@backstage/errors';
import { currentModeOfStatus } from '@kf-mesh/plugin-kf-mesh-common';
import type { MeshAccess } from '../service/meshAccess';
import type { MeshQueries } from '../service/meshQueries';
import type { MeshStatusService } from '../service/MeshStatusService';
import { planForNamespace } from '../service/namespacePlan';

/**
 * Registers kf-mesh's actions with the Actions Registry (and so with
 * `@backstage/plugin-mcp-actions-backend` for AI agents). Each action runs
 * with the caller's credentials behind the same permission as its REST route,
 * and answers the same data or the same refusal.
 */
export function registerMeshActions(deps: {
  actionsRegistry: ActionsRegistryService;
  access: MeshAccess;
  queries: MeshQueries;
  meshStatus: Pick<MeshStatusService, 'namespaceState'>;
}): void {
  const { actionsRegistry, access, queries, meshStatus } = deps;

  actionsRegistry.register({
    name: 'get-namespace-status',
    title: 'Mesh status of a catalog entity',
    description:
      'Live Istio mesh status of the Kubeflow profile namespaces a catalog entity maps to (through its backstage.io/kubernetes-namespace or kubeflow.org/profile annotation): dataplane verdict (ambient, sidecar, migrating, none, conflict) and what each pod really runs, waypoint readiness, effective mTLS, which layer enforces each AuthorizationPolicy and the rules it silently drops, findings with KFM codes and their fixes, drift from the onboarding plan, and the onboarding pull request lifecycle. Same data as GET /api/kf-mesh/entity-status; needs kf-mesh.entity.status.read on the entity.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe(
              'Entity reference of the profile, e.g. resource:default/alice-rossi or component:default/my-service',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          namespaces: z
            .array(z.any())
            .describe('NamespaceMeshStatus of each namespace'),
          problems: z
            .array(z.any())
            .describe('namespaces that could not be answered, and why'),
        }),
    },
    action: async ({ input, credentials }) => ({
      output: await queries.entityStatus(
        credentials,
        input.entityRef,
        'input entityRef',
      ),
    }),
  });

  actionsRegistry.register({
    name: 'list-fleet',
    title: 'Mesh status of the fleet',
    description:
      'One page of every profile namespace of every configured cluster with its mesh verdict, worst finding severity and counts; filter by cluster, verdict (mode) or severity to answer questions such as "which profiles would break under ambient?" (severity=error) or "which namespaces are still migrating?". Same data as GET /api/kf-mesh/namespaces; needs kf-mesh.fleet.read.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          cluster: z.string().optional().describe('only this cluster'),
          mode: z
            .enum(['ambient', 'sidecar', 'migrating', 'none', 'conflict'])
            .optional()
            .describe('only namespaces with this dataplane verdict'),
          severity: z
            .enum(['error', 'warning', 'info'])
            .optional()
            .describe('only namespaces whose worst finding has this severity'),
          q: z.string().optional().describe('namespace name contains'),
          limit: z
            .number()
            .int()
            .min(1)
            .optional()
            .describe('page size (the route default when absent)'),
          cursor: z
            .string()
            .optional()
            .describe('nextCursor of the previous page'),
        }),
      output: z =>
        z.object({
          items: z.array(z.any()).describe('NamespaceMeshSummary rows'),
          total: z.number().describe('namespaces matching the filters'),
          nextCursor: z
            .string()
            .optional()
            .describe('cursor of the next page; absent on the last page'),
          problems: z
            .array(z.any())
            .describe('clusters that could not be answered, and why'),
        }),
    },
    action: async ({ input, credentials }) => {
      // The route's own query parser, so both accept and refuse the same input.
      const query: Record<string, string> = {};
      for (const [key, value] of Object.entries(input)) {
        if (value !== undefined) query[key] = String(value);
      }
      return { output: await queries.fleet(credentials, query) };
    },
  });

  actionsRegistry.register({
    name: 'plan-onboarding',
    title: 'Preview the onboarding plan of a namespace',
    description:
      'A preview of what the kf-mesh onboarding template would change to move one namespace to Istio ambient mode (with a waypoint) or to sidecar STRICT mTLS: the transition, every planned object, namespace label changes, deletions, controller settings, post-merge restarts and warnings. Writes nothing and opens no pull request. Needs kf-mesh.fleet.read (like GET /api/kf-mesh/clusters/:cluster/namespaces/:namespace).',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          cluster: z.string().describe('configured cluster name'),
          namespace: z.string().describe('the profile namespace'),
          targetMode: z
            .enum(['ambient', 'sidecar-strict'])
            .describe('the mesh mode to onboard onto'),
        }),
      output: z =>
        z.object({
          cluster: z.string(),
          namespace: z.string(),
          plan: z
            .any()
            .describe(
              'OnboardingPlan: input, transition, steps, objects, namespaceLabels, deletions, controllerSettings, postMerge, warnings',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      await access.requireFleetRead(credentials);
      const state = meshStatus.namespaceState(input.cluster, input.namespace);
      if ('problem' in state) {
        throw new NotFoundError(
          `Cannot plan ${input.cluster}/${input.namespace}: ${state.problem}`,
        );
      }
      const plan = planForNamespace(
        state.snapshot,
        input.targetMode,
        state.kfpVersion,
        currentModeOfStatus(state.status),
      );
      if (!plan) {
        throw new InputError(
          `Cannot plan ${input.cluster}/${input.namespace}: the namespace has no owner (Kubeflow Profile or owner annotation) or the planner refused the derived input`,
        );
      }
      return {
        output: {
          cluster: input.cluster,
          namespace: input.namespace,
          plan,
        },
      };
    },
  });
}
