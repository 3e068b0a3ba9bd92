import type {
  DataplaneIntent,
  DataplaneVerdict,
  MeshFinding,
  NamespaceDataplaneStatus,
  PodDataplane,
} from '@kf-mesh/plugin-kf-mesh-common';
import { dataplaneIntent, MESH_LABELS } from '@kf-mesh/plugin-kf-mesh-common';
import { finding, listNames } from './finding';
import type { Labels, PodProjection } from '../model';

/** Observed dataplane of a pod from its annotations (docs/mesh-semantics.md#b1). */
export function podDataplane(pod: PodProjection): PodDataplane {
  if (pod.hasSidecar) return 'sidecar';
  if (pod.redirection === 'enabled') return 'ambient';
  if (pod.redirection === 'pending') return 'ambient-pending';
  return 'none';
}

/** Waypoint and gateway proxy pods are proxies themselves: not counted as workloads. */
export function isProxyPod(pod: PodProjection): boolean {
  return (
    pod.labels[MESH_LABELS.gatewayName] !== undefined ||
    pod.labels[MESH_LABELS.gatewayManaged] !== undefined
  );
}

/**
 * The injector skips the pod: `sidecar.istio.io/inject=false` as label, or as the
 * deprecated annotation when the label is absent (the label wins;
 * pkg/kube/inject/inject.go `injectRequired`). Opting in needs the label: the injector
 * webhooks select pods by label only.
 */
export function optedOutOfInjection(pod: PodProjection): boolean {
  const label = pod.labels[MESH_LABELS.sidecarInject];
  return (label ?? pod.sidecarInjectAnnotation) === 'false';
}

/**
 * The dataplane a pod should have under the namespace intent, honouring pod
 * opt-outs/opt-ins: `istio.io/dataplane-mode=none|ambient` on the pod (CNI
 * enablement selectors) and `sidecar.istio.io/inject=true|false` (injector, see
 * {@link optedOutOfInjection};
 * `istio-injection=disabled` blocks the pod opt-in).
 */
export function expectedPodDataplane(
  intent: DataplaneIntent,
  nsLabels: Labels,
  pod: PodProjection,
): 'sidecar' | 'ambient' | 'none' {
  const podMode = pod.labels[MESH_LABELS.dataplaneMode];
  const podInject = pod.labels[MESH_LABELS.sidecarInject];
  const nsInjection = nsLabels[MESH_LABELS.injection];
  if (intent === 'sidecar')
    return optedOutOfInjection(pod) ? 'none' : 'sidecar';
  if (podInject === 'true' && nsInjection !== 'disabled') return 'sidecar';
  if (intent === 'ambient') return podMode === 'none' ? 'none' : 'ambient';
  return podMode === 'ambient' ? 'ambient' : 'none';
}

/** Result of the dataplane analysis. */
export interface DataplaneAnalysis {
  status: NamespaceDataplaneStatus;
  findings: MeshFinding[];
}

/** Intent vs observed dataplane, the verdict and the dataplane findings. */
export function analyzeDataplane(
  namespace: string,
  nsLabels: Labels,
  allPods: PodProjection[],
): DataplaneAnalysis {
  const intent = dataplaneIntent(nsLabels);
  const pods = allPods.filter(p => !isProxyPod(p));
  const counts = {
    total: pods.length,
    sidecar: 0,
    ambient: 0,
    pending: 0,
    none: 0,
  };
  const needRestart: string[] = [];
  const pending: string[] = [];
  const both: string[] = [];
  const optedIntoSidecar: string[] = [];
  for (const pod of pods) {
    const observed = podDataplane(pod);
    if (observed === 'sidecar') counts.sidecar++;
    else if (observed === 'ambient') counts.ambient++;
    else if (observed === 'ambient-pending') counts.pending++;
    else counts.none++;
    if (observed === 'ambient-pending') pending.push(pod.name);
    if (pod.hasSidecar && pod.redirection === 'enabled') both.push(pod.name);
    const expected = expectedPodDataplane(intent, nsLabels, pod);
    if (
      intent === 'ambient' &&
      pod.labels[MESH_LABELS.sidecarInject] === 'true' &&
      nsLabels[MESH_LABELS.injection] !== 'disabled'
    ) {
      optedIntoSidecar.push(pod.name);
    } else if (
      intent !== 'conflict' &&
      observed !== 'ambient-pending' &&
      observed !== expected
    ) {
      needRestart.push(pod.name);
    }
  }

  let verdict: DataplaneVerdict;
  if (intent === 'conflict') verdict = 'conflict';
  else if (
    needRestart.length > 0 ||
    pending.length > 0 ||
    optedIntoSidecar.length > 0
  )
    verdict = 'migrating';
  else verdict = intent;

  const ref = { kind: 'Namespace', namespace, name: namespace };
  const findings: MeshFinding[] = [];
  if (intent === 'conflict') {
    findings.push(
      finding(
        'KFM101',
        `Namespace ${namespace} has istio.io/dataplane-mode=ambient and sidecar injection (${
          nsLabels[MESH_LABELS.injection] === 'enabled'
            ? 'istio-injection=enabled'
            : `istio.io/rev=${nsLabels[MESH_LABELS.revision]}`
        }).`,
        ref,
      ),
    );
  }
  if (
    nsLabels[MESH_LABELS.injection] === 'enabled' &&
    nsLabels[MESH_LABELS.revision] !== undefined
  ) {
    findings.push(
      finding(
        'KFM107',
        `Namespace ${namespace} has istio-injection=enabled and istio.io/rev=${
          nsLabels[MESH_LABELS.revision]
        }.`,
        ref,
      ),
    );
  }
  if (needRestart.length > 0) {
    findings.push(
      finding(
        'KFM102',
        `${
          needRestart.length
        } pod(s) do not match the ${intent} intent: ${listNames(needRestart)}.`,
        ref,
      ),
    );
  }
  if (pending.length > 0) {
    findings.push(
      finding(
        'KFM103',
        `${
          pending.length
        } pod(s) have ambient.istio.io/redirection=pending: ${listNames(
          pending,
        )}.`,
        ref,
      ),
    );
  }
  for (const name of both) {
    findings.push(
      finding(
        'KFM104',
        `Pod ${name} has an Istio sidecar and ambient redirection.`,
        { kind: 'Pod', namespace, name },
      ),
    );
  }
  if (optedIntoSidecar.length > 0) {
    findings.push(
      finding(
        'KFM105',
        `${
          optedIntoSidecar.length
        } pod(s) labelled sidecar.istio.io/inject=true in ambient namespace ${namespace} without istio-injection=disabled: ${listNames(
          optedIntoSidecar,
        )}.`,
        ref,
      ),
    );
  }
  if (intent === 'none' && verdict === 'none') {
    findings.push(
      finding('KFM106', `Namespace ${namespace} has no mesh label.`, ref),
    );
  }

  const labels: Record<string, string> = {};
  for (const key of [
    MESH_LABELS.injection,
    MESH_LABELS.revision,
    MESH_LABELS.dataplaneMode,
  ]) {
    if (nsLabels[key] !== undefined) labels[key] = nsLabels[key];
  }
  return {
    status: {
      intent,
      labels,
      counts,
      verdict,
      // Pending pods recover by a restart too (docs/mesh-semantics.md#d12), so they are listed as well.
      podsNeedingRestart: [...needRestart, ...pending].sort(),
    },
    findings,
  };
}
