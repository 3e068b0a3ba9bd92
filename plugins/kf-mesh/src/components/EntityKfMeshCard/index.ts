export { EntityKfMeshCard } from './EntityKfMeshCard';
