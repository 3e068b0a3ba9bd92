export {
  ReadinessStatus,
  readinessLabels,
  blockerLines,
} from './ReadinessStatus';
