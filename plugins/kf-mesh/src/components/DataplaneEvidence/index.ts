export { DataplaneEvidence } from './DataplaneEvidence';
