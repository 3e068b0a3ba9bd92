import type { OnboardingInput } from '../input/inputSchema';
import { labelRemovalAction } from './labelRemovalAction';
import { restartWorkloadsAction } from './restartWorkloadsAction';
import { deleteSidecarEraPoliciesAction } from './deletionAction';
import { ambientObjects, type AmbientObject } from '../objects/ambientObjects';
import { API_VERSIONS } from '../objects/apiVersions';
import { kfamBindingName } from '../objects/kfamBindingName';
import { OBJECT_NAMES } from '../objects/names';
import { ambientControllerSettings } from './controllerSettings';
import { hasVisualizationServer } from './kfpVersion';
import { ambientNamespaceLabels } from './namespaceLabels';
import { plannedObject, type PlannedObjectRationale } from './plannedObject';
import type {
  OnboardingPlan,
  PlanStep,
  PlanTransition,
  PlannedDeletion,
  PlannedObject,
  PostMergeAction,
} from './types';
import { ambientWarnings } from './warnings';

function why(
  entry: AmbientObject,
  input: OnboardingInput,
): PlannedObjectRationale {
  const wp = input.options.waypointName;
  switch (entry.role) {
    case 'waypoint':
      return {
        stepId: 'create-waypoint',
        reason: `Per-namespace waypoint proxy that enforces the namespace's L7 policies; an AuthorizationPolicy targetRef only reaches a waypoint in its own namespace (mesh-semantics §A.1 step 2, pitfall D.14)`,
        ifSkipped:
          'Namespace traffic is sent to a waypoint that does not exist: Services report WaypointBound=False and requests fail; no L7 rule is enforced',
      };
    case 'waypoint-l4':
      return {
        stepId: 'allow-waypoint-l4',
        reason: `ztunnel at the destination sees the waypoint's identity (sa/${wp}) for proxied traffic; under Kubeflow's global allow-nothing it needs an explicit L4 allow, without the cluster-wide PILOT_AUTO_ALLOW_WAYPOINT_POLICY (mesh-semantics §A.1 step 3, pitfall D.6)`,
        ifSkipped:
          'Every request proxied by the waypoint is denied by ztunnel ("allow policies exist, but none allowed")',
      };
    case 'owner-l7':
      return {
        stepId: 'create-l7-policies',
        reason:
          'The four rules of ns-owner-access-istio (owner through the ingress gateway or KFP UI, same namespace, probe paths, notebook controller kernels) attached to the waypoint, with the ambient ingress principal (mesh-semantics §A.1 step 4, pitfalls D.4, D.11)',
        ifSkipped:
          'The owner cannot reach notebooks or services through the dashboard, probes and the notebook controller are denied',
      };
    case 'k8s-token-l7':
      return {
        stepId: 'create-l7-policies',
        reason:
          'Programmatic access from outside the cluster with the default-editor Kubernetes token, through the ambient ingress gateway (mesh-semantics §A.1 step 5)',
        ifSkipped:
          'Requests authenticated with a Kubernetes token are denied at the waypoint',
      };
    case 'visualization-l7':
      return {
        stepId: 'create-l7-policies',
        reason:
          'Replaces the selector-based ml-pipeline-visualizationserver policy (KFP <= 2.14): behind the waypoint the destination sees the waypoint identity, so the KFP API server principal must be checked on the Service at the waypoint (mesh-semantics §A.1 step 6, pitfall D.6)',
        ifSkipped:
          'KFP run visualizations fail: the API server cannot reach the visualization server',
      };
    case 'contributor-l7':
      return {
        stepId: 'create-l7-policies',
        reason: `Contributor access of KFAM policy ${entry.replaces} re-expressed on the waypoint: ztunnel drops the header rule of selector-less policies (pitfall D.4)`,
        ifSkipped: `The contributor (${entry.object.metadata.annotations?.user}) loses access to the namespace`,
      };
    default:
      throw new Error(`unknown ambient object role ${String(entry.role)}`);
  }
}

function ambientDeletions(
  input: OnboardingInput,
  transition: PlanTransition,
): PlannedDeletion[] {
  const ns = input.namespace;
  const ifPresent = transition.from === 'unknown';
  const ap = (
    name: string,
    reason: string,
    optional = false,
  ): PlannedDeletion => ({
    apiVersion: API_VERSIONS.authorizationPolicy,
    kind: 'AuthorizationPolicy',
    namespace: ns,
    name,
    reason,
    ifPresent: ifPresent || optional,
  });
  if (transition.from === 'ambient') return [];
  const deletions: PlannedDeletion[] = [
    ap(
      OBJECT_NAMES.ownerAccess,
      'Selector-less L7 policy: ztunnel drops its header and path rules but still enforces the L4 rest (ZtunnelAccepted/UnsupportedValue); replaced by ns-owner-access-istio-l7-allow (mesh-semantics §A.1 step 7, pitfall D.4)',
    ),
  ];
  if (hasVisualizationServer(input.options.kfpVersion)) {
    deletions.push(
      ap(
        OBJECT_NAMES.visualizationServer,
        'Selector-based policy allowing the KFP API server principal: behind the waypoint the source is the waypoint, so it stops matching; replaced by the targetRef policy on the Service (mesh-semantics §A.1 step 7, pitfall D.6)',
      ),
    );
  }
  for (const c of input.contributors) {
    deletions.push(
      ap(
        kfamBindingName(c.user, c.role),
        'KFAM contributor policy: selector-less L7 rule dropped by ztunnel; replaced by its -l7-allow version on the waypoint (mesh-semantics §A.1 step 7, pitfall D.4)',
      ),
    );
  }
  if (transition.from === 'sidecar-strict' || transition.from === 'unknown') {
    deletions.push({
      apiVersion: API_VERSIONS.peerAuthentication,
      kind: 'PeerAuthentication',
      namespace: ns,
      name: OBJECT_NAMES.peerAuthentication,
      reason:
        "The sidecar-STRICT plan's PeerAuthentication: ztunnel always uses HBONE mTLS between mesh workloads (mesh-semantics §B.4); STRICT would additionally reject plaintext from off-mesh callers such as kube-apiserver webhooks (pitfall D.16)",
      ifPresent: true,
    });
  }
  return deletions;
}

/**
 * The steps in the order of Istio's sidecar-to-ambient migration guide
 * (docs/mesh-semantics.md#a1-order): waypoint and its policies, then the labels (waypoint
 * activation, ambient enrollment), then injection removal, then the restarts, and only then
 * the deletion of the sidecar-era policies.
 */
function ambientSteps(input: OnboardingInput): PlanStep[] {
  const ns = input.namespace;
  const wp = input.options.waypointName;
  return [
    {
      id: 'check-prerequisites',
      title: 'Check cluster prerequisites',
      description:
        'Gateway API CRDs, Istio ambient (ztunnel, istio-cni), the ambient ingress gateway and the kubeflow-namespace ambient policies are in place; no DISABLE PeerAuthentication in the namespace (mesh-semantics §A.1, §B.4).',
    },
    {
      id: 'configure-controllers',
      title: 'Stop the Kubeflow controllers from reverting the change',
      description:
        'Apply the controller settings listed below (DISABLE_ISTIO_SIDECAR, profile-controller RBAC, ingress principal) before merging (pitfalls D.5, D.11).',
    },
    {
      id: 'create-waypoint',
      title: `Create waypoint ${wp}`,
      description: `Gateway ${ns}/${wp} (class istio-waypoint, HBONE 15008); wait for Programmed=True before any label points at it (istio.io migration guide, "Enable ambient mode" step 1).`,
      rollback: `kubectl -n ${ns} delete gateway ${wp} (nothing is routed to the waypoint before it is activated)`,
    },
    {
      id: 'allow-waypoint-l4',
      title: 'Allow the waypoint at L4',
      description:
        'Before any traffic goes through the waypoint, ztunnel must accept its identity (pitfall D.6).',
      rollback: 'Delete the L4 allow; it only admits the waypoint identity',
    },
    {
      id: 'create-l7-policies',
      title: 'Attach the L7 policies to the waypoint',
      description:
        'Owner, contributor, token and KFP policies with targetRefs; they take effect once traffic goes through the waypoint (istio.io migration guide, "Migrate policies"; pitfall D.4).',
      rollback:
        'Delete the targetRef policies; sidecars ignore policies attached to a Gateway',
    },
    {
      id: 'activate-waypoint',
      title: 'Activate the waypoint',
      description: `Label the namespace istio.io/use-waypoint=${wp} and istio.io/ingress-use-waypoint=true (migration guide step 1; pitfall D.10).`,
      rollback: `kubectl label namespace ${ns} istio.io/use-waypoint- istio.io/ingress-use-waypoint- (traffic stops going through the waypoint)`,
    },
    {
      id: 'enable-ambient',
      title: 'Enroll the namespace in ambient',
      description:
        'Label the namespace istio.io/dataplane-mode=ambient; pods keep their sidecars, which take precedence over ztunnel, until restarted (migration guide step 2).',
      rollback: `kubectl label namespace ${ns} istio.io/dataplane-mode- (pods that still run sidecars are unaffected)`,
    },
    {
      id: 'remove-injection',
      title: 'Remove sidecar injection',
      description:
        'istio-injection=disabled (not merely removed, pitfall D.3) and istio.io/rev removed after merge (migration guide step 3).',
      rollback: `kubectl label namespace ${ns} istio-injection=enabled --overwrite (or restore the istio.io/rev label the namespace had)`,
    },
    {
      id: 'restart-workloads',
      title: 'Restart the workloads',
      description:
        'Re-created pods come up without sidecars, in ztunnel and behind the waypoint (migration guide step 4; pitfall D.1).',
      rollback: `With injection re-enabled and the ambient labels removed, restart again: kubectl -n ${ns} rollout restart deployment,statefulset brings the sidecars back`,
    },
    {
      id: 'delete-sidecar-era-policies',
      title: 'Delete the sidecar-era policies',
      description:
        'Right after the restarts, not before: until then the sidecars still enforce these policies, afterwards ztunnel would enforce their L4 remainder, which drops their HTTP rules and denies the owner and contributors (pitfall D.4).',
      rollback: `Re-apply the policies from the backup taken before the migration (kubectl -n ${ns} get authorizationpolicies,peerauthentications -o yaml); the profile controller re-creates ns-owner-access-istio once its RBAC is restored`,
    },
    {
      id: 'verify',
      title: 'Verify',
      description:
        'Pods annotated ambient.istio.io/redirection=enabled and without istio-proxy (containers or initContainers, pitfall D.2); waypoint Programmed; owner reaches the namespace through the dashboard.',
    },
  ];
}

function ambientPostMerge(
  input: OnboardingInput,
  removedLabels: string[],
  deletions: PlannedDeletion[],
): PostMergeAction[] {
  const ns = input.namespace;
  const deleteOld = deleteSidecarEraPoliciesAction(ns, deletions);
  const kfpDeployments = ['ml-pipeline-ui-artifact'];
  if (hasVisualizationServer(input.options.kfpVersion)) {
    kfpDeployments.push('ml-pipeline-visualizationserver');
  }
  return [
    {
      id: 'wait-waypoint',
      title: 'Wait for the waypoint',
      description:
        'The waypoint Gateway must be Programmed before traffic is routed to it (mesh-semantics §B.3).',
      command: `kubectl -n ${ns} wait --for=condition=Programmed gateway/${input.options.waypointName} --timeout=120s`,
      restarts: [],
    },
    // istio.io/rev still selects an injector (pitfall D.3): removing it is part of injection removal
    labelRemovalAction(input, removedLabels),
    {
      id: 'restart-kfp',
      title: 'Restart the KFP per-namespace Deployments',
      description:
        'After the KFP profile controller applied DISABLE_ISTIO_SIDECAR=true, re-create its pods so they come up without sidecars; each must have one container (mesh-semantics §A.1 step 8, pitfall D.1).',
      command: `kubectl -n ${ns} rollout restart deployment ${kfpDeployments.join(
        ' ',
      )}`,
      restarts: kfpDeployments.map(name => ({
        namespace: ns,
        kind: 'deployment',
        name,
      })),
    },
    restartWorkloadsAction(ns, {
      title: 'Restart every other workload',
      description:
        'Injection acts on pod CREATE only: notebooks (StatefulSets), InferenceServices and other Deployments keep their sidecars until restarted (pitfall D.1). Pipeline pods of finished runs need nothing.',
    }),
    ...(deleteOld ? [deleteOld] : []),
    {
      id: 'verify-pods',
      title: 'Verify pod enrollment',
      description:
        'Every pod has ambient.istio.io/redirection=enabled and no istio-proxy in containers or initContainers (native sidecars, pitfall D.2); cross-check with istioctl ztunnel-config workload (pitfall D.12).',
      command: `kubectl -n ${ns} get pods -o custom-columns=NAME:.metadata.name,REDIRECTION:.metadata.annotations.ambient\\.istio\\.io/redirection`,
      restarts: [],
    },
  ];
}

/** The plan for a namespace onto ambient (docs/mesh-semantics.md#a1). */
export function ambientPlan(
  input: OnboardingInput,
  transition: PlanTransition,
): OnboardingPlan {
  const existing = transition.from === 'ambient';
  const objects: PlannedObject[] = ambientObjects(input).map(entry =>
    plannedObject(
      entry.object,
      existing ? 'update' : 'create',
      why(entry, input),
    ),
  );
  const namespaceLabels = ambientNamespaceLabels(input);
  const deletions = ambientDeletions(input, transition);
  return {
    input,
    transition,
    steps: ambientSteps(input),
    objects,
    namespaceLabels,
    deletions,
    controllerSettings: ambientControllerSettings(input),
    postMerge: ambientPostMerge(input, namespaceLabels.remove, deletions),
    warnings: ambientWarnings(input, transition, namespaceLabels.remove),
  };
}
