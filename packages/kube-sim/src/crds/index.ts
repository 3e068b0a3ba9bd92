export { CrdRegistry, parseApiVersion } from './CrdRegistry';
export { referenceCrdPaths } from './referenceCrdPaths';
export { profileCrd } from './profileCrd';
export { validateObjectName } from './objectMetaValidation';
export type {
  CrdResource,
  CrdVersion,
  ValidationCause,
  OpenApiSchema,
} from './types';
