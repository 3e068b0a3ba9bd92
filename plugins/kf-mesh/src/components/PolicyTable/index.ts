export { PolicyTable } from './PolicyTable';
