// The demo target's URL space: which route a method and path name, with the path's parameters.

export type RouteName =
  | 'healthz'
  | 'stats'
  | 'metrics'
  | 'login'
  | 'createDeployment'
  | 'listDeployments'
  | 'getDeployment'
  | 'listPendingChanges'
  | 'approveChange'
  | 'rejectChange'
  | 'listPlanes'
  | 'publishConnector';

export type RouteMatch =
  | { kind: 'route'; route: RouteName; params: Readonly<Record<string, string>> }
  | { kind: 'wrongMethod'; allowed: readonly string[] }
  | { kind: 'notFound' };

interface RouteDefinition {
  method: string;
  /** Path segments; `:name` captures one segment. */
  segments: readonly string[];
  route: RouteName;
}

const routeTable: readonly (readonly [method: string, path: string, route: RouteName])[] = [
  ['GET', '/healthz', 'healthz'],
  ['GET', '/api/_stats', 'stats'],
  ['GET', '/metrics', 'metrics'],
  ['POST', '/api/auth/login', 'login'],
  ['POST', '/api/deployments', 'createDeployment'],
  ['GET', '/api/deployments', 'listDeployments'],
  ['GET', '/api/deployments/:id', 'getDeployment'],
  ['GET', '/api/cab/pending', 'listPendingChanges'],
  ['POST', '/api/cab/:id/approve', 'approveChange'],
  ['POST', '/api/cab/:id/reject', 'rejectChange'],
  ['GET', '/api/planes', 'listPlanes'],
  ['POST', '/api/planes/:plane/connectors/:connector/publish', 'publishConnector'],
];

const definitions: readonly RouteDefinition[] = routeTable.map(([method, path, route]) => ({ method, segments: splitPath(path) ?? [], route }));

/** The path pattern of a route (`/api/deployments/:id`): a label of bounded variety for metrics. */
export function routePattern(route: RouteName): string {
  return routeTable.find((entry) => entry[2] === route)?.[1] ?? route;
}

/** Finds the route for a method and a path (without query); a trailing slash is ignored. */
export function matchRoute(method: string, pathname: string): RouteMatch {
  const segments = splitPath(pathname);
  if (segments === undefined) return { kind: 'notFound' };
  const allowed: string[] = [];
  for (const definition of definitions) {
    const params = matchSegments(definition.segments, segments);
    if (params === undefined) continue;
    // HEAD is answered like GET by Node's http server when the handler writes a body.
    if (definition.method === method || (method === 'HEAD' && definition.method === 'GET')) {
      return { kind: 'route', route: definition.route, params };
    }
    allowed.push(definition.method);
  }
  return allowed.length > 0 ? { kind: 'wrongMethod', allowed } : { kind: 'notFound' };
}

function splitPath(pathname: string): string[] | undefined {
  const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  const parts = trimmed.split('/').slice(1);
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const expected = pattern[i] ?? '';
    const value = actual[i] ?? '';
    if (expected.startsWith(':')) {
      if (value === '') return undefined;
      params[expected.slice(1)] = value;
    } else if (expected !== value) {
      return undefined;
    }
  }
  return params;
}
