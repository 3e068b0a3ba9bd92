import type { Entity } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';

/**
 * Link to a tab of the entity's page. Resolves the catalog's entity route;
 * where the catalog is not mounted (the plugin's dev app, some tests) it falls
 * back to the catalog's default path `/catalog/:namespace/:kind/:name`.
 */
export function useEntityTabLink(entity: Entity, tabPath: string): string {
  const params = {
    kind: entity.kind.toLocaleLowerCase('en-US'),
    namespace:
      entity.metadata.namespace?.toLocaleLowerCase('en-US') ?? 'default',
    name: entity.metadata.name,
  };
  let entityPath: string;
  try {
    // useRouteRef runs all its hooks before it throws for an unmounted
    // route, so catching here keeps the hook order stable.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    entityPath = useRouteRef(entityRouteRef)(params);
  } catch {
    entityPath = `/catalog/${params.namespace}/${params.kind}/${params.name}`;
  }
  return `${entityPath}/${tabPath}`;
}
