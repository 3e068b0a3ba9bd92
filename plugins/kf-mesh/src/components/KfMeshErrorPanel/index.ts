export { KfMeshErrorPanel } from './KfMeshErrorPanel';
