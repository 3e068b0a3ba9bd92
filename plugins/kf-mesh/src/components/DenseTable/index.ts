export { DenseTable } from './DenseTable';
export type { DenseTableColumn } from './DenseTable';
