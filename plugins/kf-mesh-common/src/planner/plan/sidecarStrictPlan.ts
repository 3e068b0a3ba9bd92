import type { OnboardingInput } from '../input/inputSchema';
import { labelRemovalAction } from './labelRemovalAction';
import { restartWorkloadsAction } from './restartWorkloadsAction';
import { ambientObjects } from '../objects/ambientObjects';
import { sidecarObjects, type SidecarObject } from '../objects/sidecarObjects';
import { sidecarControllerSettings } from './controllerSettings';
import { sidecarNamespaceLabels } from './namespaceLabels';
import { plannedObject, type PlannedObjectRationale } from './plannedObject';
import type {
  OnboardingPlan,
  PlanStep,
  PlanTransition,
  PlannedDeletion,
  PlannedObject,
  PostMergeAction,
} from './types';
import { sidecarWarnings } from './warnings';

function why(entry: SidecarObject): PlannedObjectRationale {
  switch (entry.role) {
    case 'peer-authentication':
      return {
        stepId: 'enforce-strict-mtls',
        reason:
          'Namespace-wide STRICT mTLS: sidecars accept only mutual-TLS traffic (mesh-semantics §A.2; kubeflow ships no PeerAuthentication, so the mesh default is PERMISSIVE)',
        ifSkipped:
          'The namespace stays PERMISSIVE: plaintext from off-mesh clients is accepted',
      };
    case 'owner':
      return {
        stepId: 'restore-sidecar-policies',
        reason:
          "The profile controller's owner policy (selector-less, enforced by each sidecar) with the sidecar ingress principal; kept identical to what the controller writes so the two never fight (mesh-semantics §A.0, §A.2)",
        ifSkipped:
          'After a rollback from ambient the owner cannot reach the namespace until the profile controller re-creates the policy',
      };
    case 'k8s-token':
      return {
        stepId: 'restore-sidecar-policies',
        reason:
          'Programmatic access with the default-editor Kubernetes token through the ingress gateway, enforced by the sidecars (mesh-semantics §A.1 step 5 without the waypoint)',
        ifSkipped: 'Requests authenticated with a Kubernetes token are denied',
      };
    case 'contributor':
      return {
        stepId: 'restore-sidecar-policies',
        reason: `KFAM contributor policy (bindings.go name and rule shape) for ${entry.object.metadata.annotations?.user}, restored so KFAM can manage it again (mesh-semantics §A.0)`,
        ifSkipped: 'The contributor loses access after a rollback from ambient',
      };
    default:
      throw new Error(`unknown sidecar object role ${String(entry.role)}`);
  }
}

function rollbackDeletions(
  input: OnboardingInput,
  transition: PlanTransition,
): PlannedDeletion[] {
  if (transition.from !== 'ambient' && transition.from !== 'unknown') return [];
  const kept = new Set(
    sidecarObjects(input).map(
      e => `${e.object.kind}/${e.object.metadata.name}`,
    ),
  );
  // delete exactly what the ambient plan of the same input creates (waypoint and its policies)
  return ambientObjects(input)
    .filter(e => !kept.has(`${e.object.kind}/${e.object.metadata.name}`))
    .map(e => ({
      apiVersion: e.object.apiVersion,
      kind: e.object.kind,
      namespace: input.namespace,
      name: e.object.metadata.name,
      reason:
        e.role === 'waypoint'
          ? 'Rollback: the waypoint is not used in sidecar mode; its pods and Service go with it'
          : 'Rollback: ambient policy attached to the waypoint (or its L4 allow); sidecars enforce the restored selector-less policies instead',
      ifPresent: transition.from === 'unknown',
    }));
}

function sidecarSteps(): PlanStep[] {
  return [
    {
      id: 'configure-controllers',
      title: 'Configure the Kubeflow controllers',
      description:
        'DRIVER_POD_LABELS/DRIVER_POD_ANNOTATIONS in pipeline-install-config, DISABLE_ISTIO_SIDECAR=false, ingress principal; restart the KFP API server (pitfall D.15).',
    },
    {
      id: 'restore-sidecar-policies',
      title: 'Ensure the sidecar-mode policies',
      description:
        'ns-owner-access-istio and contributor policies, selector-less (mesh-semantics §A.0).',
    },
    {
      id: 'label-namespace',
      title: 'Enable sidecar injection',
      description:
        'istio-injection=enabled, ambient labels neutralised (mesh-semantics §A.2).',
    },
    {
      id: 'enforce-strict-mtls',
      title: 'Enforce STRICT mTLS',
      description:
        'PeerAuthentication default STRICT; clients without sidecars fail from now on (pitfall D.16).',
    },
    {
      id: 'delete-ambient-objects',
      title: 'Delete the ambient objects',
      description:
        'Waypoint and the policies attached to it, when rolling back from ambient.',
    },
    {
      id: 'restart-workloads',
      title: 'Restart the workloads',
      description: 'Pods get sidecars only when re-created (pitfall D.1).',
    },
    {
      id: 'verify',
      title: 'Verify',
      description:
        'Every pod has istio-proxy in containers or initContainers (native sidecars, pitfall D.2); a KFP run succeeds (pitfall D.15).',
    },
  ];
}

function sidecarPostMerge(input: OnboardingInput): PostMergeAction[] {
  const ns = input.namespace;
  const kf = input.options.kubeflowNamespace;
  return [
    {
      id: 'restart-kfp-api-server',
      title: 'Restart the KFP API server',
      description:
        'DRIVER_POD_LABELS/DRIVER_POD_ANNOTATIONS are read and validated at API-server start only (pitfall D.15).',
      command: `kubectl -n ${kf} rollout restart deployment ml-pipeline`,
      restarts: [{ namespace: kf, kind: 'deployment', name: 'ml-pipeline' }],
    },
    restartWorkloadsAction(ns, {
      title: 'Restart every workload of the namespace',
      description:
        'Injection acts on pod CREATE only: existing pods have no sidecar and fail against STRICT services until restarted (pitfalls D.1, D.16).',
    }),
    {
      id: 'verify-pods',
      title: 'Verify sidecars',
      description:
        'Every pod has istio-proxy in spec.containers or spec.initContainers (ENABLE_NATIVE_SIDECARS, pitfall D.2).',
      command: `kubectl -n ${ns} get pods -o custom-columns=NAME:.metadata.name,CONTAINERS:.spec.containers[*].name,INIT:.spec.initContainers[*].name`,
      restarts: [],
    },
  ];
}

/** The plan for a namespace onto sidecar STRICT mTLS, incl. the rollback from ambient (docs/mesh-semantics.md#a2). */
export function sidecarStrictPlan(
  input: OnboardingInput,
  transition: PlanTransition,
): OnboardingPlan {
  // objects the profile controller / KFAM created exist unless the namespace was ambient
  const existedBefore =
    transition.from === 'none' || transition.from === 'sidecar';
  const objects: PlannedObject[] = sidecarObjects(input).map(entry =>
    plannedObject(
      entry.object,
      transition.from === 'sidecar-strict' ||
        (existedBefore &&
          entry.role !== 'peer-authentication' &&
          entry.role !== 'k8s-token')
        ? 'update'
        : 'create',
      why(entry),
    ),
  );
  const namespaceLabels = sidecarNamespaceLabels();
  return {
    input,
    transition,
    steps: sidecarSteps(),
    objects,
    namespaceLabels,
    deletions: rollbackDeletions(input, transition),
    controllerSettings: sidecarControllerSettings(input, transition),
    postMerge: [
      labelRemovalAction(input, namespaceLabels.remove),
      ...sidecarPostMerge(input),
    ],
    warnings: sidecarWarnings(input, transition, namespaceLabels.remove),
  };
}
