/** A JSON schema fragment as found in a CRD's `openAPIV3Schema`. */
export type OpenApiSchema = { [key: string]: unknown };

/** One version of a custom resource, as declared in its CRD. */
export interface CrdVersion {
  name: string;
  served: boolean;
  storage: boolean;
  schema?: OpenApiSchema;
  hasStatusSubresource: boolean;
  /** `additionalPrinterColumns` (used for `kubectl get` tables). */
  printerColumns: PrinterColumn[];
}

/** One CRD `additionalPrinterColumns` entry. */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  format?: string;
  priority?: number;
}

/** The names and versions of one custom resource type (one CRD). */
export interface CrdResource {
  /** `metadata.name` of the CRD (`<plural>.<group>`). */
  name: string;
  /** `metadata.annotations` of the CRD (e.g. Gateway API's `gateway.networking.k8s.io/bundle-version`). */
  annotations: Record<string, string>;
  group: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  categories: string[];
  scope: 'Namespaced' | 'Cluster';
  versions: CrdVersion[];
}

/** One field-level validation failure, shaped like `Status.details.causes[]`. */
export interface ValidationCause {
  /** Kubernetes cause reason, e.g. `FieldValueNotSupported`. */
  reason: string;
  /** Message without the field prefix, e.g. `Unsupported value: "FOO": supported values: "ALLOW"`. */
  message: string;
  /** Dotted field path, e.g. `spec.rules[0].to`. */
  field: string;
}
