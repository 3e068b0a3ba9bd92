export { MtlsExplanation } from './MtlsExplanation';
