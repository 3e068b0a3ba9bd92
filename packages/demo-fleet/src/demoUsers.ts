import type { ScenarioNamespace } from '@kf-mesh/kube-sim';
import { demoOnboardingsFor } from './demoOnboardings';

/**
 * The demo's two sign-in users (packages/backend/src/demoSignIn.ts signs in the catalog User annotated
 * `kf-mesh.io/demo-user: <id>`; app-config.yaml lists the ids).
 */
export type DemoUserId = 'profile-owner' | 'platform-engineer';

/** Catalog annotation naming the demo user a User entity signs in as. */
export const DEMO_USER_ANNOTATION = 'kf-mesh.io/demo-user';

/** The catalog User of the platform engineer (a member of the platform team). */
export const PLATFORM_ENGINEER = {
  userName: 'pat-platform',
  displayName: 'Pat Platform (platform engineer)',
  email: 'pat.platform@kubeflow-platform.example',
} as const;

/**
 * The profile the demo's profile owner onboards themselves (the self-service flow): a sidecar namespace
 * with KFAM contributors (so there is a list to confirm) that no seeded onboarding PR and no other browser
 * flow uses, first cluster first. Its owner is the demo's `profile-owner`.
 */
export function selfServiceNamespace(
  clusters: Array<{ name: string; namespaces: ScenarioNamespace[] }>,
): { cluster: string; namespace: ScenarioNamespace } {
  const taken = new Set(
    demoOnboardingsFor(clusters).map(o => `${o.cluster}/${o.namespace.name}`),
  );
  const candidates = clusters.flatMap(c =>
    c.namespaces
      .filter(
        n =>
          (n.state === 'sidecar' || n.state === 'sidecar-native') &&
          !taken.has(`${c.name}/${n.name}`),
      )
      .map(namespace => ({ cluster: c.name, namespace })),
  );
  const found =
    candidates.find(c => c.namespace.contributors.length > 0) ?? candidates[0];
  if (!found) {
    throw new Error(
      'the demo scenarios have no free sidecar namespace for the profile owner',
    );
  }
  return found;
}

/** Catalog user name of each demo user. */
export function demoUserNames(
  clusters: Array<{ name: string; namespaces: ScenarioNamespace[] }>,
): Record<DemoUserId, string> {
  return {
    'profile-owner': selfServiceNamespace(clusters).namespace.owner.userName,
    'platform-engineer': PLATFORM_ENGINEER.userName,
  };
}
