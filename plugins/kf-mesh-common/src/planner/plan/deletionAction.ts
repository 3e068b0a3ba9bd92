import type { PlannedDeletion, PostMergeAction } from './types';

/** `kind.group` of a deleted object (the singular form kubectl accepts), unambiguous across API groups. */
function resourceName(d: PlannedDeletion): string {
  const group = d.apiVersion.includes('/') ? d.apiVersion.split('/')[0] : '';
  const kind = d.kind.toLowerCase();
  return group ? `${kind}.${group}` : kind;
}

/**
 * Post-merge deletion of the sidecar-era policies, run right after the restarts
 * (docs/mesh-semantics.md#a1-order): before them the sidecars still enforce these
 * policies; after them ztunnel would enforce what it keeps of them, which is
 * deny-all for a policy whose every rule has HTTP attributes. `undefined` when
 * there is nothing to delete.
 */
export function deleteSidecarEraPoliciesAction(
  namespace: string,
  deletions: PlannedDeletion[],
): PostMergeAction | undefined {
  if (deletions.length === 0) return undefined;
  const byResource = new Map<string, string[]>();
  for (const d of deletions) {
    const names = byResource.get(resourceName(d)) ?? [];
    names.push(d.name);
    byResource.set(resourceName(d), names);
  }
  return {
    id: 'delete-sidecar-era-policies',
    title: 'Delete the sidecar-era policies (right after the restarts)',
    description:
      'Once every pod of the namespace runs without a sidecar, delete the objects listed under Deletions. Not before the restarts (sidecar pods would lose their owner and contributor rules) and not never (ztunnel keeps only the L4 part of their rules, which denies the owner and contributors; pitfall D.4).',
    command: [...byResource]
      .map(
        ([resource, names]) =>
          `kubectl -n ${namespace} delete ${resource} ${names.join(
            ' ',
          )} --ignore-not-found`,
      )
      .join(' && '),
    restarts: [],
  };
}
