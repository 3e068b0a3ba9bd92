import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import type { ReactNode } from 'react';

/** One column of a {@link DenseTable}. */
export interface DenseTableColumn<T> {
  title: string;
  render: (row: T) => ReactNode;
  /** Keep short values (enums, counts) on one line. */
  nowrap?: boolean;
}

/** Break only inside words that do not fit at all, never mid-word otherwise. */
const cellStyle = { wordBreak: 'normal', overflowWrap: 'break-word' } as const;
const nowrapStyle = { whiteSpace: 'nowrap' } as const;

/**
 * A small read-only table with a header row, for the sections of the
 * namespace view (a few rows each, no paging or search).
 */
export function DenseTable<T>(props: {
  /** Accessible name of the table. */
  label: string;
  columns: DenseTableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}) {
  const { label, columns, rows, rowKey } = props;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {columns.map(column => (
            <TableCell key={column.title} style={nowrapStyle}>
              {column.title}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={rowKey(row)}>
            {columns.map(column => (
              <TableCell
                key={column.title}
                style={column.nowrap ? nowrapStyle : cellStyle}
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
