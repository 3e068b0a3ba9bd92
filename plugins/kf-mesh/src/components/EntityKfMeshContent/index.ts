export { EntityKfMeshContent } from './EntityKfMeshContent';
