export { CrdRegistry, parseApiVersion } from './CrdRegistry';
export { kfMeshRepoRoot, upstreamCrdPaths } from './upstreamCrdPaths';
export { profileCrd } from './profileCrd';
export { validateObjectName } from './objectMetaValidation';
export type {
  CrdResource,
  CrdVersion,
  ValidationCause,
  OpenApiSchema,
} from './types';
