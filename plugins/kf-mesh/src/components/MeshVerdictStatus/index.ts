export {
  MeshVerdictStatus,
  verdictLabels,
  verdictDescriptions,
} from './MeshVerdictStatus';
