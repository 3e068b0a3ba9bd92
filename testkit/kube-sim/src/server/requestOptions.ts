import type { ListQuery, WriteOptions } from './ResourceService';

export function verbOf(
  method: string,
  hasName: boolean,
  watch: boolean,
): string | undefined {
  switch (method) {
    case 'GET':
      if (hasName) return 'get';
      return watch ? 'watch' : 'list';
    case 'POST':
      return hasName ? undefined : 'create';
    case 'PUT':
      return hasName ? 'update' : undefined;
    case 'PATCH':
      return hasName ? 'patch' : undefined;
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection';
    default:
      return undefined;
  }
}

export const isTrue = (v: string | null) => v === 'true' || v === '1';

export function listQuery(
  params: URLSearchParams,
  namespace: string | undefined,
): ListQuery {
  const limit = params.get('limit');
  return {
    namespace,
    labelSelector: params.get('labelSelector') ?? undefined,
    fieldSelector: params.get('fieldSelector') ?? undefined,
    limit: limit ? Number(limit) : undefined,
    continue: params.get('continue') ?? undefined,
  };
}

export function writeOptions(
  params: URLSearchParams,
  subresource: string | undefined,
): WriteOptions & { fieldManager?: string; force?: boolean } {
  const fv = params.get('fieldValidation');
  return {
    dryRun: params.getAll('dryRun').includes('All'),
    fieldValidation: fv === 'Strict' || fv === 'Ignore' ? fv : 'Warn',
    subresource,
    fieldManager: params.get('fieldManager') ?? undefined,
    force: isTrue(params.get('force')),
    warnings: [],
  };
}
