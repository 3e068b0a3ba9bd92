export * from '../model/types';
export { analyzeNamespace, summarize } from './analyzeNamespace';
export { FINDINGS } from './findingsCatalog';
export type { FindingCode, FindingDefinition } from './findingsCatalog';
