import { SimStore } from '../model/SimStore';

/** What a route handler receives. */
export interface RouteContext {
  params: Record<string, string>;
  query: Record<string, string>;
  body: any;
  store: SimStore;
  /** Web base URL, e.g. `http://127.0.0.1:1234`. */
  webUrl: string;
  /** REST base URL, e.g. `http://127.0.0.1:1234/api/v3`. */
  apiUrl: string;
}

/** What a route handler returns. */
export interface RouteResult {
  status: number;
  body?: unknown;
  /** Extra response headers (e.g. `link` for pagination). */
  headers?: Record<string, string>;
  /** A binary answer (e.g. a tarball) instead of a JSON `body`. */
  raw?: { contentType: string; data: Buffer };
}

/** One REST route. `path` uses `:name` for a segment and `*name` for the rest. */
export interface Route {
  method: string;
  path: string;
  handler: (ctx: RouteContext) => RouteResult;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

/** Matches method + path against a list of routes. */
export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map(route => {
      const names: string[] = [];
      const source = route.path
        .split('/')
        .map(segment => {
          if (segment.startsWith(':')) {
            names.push(segment.slice(1));
            return '([^/]+)';
          }
          if (segment.startsWith('*')) {
            names.push(segment.slice(1));
            return '(.+)';
          }
          return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('/');
      return { ...route, names, regex: new RegExp(`^${source}$`) };
    });
  }

  /** Returns the route and decoded params, `'method'` when only the method is wrong, or undefined. */
  match(method: string, path: string) {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (
        route.method !== method &&
        !(method === 'HEAD' && route.method === 'GET')
      ) {
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1]);
      });
      return { route, params };
    }
    return pathMatched ? ('method' as const) : undefined;
  }
}
