/** What a request URL addresses, like the apiserver's `RequestInfo`. */
export type RequestTarget =
  | { kind: 'nonResource'; path: string }
  | {
      kind: 'resource';
      group: string;
      version: string;
      plural: string;
      namespace?: string;
      name?: string;
      subresource?: string;
    };

const NAMESPACE_SUBRESOURCES = ['status', 'finalize'];

/**
 * Parses `/api/v1/...` and `/apis/<group>/<version>/...` paths. Discovery documents
 * (`/api`, `/api/v1`, `/apis/<g>/<v>`) and everything else are non-resource paths.
 */
export function parseRequestPath(pathname: string): RequestTarget {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) {
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 4) {
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return { kind: 'nonResource', path: `/${parts.join('/')}` };
  }
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    !(rest.length === 3 && NAMESPACE_SUBRESOURCES.includes(rest[2]))
  ) {
    const [, namespace, plural, name, subresource] = rest;
    return {
      kind: 'resource',
      group,
      version,
      plural,
      namespace,
      name,
      subresource,
    };
  }
  const [plural, name, subresource] = rest;
  return { kind: 'resource', group, version, plural, name, subresource };
}
