/** One allow rule; omitted or `'*'` entries match anything. */
export interface AccessRule {
  /** e.g. `['get', 'list', 'watch']`. */
  verbs: string[];
  /** API groups, `''` for core. */
  groups?: string[];
  /** Resource plurals, optionally with subresource (`pods/status`). */
  resources?: string[];
  /** Namespaces the rule applies to; omit for all namespaces and cluster scope. */
  namespaces?: string[];
}

/** What a bearer token may do. */
export interface TokenRules {
  /** User name shown in 403 messages (default `system:serviceaccount:default:<token-index>`). */
  user?: string;
  rules: AccessRule[];
}

/** Auth configuration: token → rules (or `'admin'` for everything). */
export interface AuthConfig {
  tokens: Record<string, TokenRules | 'admin'>;
}

/** The attributes of one request, as the authorizer sees them. */
export interface RequestAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

const matchList = (list: string[] | undefined, value: string) =>
  !list || list.includes('*') || list.includes(value);

/** Whether any rule allows the request. */
export function isAllowed(
  rules: TokenRules | 'admin',
  attrs: RequestAttributes,
): boolean {
  if (rules === 'admin') return true;
  const resource = attrs.subresource
    ? `${attrs.resource}/${attrs.subresource}`
    : attrs.resource;
  return rules.rules.some(
    rule =>
      matchList(rule.verbs, attrs.verb) &&
      matchList(rule.groups, attrs.group) &&
      (matchList(rule.resources, resource) ||
        (!!attrs.subresource &&
          matchList(rule.resources, `${attrs.resource}/*`))) &&
      (!rule.namespaces ||
        (attrs.namespace !== undefined &&
          matchList(rule.namespaces, attrs.namespace))),
  );
}

/** The apiserver's 403 message for a denied request. */
export function forbiddenMessage(
  user: string,
  attrs: RequestAttributes,
): string {
  const qualified = attrs.group
    ? `${attrs.resource}.${attrs.group}`
    : attrs.resource;
  const what = attrs.name ? `${qualified} "${attrs.name}"` : qualified;
  const resource = attrs.subresource
    ? `${attrs.resource}/${attrs.subresource}`
    : attrs.resource;
  const scope =
    attrs.namespace !== undefined
      ? `in the namespace "${attrs.namespace}"`
      : 'at the cluster scope';
  return `${what} is forbidden: User "${user}" cannot ${attrs.verb} resource "${resource}" in API group "${attrs.group}" ${scope}`;
}
