export { KfMeshPage, KfMeshFleet } from './KfMeshPage';
