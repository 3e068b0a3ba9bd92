import type { NamespaceMeshSummary } from '@kf-mesh/plugin-kf-mesh-common';

/** Key of a fleet row: a namespace is unique per cluster. */
export const rowKey = (
  row: Pick<NamespaceMeshSummary, 'cluster' | 'namespace'>,
) => `${row.cluster}/${row.namespace}`;

/**
 * What the user picked for a wave: rows ticked one by one (possibly over several pages), or every namespace
 * matching the current filter (`total` of them, fetched when the wave is summarized).
 */
export type WaveSelection =
  | { kind: 'rows'; rows: ReadonlyMap<string, NamespaceMeshSummary> }
  | { kind: 'filter'; total: number };

/** The selection plus why the last request was refused (shown until the next change). */
export interface WaveSelectionState {
  selection: WaveSelection;
  refusal?: string;
}

/** Nothing selected. */
export const EMPTY_SELECTION: WaveSelectionState = {
  selection: { kind: 'rows', rows: new Map() },
};

/** How many namespaces the selection holds. */
export function selectionSize(selection: WaveSelection): number {
  return selection.kind === 'filter' ? selection.total : selection.rows.size;
}

const overLimit = (limit: number, wanted: number) =>
  `A wave takes at most ${limit} namespaces; this would select ${wanted}.`;

/** Ticks or unticks one row; ticking past `limit` is refused with the reason. */
export function toggleRow(
  state: WaveSelectionState,
  row: NamespaceMeshSummary,
  limit: number,
): WaveSelectionState {
  const rows = new Map(
    state.selection.kind === 'rows' ? state.selection.rows : [],
  );
  const key = rowKey(row);
  if (rows.has(key)) rows.delete(key);
  else if (rows.size >= limit)
    return { ...state, refusal: overLimit(limit, rows.size + 1) };
  else rows.set(key, row);
  return { selection: { kind: 'rows', rows } };
}

/** Ticks (or unticks) every row shown; ticking past `limit` is refused with the reason and changes nothing. */
export function toggleRows(
  state: WaveSelectionState,
  shown: NamespaceMeshSummary[],
  select: boolean,
  limit: number,
): WaveSelectionState {
  const rows = new Map(
    state.selection.kind === 'rows' ? state.selection.rows : [],
  );
  for (const row of shown) {
    if (select) rows.set(rowKey(row), row);
    else rows.delete(rowKey(row));
  }
  if (rows.size > limit)
    return { ...state, refusal: overLimit(limit, rows.size) };
  return { selection: { kind: 'rows', rows } };
}

/** Selects every namespace matching the filter, unless more than `limit` match (refused with the reason). */
export function selectFilter(
  state: WaveSelectionState,
  total: number,
  limit: number,
): WaveSelectionState {
  if (total === 0)
    return { ...state, refusal: 'No namespace matches this filter.' };
  if (total > limit)
    return {
      ...state,
      refusal: `${total} namespaces match this filter; a wave takes at most ${limit}. Narrow the filter (cluster, mode, readiness or search).`,
    };
  return { selection: { kind: 'filter', total } };
}
