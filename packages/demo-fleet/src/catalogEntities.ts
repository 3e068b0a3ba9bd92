import type { ScenarioNamespace } from '@kf-mesh/kube-sim';
import {
  DEMO_USER_ANNOTATION,
  demoUserNames,
  PLATFORM_ENGINEER,
} from './demoUsers';

/** A catalog entity as plain data (serialized to YAML by the caller). */
export interface DemoEntity {
  apiVersion: 'backstage.io/v1alpha1';
  kind: 'Group' | 'User' | 'Resource' | 'System';
  metadata: {
    name: string;
    title?: string;
    description?: string;
    annotations?: Record<string, string>;
    tags?: string[];
  };
  spec: Record<string, unknown>;
}

/**
 * The catalog of the demo: the platform team, one User per profile owner, one System per cluster and one
 * `Resource` of type `kubeflow-profile` per profile namespace, annotated the way kf-mesh reads it
 * (`backstage.io/kubernetes-namespace`, `backstage.io/kubernetes-cluster`, `kubeflow.org/profile`), and the
 * demo's sign-in users (demoUsers.ts): the owner of the self-service profile and a platform engineer, a
 * member of the platform team, each annotated `kf-mesh.io/demo-user`.
 */
export function buildCatalogEntities(
  clusters: { name: string; namespaces: ScenarioNamespace[] }[],
  platformTeam: string,
): DemoEntity[] {
  const users = new Map<string, DemoEntity>();
  const entities: DemoEntity[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: platformTeam, title: 'Kubeflow platform team' },
      spec: { type: 'team', children: [] },
    },
  ];
  for (const cluster of clusters) {
    entities.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'System',
      metadata: {
        name: cluster.name,
        title: `Kubeflow on ${cluster.name}`,
        description: `Profile namespaces of the ${cluster.name} cluster.`,
      },
      spec: { owner: `group:default/${platformTeam}` },
    });
    for (const ns of cluster.namespaces) {
      const user = ns.owner.userName;
      if (!users.has(user)) {
        users.set(user, {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'User',
          metadata: { name: user, title: ns.owner.displayName },
          spec: { profile: { email: ns.owner.email }, memberOf: [] },
        });
      }
      entities.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: `${cluster.name}--${ns.name}`,
          title: `${ns.name} (${cluster.name})`,
          description: `Kubeflow profile namespace of ${ns.owner.email}.`,
          annotations: {
            'backstage.io/kubernetes-namespace': ns.name,
            'backstage.io/kubernetes-cluster': cluster.name,
            'kubeflow.org/profile': ns.name,
          },
          tags: ['kubeflow-profile'],
        },
        spec: {
          type: 'kubeflow-profile',
          owner: `user:default/${user}`,
          system: `system:default/${cluster.name}`,
        },
      });
    }
  }
  users.set(PLATFORM_ENGINEER.userName, {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: PLATFORM_ENGINEER.userName },
    spec: {
      profile: {
        displayName: PLATFORM_ENGINEER.displayName,
        email: PLATFORM_ENGINEER.email,
      },
      memberOf: [platformTeam],
    },
  });
  for (const [id, userName] of Object.entries(demoUserNames(clusters))) {
    const user = users.get(userName)!;
    user.metadata.annotations = {
      ...user.metadata.annotations,
      [DEMO_USER_ANNOTATION]: id,
    };
  }
  return [...entities, ...users.values()];
}
