export { DenseTable } from './DenseTable';
export type { DenseTableColumn, DenseTableSelection } from './DenseTable';
