import { createFleet } from '../../__fixtures__/fleet';
import {
  EMPTY_SELECTION,
  rowKey,
  selectFilter,
  selectionSize,
  toggleRow,
  toggleRows,
} from './waveSelection';

const fleet = createFleet(10);

describe('wave selection', () => {
  it('ticks and unticks rows, keyed by cluster and namespace', () => {
    let state = toggleRow(EMPTY_SELECTION, fleet[0], 5);
    state = toggleRow(state, fleet[1], 5);
    expect(selectionSize(state.selection)).toBe(2);
    state = toggleRow(state, fleet[0], 5);
    expect(state.selection).toEqual({
      kind: 'rows',
      rows: new Map([[rowKey(fleet[1]), fleet[1]]]),
    });
    expect(EMPTY_SELECTION.selection).toEqual({
      kind: 'rows',
      rows: new Map(),
    });
  });

  it('refuses a row past the limit, with the reason, and keeps the selection', () => {
    let state = toggleRows(EMPTY_SELECTION, fleet.slice(0, 3), true, 3);
    expect(selectionSize(state.selection)).toBe(3);
    state = toggleRow(state, fleet[3], 3);
    expect(selectionSize(state.selection)).toBe(3);
    expect(state.refusal).toBe(
      'A wave takes at most 3 namespaces; this would select 4.',
    );
    // the next accepted change clears the refusal
    state = toggleRow(state, fleet[0], 3);
    expect(state.refusal).toBeUndefined();
    expect(selectionSize(state.selection)).toBe(2);
  });

  it('ticks every row shown, or clears them, and refuses a page that would pass the limit', () => {
    let state = toggleRows(EMPTY_SELECTION, fleet.slice(0, 4), true, 6);
    state = toggleRows(state, fleet.slice(4, 8), true, 6);
    expect(selectionSize(state.selection)).toBe(4);
    expect(state.refusal).toBe(
      'A wave takes at most 6 namespaces; this would select 8.',
    );
    state = toggleRows(state, fleet.slice(0, 2), false, 6);
    expect(selectionSize(state.selection)).toBe(2);
  });

  it('selects every namespace of the filter up to the limit, else says why not', () => {
    expect(selectFilter(EMPTY_SELECTION, 40, 50).selection).toEqual({
      kind: 'filter',
      total: 40,
    });
    const refused = selectFilter(EMPTY_SELECTION, 612, 500);
    expect(refused.selection).toBe(EMPTY_SELECTION.selection);
    expect(refused.refusal).toBe(
      '612 namespaces match this filter; a wave takes at most 500. Narrow the filter (cluster, mode, readiness or search).',
    );
    expect(selectFilter(EMPTY_SELECTION, 0, 500).refusal).toBe(
      'No namespace matches this filter.',
    );
    // ticking a row after a filter selection starts a row selection
    const rows = toggleRow(selectFilter(EMPTY_SELECTION, 40, 50), fleet[0], 50);
    expect(selectionSize(rows.selection)).toBe(1);
  });
});
