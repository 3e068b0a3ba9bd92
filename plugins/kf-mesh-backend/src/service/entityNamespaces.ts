import type { Entity } from '@backstage/catalog-model';
import { isDns1123Label } from '@kf-mesh/plugin-kf-mesh-common';

/** Annotation naming the namespace of an entity (Backstage Kubernetes plugin). */
export const ANNOTATION_K8S_NAMESPACE = 'backstage.io/kubernetes-namespace';
/** Annotation naming the cluster of an entity (Backstage Kubernetes plugin). */
export const ANNOTATION_K8S_CLUSTER = 'backstage.io/kubernetes-cluster';
/** Annotation naming the Kubeflow Profile of an entity; the namespace has the Profile's name. */
export const ANNOTATION_KUBEFLOW_PROFILE = 'kubeflow.org/profile';

/** A namespace an entity maps to; no cluster = every configured cluster that has it. */
export interface NamespaceTarget {
  namespace: string;
  cluster?: string;
}

/**
 * The namespaces an entity maps to, taken only from its annotations
 * (never from request parameters). Invalid names are ignored.
 */
export function namespaceTargetsFromEntity(entity: Entity): NamespaceTarget[] {
  const a = entity.metadata.annotations ?? {};
  const cluster = a[ANNOTATION_K8S_CLUSTER]?.trim() || undefined;
  const names = [a[ANNOTATION_K8S_NAMESPACE], a[ANNOTATION_KUBEFLOW_PROFILE]]
    .map(v => v?.trim())
    .filter(isDns1123Label);
  return [...new Set(names)].map(namespace => ({
    namespace,
    ...(cluster ? { cluster } : {}),
  }));
}
