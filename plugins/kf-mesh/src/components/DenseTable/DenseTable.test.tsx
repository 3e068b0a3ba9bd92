import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { DenseTable, DenseTableColumn } from './DenseTable';

type Row = { name: string; pods: number };
const columns: DenseTableColumn<Row, 'name' | 'pods'>[] = [
  { title: 'Name', sortField: 'name', render: r => r.name, nowrap: true },
  { title: 'Pods', sortField: 'pods', render: r => String(r.pods) },
  { title: 'Note', render: () => 'long text', minWidth: 120 },
];
const rows: Row[] = [
  { name: 'alice', pods: 3 },
  { name: 'bob', pods: 1 },
];

/** The People table over `rows`; `props` adds to or overrides its props. */
const peopleTable = (
  props: Partial<ComponentProps<typeof DenseTable<Row, 'name' | 'pods'>>> = {},
) => (
  <DenseTable
    label="People"
    columns={columns}
    rows={rows}
    rowKey={r => r.name}
    {...props}
  />
);

describe('DenseTable', () => {
  it('renders a header and one row per item, cells styled by their column', () => {
    render(peopleTable());
    const table = screen.getByRole('table', { name: 'People' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('alice')).toHaveStyle({
      whiteSpace: 'nowrap',
    });
    expect(within(table).getAllByText('long text')[0]).toHaveStyle({
      minWidth: '120px',
    });
    // no sort given: titles are plain text, not buttons
    expect(within(table).queryByRole('button')).toBeNull();
  });

  it('sortable headers: the current field carries aria-sort, a click asks for the field', () => {
    const onSort = jest.fn();
    render(peopleTable({ sort: { field: 'pods', order: 'desc', onSort } }));
    expect(screen.getByRole('columnheader', { name: /Pods/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(
      screen.getByRole('columnheader', { name: /Name/ }),
    ).not.toHaveAttribute('aria-sort');
    fireEvent.click(screen.getByRole('button', { name: /Name/ }));
    expect(onSort).toHaveBeenCalledWith('name');
    // a column without sortField has no sort control
    expect(screen.queryByRole('button', { name: /Note/ })).toBeNull();
  });

  it('shows the empty text only when there are no rows and nothing is loading', () => {
    const { rerender } = render(
      peopleTable({ rows: [], emptyText: 'Nobody here.', busy: true }),
    );
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByText('Nobody here.')).toBeNull();
    rerender(peopleTable({ rows: [], emptyText: 'Nobody here.' }));
    expect(screen.getByText('Nobody here.')).toBeInTheDocument();
  });

  it('row check boxes: each names its row, the header box selects or clears the rows shown', () => {
    const selected = new Set(['bob']);
    const onToggle = jest.fn();
    const onToggleAll = jest.fn();
    const selection = {
      isSelected: (r: Row) => selected.has(r.name),
      onToggle,
      onToggleAll,
      rowLabel: (r: Row) => `Select ${r.name}`,
      allLabel: 'Select every person shown',
      isDisabled: (r: Row) => r.name === 'alice',
    };
    const { rerender } = render(peopleTable({ selection }));
    const all = screen.getByRole('checkbox', {
      name: 'Select every person shown',
    });
    expect(all).not.toBeChecked();
    expect(all).toHaveAttribute('data-indeterminate', 'true');
    expect(screen.getByRole('checkbox', { name: 'Select bob' })).toBeChecked();
    expect(
      screen.getByRole('checkbox', { name: 'Select alice' }),
    ).toBeDisabled();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select bob' }));
    expect(onToggle).toHaveBeenCalledWith(rows[1]);
    fireEvent.click(all);
    expect(onToggleAll).toHaveBeenCalledWith(true);

    selected.add('alice');
    rerender(peopleTable({ selection: { ...selection } }));
    expect(
      screen.getByRole('checkbox', { name: 'Select every person shown' }),
    ).toBeChecked();
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Select every person shown' }),
    );
    expect(onToggleAll).toHaveBeenLastCalledWith(false);
    // the check box column widens the empty-state row
    rerender(peopleTable({ rows: [], emptyText: 'Nobody here.', selection }));
    expect(screen.getByText('Nobody here.').closest('td')).toHaveAttribute(
      'colspan',
      '4',
    );
  });
});
