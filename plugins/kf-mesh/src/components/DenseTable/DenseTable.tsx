import Checkbox from '@material-ui/core/Checkbox';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import type { CSSProperties, ReactNode } from 'react';

/** One column of a {@link DenseTable}. */
export interface DenseTableColumn<T, S extends string = string> {
  title: string;
  render: (row: T) => ReactNode;
  /** Keep short values (enums, counts) on one line. */
  nowrap?: boolean;
  /** Wrap, but never narrower than this (px). */
  minWidth?: number;
  /** The header sorts by this field (with the table's `sort`). */
  sortField?: S;
}

/**
 * Check boxes in a first column: one per row, and one in the header for every row shown.
 * The caller owns what is selected (it may span pages).
 */
export interface DenseTableSelection<T> {
  isSelected: (row: T) => boolean;
  /** The row's box was clicked. */
  onToggle: (row: T) => void;
  /** The header box was clicked: `true` asks to select every row shown, `false` to clear them. */
  onToggleAll: (select: boolean) => void;
  /** Accessible name of a row's box, e.g. "Select kubeflow-alice". */
  rowLabel: (row: T) => string;
  /** Accessible name of the header box. */
  allLabel: string;
  /** Rows whose box cannot be changed (e.g. the selection is at its limit). */
  isDisabled?: (row: T) => boolean;
}

/** Break only inside words that do not fit at all, never mid-word otherwise. */
const cellStyle = { wordBreak: 'normal', overflowWrap: 'break-word' } as const;
const nowrapStyle = { whiteSpace: 'nowrap' } as const;

function bodyCellStyle(column: DenseTableColumn<any, any>): CSSProperties {
  if (column.nowrap) return nowrapStyle;
  return column.minWidth
    ? { ...cellStyle, minWidth: column.minWidth }
    : cellStyle;
}

/**
 * The one table of the plugin: a read-only table with a header row, used by the sections of the namespace view
 * (a few rows, no options), the fleet page (sortable headers, busy while the next page loads, row check boxes) and the Approvals
 * queue (an empty-state row). Framing and paging stay with the caller.
 */
export function DenseTable<T, S extends string = string>(props: {
  /** Accessible name of the table. */
  label: string;
  columns: DenseTableColumn<T, S>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** A page is loading: `aria-busy`, and no empty-state row meanwhile. */
  busy?: boolean;
  /** Shown in one row when there are no rows (and the table is not busy). */
  emptyText?: string;
  /** Sortable headers: the current field and order, and what a click asks for. */
  sort?: { field: S; order: 'asc' | 'desc'; onSort: (field: S) => void };
  /** Highlight the row under the pointer (tables whose rows are things to open). */
  hover?: boolean;
  /** Extra class for every cell (e.g. tighter padding for a wide table). */
  cellClassName?: string;
  /** Row check boxes (a first column). */
  selection?: DenseTableSelection<T>;
}) {
  const { label, columns, rows, rowKey, busy, emptyText, sort, selection } =
    props;
  const selectedShown = selection
    ? rows.filter(row => selection.isSelected(row)).length
    : 0;
  const colSpan = columns.length + (selection ? 1 : 0);
  return (
    <Table size="small" aria-label={label} aria-busy={busy}>
      <TableHead>
        <TableRow>
          {selection && (
            <TableCell padding="checkbox" className={props.cellClassName}>
              <Checkbox
                size="small"
                checked={rows.length > 0 && selectedShown === rows.length}
                indeterminate={selectedShown > 0 && selectedShown < rows.length}
                disabled={rows.length === 0}
                onChange={e => selection.onToggleAll(e.target.checked)}
                inputProps={{ 'aria-label': selection.allLabel }}
              />
            </TableCell>
          )}
          {columns.map(column => {
            const sorted = sort && column.sortField === sort.field;
            return (
              <TableCell
                key={column.title}
                className={props.cellClassName}
                style={nowrapStyle}
                sortDirection={sorted ? sort.order : false}
              >
                {sort && column.sortField ? (
                  <TableSortLabel
                    active={sorted}
                    direction={sorted ? sort.order : 'asc'}
                    onClick={() => sort.onSort(column.sortField!)}
                  >
                    {column.title}
                  </TableSortLabel>
                ) : (
                  column.title
                )}
              </TableCell>
            );
          })}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 && !busy && emptyText !== undefined && (
          <TableRow>
            <TableCell colSpan={colSpan}>
              <Typography variant="body2" align="center">
                {emptyText}
              </Typography>
            </TableCell>
          </TableRow>
        )}
        {rows.map(row => (
          <TableRow
            key={rowKey(row)}
            hover={props.hover}
            selected={selection?.isSelected(row)}
          >
            {selection && (
              <TableCell padding="checkbox" className={props.cellClassName}>
                <Checkbox
                  size="small"
                  checked={selection.isSelected(row)}
                  disabled={selection.isDisabled?.(row)}
                  onChange={() => selection.onToggle(row)}
                  inputProps={{ 'aria-label': selection.rowLabel(row) }}
                />
              </TableCell>
            )}
            {columns.map(column => (
              <TableCell
                key={column.title}
                className={props.cellClassName}
                style={bodyCellStyle(column)}
              >
                {column.render(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
