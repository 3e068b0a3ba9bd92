export * from './types';
export * from './projections';
export { buildMeshContext, isAllowNothing } from './meshContext';
export { gatewayNamespacesOf } from './gatewayNamespaces';
export { compareMinor, isZtunnelPod, ztunnelVersion } from './ztunnel';
