export { StartWaveDialog } from './StartWaveDialog';
export { WaveSelectionBar } from './WaveSelectionBar';
export {
  EMPTY_SELECTION,
  rowKey,
  selectFilter,
  selectionSize,
  toggleRow,
  toggleRows,
} from './waveSelection';
export type { WaveSelection, WaveSelectionState } from './waveSelection';
