export { CrdRegistry, parseApiVersion } from './CrdRegistry';
export { referenceCrdPaths, sharedReferenceDir } from './referenceCrdPaths';
export { profileCrd } from './profileCrd';
export { validateObjectName } from './objectMetaValidation';
export type {
  CrdResource,
  CrdVersion,
  ValidationCause,
  OpenApiSchema,
} from './types';
