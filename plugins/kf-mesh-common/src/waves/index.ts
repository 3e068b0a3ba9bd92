export { parseWaveMarker, waveMarker } from './waveMarker';
export { summarizeWaves } from './summarizeWaves';
