export { WaveProgress, waveProgress } from './WaveProgress';
