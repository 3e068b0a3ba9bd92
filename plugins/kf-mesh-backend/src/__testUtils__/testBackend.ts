import type { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

export const ALICE = 'user:default/alice';
export const MALLORY = 'user:default/mallory';
export const PLATFORM = 'user:default/platform-admin';

export function component(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

/** Entities of the test catalog; `hidden` is invisible to alice (catalog read policy). */
export const ENTITIES: Entity[] = [
  component('team-ambient', {
    'backstage.io/kubernetes-namespace': 'team-ambient',
  }),
  component('team-migrating', {
    'kubeflow.org/profile': 'team-migrating',
    'backstage.io/kubernetes-cluster': 'dev',
  }),
  component('hidden', { 'backstage.io/kubernetes-namespace': 'team-sidecar' }),
  component('elsewhere', {
    'backstage.io/kubernetes-namespace': 'team-ambient',
    'backstage.io/kubernetes-cluster': 'prod',
  }),
];

const userOf = (c: BackstageCredentials) =>
  (c.principal as { userEntityRef?: string }).userEntityRef;

/**
 * Catalog that answers on behalf of the caller: alice cannot see `hidden`.
 */
export function catalogFactory() {
  return catalogServiceMock.mock({
    getEntityByRef: async (ref, options) => {
      const refString =
        typeof ref === 'string'
          ? ref
          : `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase();
      const entity = ENTITIES.find(
        e => `component:default/${e.metadata.name}` === refString,
      );
      if (
        entity?.metadata.name === 'hidden' &&
        userOf(
          (options as { credentials: BackstageCredentials }).credentials,
        ) === ALICE
      )
        return undefined;
      return entity;
    },
  }).factory;
}

/**
 * Permission policy: mallory gets nothing; alice may read entity status but
 * not the fleet; the platform admin gets everything.
 */
export function permissionsFactory() {
  return mockServices.permissions.mock({
    authorize: async (requests, options) => {
      const user = userOf(options!.credentials);
      return requests.map(r => {
        const p = (r as { permission: { name: string } }).permission.name;
        if (user === PLATFORM) return { result: AuthorizeResult.ALLOW };
        if (user === ALICE && p === 'kf-mesh.entity.status.read')
          return { result: AuthorizeResult.ALLOW };
        return { result: AuthorizeResult.DENY };
      }) as any;
    },
  }).factory;
}
