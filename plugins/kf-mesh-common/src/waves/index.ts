export { parseWaveMarker, waveMarker } from './waveMarker';
