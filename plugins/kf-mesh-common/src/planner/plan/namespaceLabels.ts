import type { OnboardingInput } from '../input/inputSchema';
import { MESH_LABELS } from '../../mesh/labels';
import type { NamespaceLabelChanges } from './types';

const REVISION_REMOVAL =
  'istio.io/rev also selects the sidecar injector (mesh-semantics §B.1, pitfall D.3) and has no neutral value, so it must be removed';

/** Labels of an ambient namespace (docs/mesh-semantics.md#a1-step-1). */
export function ambientNamespaceLabels(
  input: OnboardingInput,
): NamespaceLabelChanges {
  return {
    set: {
      [MESH_LABELS.injection]: 'disabled',
      [MESH_LABELS.dataplaneMode]: 'ambient',
      [MESH_LABELS.ingressUseWaypoint]: 'true',
      [MESH_LABELS.useWaypoint]: input.options.waypointName,
    },
    remove: [MESH_LABELS.revision, MESH_LABELS.useWaypointNamespace],
    // the migration guide's order (docs/mesh-semantics.md#a1-order)
    steps: {
      [MESH_LABELS.useWaypoint]: 'activate-waypoint',
      [MESH_LABELS.ingressUseWaypoint]: 'activate-waypoint',
      [MESH_LABELS.useWaypointNamespace]: 'activate-waypoint',
      [MESH_LABELS.dataplaneMode]: 'enable-ambient',
      [MESH_LABELS.injection]: 'remove-injection',
      [MESH_LABELS.revision]: 'remove-injection',
    },
    reasons: {
      [MESH_LABELS.injection]:
        '"disabled", not removed: with the label absent, pods labelled sidecar.istio.io/inject=true are still injected; "disabled" blocks namespace and pod-label injection (pitfall D.3, kubeflow/dashboard#127)',
      [MESH_LABELS.dataplaneMode]:
        'enrolls every pod of the namespace in ztunnel (ambient L4 mTLS)',
      [MESH_LABELS.ingressUseWaypoint]:
        'ingress-gateway traffic goes through the waypoint so its L7 owner rules are enforced (pitfall D.10)',
      [MESH_LABELS.useWaypoint]:
        'sends service traffic of the namespace through its waypoint, where the targetRef policies apply',
      [MESH_LABELS.revision]: REVISION_REMOVAL,
      [MESH_LABELS.useWaypointNamespace]:
        'the waypoint lives in the namespace itself; a cross-namespace waypoint cannot carry namespace-local targetRef policies (pitfall D.14)',
    },
  };
}

/** Labels of a sidecar-STRICT namespace (docs/mesh-semantics.md#a2). */
export function sidecarNamespaceLabels(): NamespaceLabelChanges {
  return {
    set: {
      [MESH_LABELS.injection]: 'enabled',
      [MESH_LABELS.dataplaneMode]: 'none',
      [MESH_LABELS.useWaypoint]: 'none',
    },
    remove: [
      MESH_LABELS.revision,
      MESH_LABELS.ingressUseWaypoint,
      MESH_LABELS.useWaypointNamespace,
    ],
    reasons: {
      [MESH_LABELS.injection]:
        'sidecar injection for every new pod (mesh-semantics §A.2)',
      [MESH_LABELS.dataplaneMode]:
        '"none" is Istio\'s neutral value: it keeps ztunnel from capturing pods and survives appliers that do not delete labels',
      [MESH_LABELS.useWaypoint]:
        '"none" is Istio\'s neutral value for waypoint enrollment (mesh-semantics §B.2)',
      [MESH_LABELS.revision]: `${REVISION_REMOVAL}; istio-injection=enabled with istio.io/rev is IST0123`,
      [MESH_LABELS.ingressUseWaypoint]:
        'ambient-only label without a neutral value; it must not route ingress traffic to a waypoint',
      [MESH_LABELS.useWaypointNamespace]:
        'ambient-only label without a neutral value',
    },
  };
}
