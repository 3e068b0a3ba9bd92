import type { PostMergeAction } from './types';

/**
 * Post-merge action restarting every Deployment and StatefulSet of a namespace: sidecar injection and ambient
 * redirection act on pod CREATE only (docs/mesh-semantics.md#d1), so existing pods keep their old dataplane.
 * The wording is the target mode's.
 */
export function restartWorkloadsAction(
  namespace: string,
  text: { title: string; description: string },
): PostMergeAction {
  return {
    id: 'restart-workloads',
    ...text,
    command: `kubectl -n ${namespace} rollout restart deployment,statefulset`,
    restarts: [
      { namespace, kind: 'deployment', name: '*' },
      { namespace, kind: 'statefulset', name: '*' },
    ],
  };
}
