/**
 * Kinds of planned objects the backend's cluster cache watches in a profile
 * namespace, so drift and convergence can compare them; planned objects of
 * other kinds (ConfigMaps, controller settings) are not compared.
 * @public
 */
export const OBSERVED_KINDS: ReadonlySet<string> = new Set([
  'AuthorizationPolicy',
  'PeerAuthentication',
  'Gateway',
]);
