import fs from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { profileCrd } from './profileCrd';
import { schemaToAjv } from './schemaToAjv';
import { formatCause, toCauses } from './validationMessages';
import { validateObjectName } from './objectMetaValidation';
import { pruneUnknownFields } from './pruneUnknownFields';
import { applyDefaults } from './applyDefaults';
import { CEL_NOT_CHECKED, blocksCelRules, hasCelRules } from './celRules';
import type { CrdResource, CrdVersion, ValidationCause } from './types';

const parsedFiles = new Map<string, unknown[]>();

/** Parses a multi-document YAML file once per process (the Istio CRD file is ~1 MB). */
function readCrdDocuments(file: string): unknown[] {
  let docs = parsedFiles.get(file);
  if (!docs) {
    const text = fs.readFileSync(file, 'utf8');
    docs = parseAllDocuments(text)
      .map(doc => doc.toJS({ maxAliasCount: -1 }))
      .filter(doc => doc && typeof doc === 'object');
    parsedFiles.set(file, docs);
  }
  return docs;
}

function toResource(crd: any): CrdResource {
  const spec = crd?.spec;
  if (!spec?.group || !spec?.names?.kind || !spec?.names?.plural) {
    throw new Error(
      `Invalid CustomResourceDefinition ${JSON.stringify(
        crd?.metadata?.name,
      )}: spec.group, spec.names.kind and spec.names.plural are required`,
    );
  }
  const versions: CrdVersion[] = (spec.versions ?? []).map((v: any) => ({
    name: v.name,
    served: v.served !== false,
    storage: v.storage === true,
    schema: v.schema?.openAPIV3Schema,
    hasStatusSubresource: Boolean(v.subresources?.status),
    printerColumns: v.additionalPrinterColumns ?? [],
  }));
  return {
    name: crd?.metadata?.name ?? `${spec.names.plural}.${spec.group}`,
    annotations: { ...(crd?.metadata?.annotations ?? {}) },
    group: spec.group,
    kind: spec.names.kind,
    listKind: spec.names.listKind ?? `${spec.names.kind}List`,
    plural: spec.names.plural,
    singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
    shortNames: spec.names.shortNames ?? [],
    categories: spec.names.categories ?? [],
    scope: spec.scope === 'Cluster' ? 'Cluster' : 'Namespaced',
    versions,
  };
}

/**
 * The CRD object of a registered resource, as the API server serves it under
 * `apiextensions.k8s.io/v1` (names, scope, versions and annotations; schemas left out).
 */
export function crdObject(r: CrdResource) {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: r.name, annotations: r.annotations },
    spec: {
      group: r.group,
      names: {
        kind: r.kind,
        listKind: r.listKind,
        plural: r.plural,
        singular: r.singular,
        ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
        ...(r.categories.length ? { categories: r.categories } : {}),
      },
      scope: r.scope,
      versions: r.versions.map(v => ({
        name: v.name,
        served: v.served,
        storage: v.storage,
      })),
    },
  };
}

/** Splits `group/version` (or core `v1`) into its parts. */
export function parseApiVersion(apiVersion: string): {
  group: string;
  version: string;
} {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : {
        group: apiVersion.slice(0, slash),
        version: apiVersion.slice(slash + 1),
      };
}

/**
 * Custom resource definitions known to the simulator, with schema validation like the
 * apiserver's (structural OpenAPI v3 schema; CEL rules are not evaluated).
 * Validators are compiled lazily per (group, version, kind).
 */
export class CrdRegistry {
  private readonly byGroupKind = new Map<string, CrdResource>();
  private readonly byGroupPlural = new Map<string, CrdResource>();
  private readonly validators = new Map<string, ValidateFunction>();
  private ajv?: Ajv;

  /**
   * Reads CRDs from multi-document YAML files (non-CRD documents are ignored) and adds the
   * built-in Kubeflow `Profile` CRD unless `includeProfile` is false.
   */
  static fromFiles(
    paths: string[],
    options: { includeProfile?: boolean } = {},
  ): CrdRegistry {
    const crds: unknown[] = [];
    for (const file of paths) {
      if (!fs.existsSync(file)) {
        throw new Error(`CRD file not found: ${file}`);
      }
      crds.push(
        ...readCrdDocuments(file).filter(
          (doc: any) => doc.kind === 'CustomResourceDefinition',
        ),
      );
    }
    if (options.includeProfile !== false) crds.push(profileCrd);
    return new CrdRegistry(crds);
  }

  /** Builds a registry from CRD objects (`apiextensions.k8s.io/v1` shape). */
  constructor(crds: unknown[]) {
    for (const crd of crds) {
      const resource = toResource(crd);
      this.byGroupKind.set(`${resource.group}/${resource.kind}`, resource);
      this.byGroupPlural.set(`${resource.group}/${resource.plural}`, resource);
    }
  }

  /** A registry with only the resources whose group passes `keep` (schemas compile again lazily). */
  filter(keep: (resource: CrdResource) => boolean): CrdRegistry {
    const copy = new CrdRegistry([]);
    for (const resource of this.resources().filter(keep)) {
      copy.byGroupKind.set(`${resource.group}/${resource.kind}`, resource);
      copy.byGroupPlural.set(`${resource.group}/${resource.plural}`, resource);
    }
    return copy;
  }

  /** Every custom resource type. */
  resources(): CrdResource[] {
    return [...this.byGroupKind.values()];
  }

  /** API groups with at least one served version. */
  groups(): string[] {
    return [...new Set(this.resources().map(r => r.group))].sort();
  }

  /** Looks a resource up by group and kind. */
  byKind(group: string, kind: string): CrdResource | undefined {
    return this.byGroupKind.get(`${group}/${kind}`);
  }

  /** Looks a resource up by group and plural name (the URL segment). */
  byPlural(group: string, plural: string): CrdResource | undefined {
    return this.byGroupPlural.get(`${group}/${plural}`);
  }

  /** Served version names of a resource, storage version first. */
  servedVersions(group: string, kind: string): string[] {
    const resource = this.byKind(group, kind);
    if (!resource) return [];
    return resource.versions
      .filter(v => v.served)
      .sort((a, b) => Number(b.storage) - Number(a.storage))
      .map(v => v.name);
  }

  /**
   * Validates an object against its CRD version schema; returns apiserver-style lines such as
   * `spec.action: Unsupported value: "FOO": supported values: "ALLOW", "DENY", "AUDIT", "CUSTOM"`.
   * An empty array means valid.
   */
  validate(obj: unknown): string[] {
    return this.validateCauses(obj).map(formatCause);
  }

  /** Like {@link CrdRegistry.validate} but returns structured `Status.details.causes`. */
  validateCauses(obj: unknown): ValidationCause[] {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      return [
        {
          reason: 'FieldValueInvalid',
          field: '',
          message: 'Invalid value: object expected',
        },
      ];
    }
    const { apiVersion, kind, metadata } = obj as Record<string, any>;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
      return [
        {
          reason: 'FieldValueRequired',
          field: typeof apiVersion !== 'string' ? 'apiVersion' : 'kind',
          message: 'Required value',
        },
      ];
    }
    const { group, version } = parseApiVersion(apiVersion);
    const resource = this.byKind(group, kind);
    const crdVersion = resource?.versions.find(
      v => v.name === version && v.served,
    );
    if (!resource || !crdVersion) {
      return [
        {
          reason: 'FieldValueNotSupported',
          field: 'kind',
          message: `Unsupported value: no matches for kind ${JSON.stringify(
            kind,
          )} in version ${JSON.stringify(apiVersion)}`,
        },
      ];
    }
    const causes = validateObjectName(metadata);
    const validator = this.validatorFor(resource, crdVersion);
    if (validator && !validator(obj)) {
      const schemaCauses = toCauses(validator.errors);
      causes.push(...schemaCauses);
      // kube-sim does not evaluate CEL; the apiserver skips it after a blocking schema error and says so
      if (blocksCelRules(schemaCauses) && hasCelRules(crdVersion.schema))
        causes.push(CEL_NOT_CHECKED);
    }
    return causes;
  }

  /**
   * Drops fields the object's schema does not declare, like the apiserver's pruning, and
   * lists them (`spec.foo`) for strict field validation. Unknown kinds are returned unchanged.
   */
  prune<T extends object>(obj: T): { pruned: T; unknown: string[] } {
    const { apiVersion, kind } = obj as Record<string, any>;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string')
      return { pruned: obj, unknown: [] };
    const { group, version } = parseApiVersion(apiVersion);
    const schema = this.byKind(group, kind)?.versions.find(
      v => v.name === version,
    )?.schema;
    const result = pruneUnknownFields(schema, obj as Record<string, unknown>);
    return { pruned: result.pruned as T, unknown: result.unknown };
  }

  /**
   * Applies the schema's `default`s to absent fields, like the apiserver does on every write
   * (and read). Unknown kinds are returned unchanged. `metadata` is never defaulted.
   */
  withDefaults<T extends object>(obj: T): T {
    const { apiVersion, kind, metadata } = obj as Record<string, any>;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') return obj;
    const { group, version } = parseApiVersion(apiVersion);
    const schema = this.byKind(group, kind)?.versions.find(
      v => v.name === version,
    )?.schema;
    if (!schema) return obj;
    const defaulted = applyDefaults(schema, obj) as Record<string, unknown>;
    if (metadata !== undefined) defaulted.metadata = metadata;
    return defaulted as T;
  }

  private validatorFor(
    resource: CrdResource,
    version: CrdVersion,
  ): ValidateFunction | undefined {
    if (!version.schema) return undefined;
    const key = `${resource.group}/${version.name}/${resource.kind}`;
    let validator = this.validators.get(key);
    if (!validator) {
      validator = this.getAjv().compile(schemaToAjv(version.schema) as object);
      this.validators.set(key, validator);
    }
    return validator;
  }

  private getAjv(): Ajv {
    if (!this.ajv) {
      const ajv = new Ajv({
        allErrors: true,
        strict: false,
        verbose: true,
        unicodeRegExp: false,
        logger: false,
      });
      addFormats(ajv);
      ajv.addKeyword({
        keyword: 'x-kubernetes-int-or-string',
        errors: false,
        validate: (enabled: boolean, data: unknown) =>
          !enabled ||
          typeof data === 'string' ||
          (typeof data === 'number' && Number.isInteger(data)),
      });
      this.ajv = ajv;
    }
    return this.ajv;
  }
}
