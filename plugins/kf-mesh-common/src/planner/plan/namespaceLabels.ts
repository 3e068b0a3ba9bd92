import type { OnboardingInput } from '../input/inputSchema';
import type { NamespaceLabelChanges } from './types';

/** Istio namespace label keys (mesh-domain §A.1 step 1, §B.1, §B.2). */
export const LABELS = {
  injection: 'istio-injection',
  revision: 'istio.io/rev',
  dataplaneMode: 'istio.io/dataplane-mode',
  useWaypoint: 'istio.io/use-waypoint',
  useWaypointNamespace: 'istio.io/use-waypoint-namespace',
  ingressUseWaypoint: 'istio.io/ingress-use-waypoint',
} as const;

const REVISION_REMOVAL =
  'istio.io/rev also selects the sidecar injector (mesh-domain §B.1, pitfall D.3) and has no neutral value, so it must be removed';

/** Labels of an ambient namespace (mesh-domain §A.1 step 1). */
export function ambientNamespaceLabels(
  input: OnboardingInput,
): NamespaceLabelChanges {
  return {
    set: {
      [LABELS.injection]: 'disabled',
      [LABELS.dataplaneMode]: 'ambient',
      [LABELS.ingressUseWaypoint]: 'true',
      [LABELS.useWaypoint]: input.options.waypointName,
    },
    remove: [LABELS.revision, LABELS.useWaypointNamespace],
    reasons: {
      [LABELS.injection]:
        '"disabled", not removed: with the label absent, pods labelled sidecar.istio.io/inject=true are still injected; "disabled" blocks namespace and pod-label injection (pitfall D.3, kubeflow/dashboard#127)',
      [LABELS.dataplaneMode]:
        'enrolls every pod of the namespace in ztunnel (ambient L4 mTLS)',
      [LABELS.ingressUseWaypoint]:
        'ingress-gateway traffic goes through the waypoint so its L7 owner rules are enforced (pitfall D.10)',
      [LABELS.useWaypoint]:
        'sends service traffic of the namespace through its waypoint, where the targetRef policies apply',
      [LABELS.revision]: REVISION_REMOVAL,
      [LABELS.useWaypointNamespace]:
        'the waypoint lives in the namespace itself; a cross-namespace waypoint cannot carry namespace-local targetRef policies (pitfall D.14)',
    },
  };
}

/** Labels of a sidecar-STRICT namespace (mesh-domain §A.2). */
export function sidecarNamespaceLabels(): NamespaceLabelChanges {
  return {
    set: {
      [LABELS.injection]: 'enabled',
      [LABELS.dataplaneMode]: 'none',
      [LABELS.useWaypoint]: 'none',
    },
    remove: [
      LABELS.revision,
      LABELS.ingressUseWaypoint,
      LABELS.useWaypointNamespace,
    ],
    reasons: {
      [LABELS.injection]:
        'sidecar injection for every new pod (mesh-domain §A.2)',
      [LABELS.dataplaneMode]:
        '"none" is Istio\'s neutral value: it keeps ztunnel from capturing pods and survives appliers that do not delete labels',
      [LABELS.useWaypoint]:
        '"none" is Istio\'s neutral value for waypoint enrollment (mesh-domain §B.2)',
      [LABELS.revision]: `${REVISION_REMOVAL}; istio-injection=enabled with istio.io/rev is IST0123`,
      [LABELS.ingressUseWaypoint]:
        'ambient-only label without a neutral value; it must not route ingress traffic to a waypoint',
      [LABELS.useWaypointNamespace]:
        'ambient-only label without a neutral value',
    },
  };
}
