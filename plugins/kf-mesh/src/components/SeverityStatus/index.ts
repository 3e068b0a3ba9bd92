export { SeverityStatus, severityLabels } from './SeverityStatus';
