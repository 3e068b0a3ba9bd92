export { NamespaceMeshStatusView } from './NamespaceMeshStatusView';
