import type { ObjectIdentity, OnboardingPlan } from './plan/types';

/** An object that must exist, with the spec to compare. @public */
export interface DesiredObject extends ObjectIdentity {
  labels?: Record<string, string>;
  spec: Record<string, unknown>;
}

/** What a namespace must look like once a plan is applied. @public */
export interface DesiredState {
  namespace: string;
  mode: OnboardingPlan['transition']['to'];
  objects: DesiredObject[];
  /** Namespace labels that must have these values. */
  labels: Record<string, string>;
  /** Namespace labels that must be absent. */
  absentLabels: string[];
  /** Objects that must not exist. */
  absentObjects: ObjectIdentity[];
}

/**
 * The desired state of a plan, for a drift check: compare each object's `spec` (and labels)
 * with the live object of the same kind, namespace and name; apiVersion tells which version
 * the plan writes (servers serve v1 and v1beta1 policies alike).
 * @public
 */
export function desiredState(plan: OnboardingPlan): DesiredState {
  return {
    namespace: plan.input.namespace,
    mode: plan.transition.to,
    objects: plan.objects.map(({ object }) => ({
      apiVersion: object.apiVersion,
      kind: object.kind,
      namespace: object.metadata.namespace ?? plan.input.namespace,
      name: object.metadata.name,
      ...(object.metadata.labels
        ? { labels: { ...object.metadata.labels } }
        : {}),
      spec: structuredClone(object.spec ?? {}),
    })),
    labels: { ...plan.namespaceLabels.set },
    absentLabels: [...plan.namespaceLabels.remove],
    absentObjects: plan.deletions.map(
      ({ apiVersion, kind, namespace, name }) => ({
        apiVersion,
        kind,
        namespace,
        name,
      }),
    ),
  };
}
