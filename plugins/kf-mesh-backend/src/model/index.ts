export * from './types';
export * from './projections';
export { buildMeshContext, isAllowNothing } from './meshContext';
export { gatewayNamespacesOf } from './gatewayNamespaces';
export { isZtunnelPod } from './ztunnel';
export {
  gatewayApiBundleVersion,
  istiodVersion,
  ztunnelVersion,
} from './controlPlaneVersions';
