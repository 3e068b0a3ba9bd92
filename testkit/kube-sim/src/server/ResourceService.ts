import { randomInt } from 'node:crypto';
import type { ResourceType } from '../api/ResourceType';
import { apiVersionOf } from '../api/ResourceType';
import type { TypeCatalog } from '../api/TypeCatalog';
import { errors } from '../api/status';
import type { CrdRegistry } from '../crds/CrdRegistry';
import { validateObjectName } from '../crds/objectMetaValidation';
import type { ValidationCause } from '../crds/types';
import type { KubeObject } from '../store/KubeObject';
import type { ObjectStore } from '../store/ObjectStore';
import { matchesFields, parseFieldSelector } from '../store/fieldSelector';
import { matchesLabels, parseLabelSelector } from '../store/labelSelector';
import { decodeContinue, encodeContinue } from './continueToken';
import { applyPatchRequest, decodePatch } from './patchRequest';
import { ServiceIpAllocator } from './ServiceIpAllocator';
import {
  clusterIpCauses,
  clusterIpUpdateCauses,
  normalizeService,
  serviceSpecCauses,
} from './serviceSpec';

/** Query of a list (or watch) request. */
export interface ListQuery {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

/** A page of a list. */
export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/** Options shared by writes. */
export interface WriteOptions {
  dryRun?: boolean;
  /** `Strict` rejects unknown fields (400), `Warn` prunes and warns, `Ignore` prunes silently. */
  fieldValidation?: 'Strict' | 'Warn' | 'Ignore';
  subresource?: string;
  /** Warnings collected for the `Warning` response header. */
  warnings?: string[];
}

const NAME_CHARS = 'bcdfghjklmnpqrstvwxz2456789';
const isCoreService = (type: ResourceType) =>
  type.group === '' && type.plural === 'services';
const isObject = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A compiled list filter from label and field selectors. */
export function objectFilter(
  type: ResourceType,
  query: ListQuery,
): ((o: KubeObject) => boolean) | undefined {
  try {
    const labels = parseLabelSelector(query.labelSelector);
    const fields = parseFieldSelector(
      query.fieldSelector,
      `${type.group}/${type.plural}`,
    );
    if (labels.length === 0 && fields.length === 0) return undefined;
    return o =>
      matchesLabels(labels, o.metadata.labels) && matchesFields(fields, o);
  } catch (e) {
    throw errors.badRequest((e as Error).message);
  }
}

/** Returns the object as seen at `version` of its group (same schema for all served versions). */
export function atVersion(
  obj: KubeObject,
  type: ResourceType,
  version: string,
): KubeObject {
  const apiVersion = apiVersionOf(type.group, version);
  return obj.apiVersion === apiVersion ? obj : { ...obj, apiVersion };
}

/**
 * The apiserver's resource semantics on top of the store: validation, status subresource,
 * patches, paging with expiring continue tokens. HTTP-agnostic; used by the HTTP layer and
 * by the simulator's direct test API.
 */
export class ResourceService {
  private readonly serviceIps: ServiceIpAllocator;

  constructor(
    private readonly store: ObjectStore,
    private readonly catalog: TypeCatalog,
    private readonly crds: CrdRegistry,
    private readonly options: { continueTtlMs: number },
  ) {
    this.serviceIps = new ServiceIpAllocator(
      store,
      catalog.forPlural('', 'services')!,
    );
  }

  private namespaceType(): ResourceType {
    return this.catalog.forPlural('', 'namespaces')!;
  }

  get(
    type: ResourceType,
    version: string,
    namespace: string | undefined,
    name: string,
  ): KubeObject {
    const obj = this.store.get(type, namespace, name);
    if (!obj) throw errors.notFound(type, name);
    return atVersion(obj, type, version);
  }

  list(type: ResourceType, version: string, query: ListQuery): ListResult {
    const filter = objectFilter(type, query);
    let after: string | undefined;
    let snapshotRv = this.store.currentRv();
    if (query.continue) {
      let position;
      try {
        position = decodeContinue(query.continue);
      } catch (e) {
        throw errors.badRequest((e as Error).message);
      }
      if (
        Date.now() - position.issuedAt > this.options.continueTtlMs ||
        position.rv < this.store.history.oldestWatchableRv()
      ) {
        throw errors.expiredContinue();
      }
      after = position.start;
      snapshotRv = position.rv;
    }
    const page = this.store.scan(type, {
      namespace: type.namespaced ? query.namespace : undefined,
      after,
      limit: query.limit,
      filter,
    });
    const result: ListResult = {
      items: page.items.map(o => atVersion(o, type, version)),
      resourceVersion: String(snapshotRv),
    };
    if (page.more && page.lastKey !== undefined) {
      result.continue = encodeContinue({
        rv: snapshotRv,
        start: page.lastKey,
        issuedAt: Date.now(),
      });
      if (!filter) result.remainingItemCount = page.remaining;
    }
    return result;
  }

  /** Validates and normalises an incoming object for `type` at `version` in `namespace`. */
  private admit(
    type: ResourceType,
    version: string,
    namespace: string | undefined,
    body: unknown,
    options: WriteOptions,
  ): KubeObject {
    if (!isObject(body))
      throw errors.badRequest('the request body must be a JSON or YAML object');
    const expectedApiVersion = apiVersionOf(type.group, version);
    if (
      body.apiVersion !== undefined &&
      body.apiVersion !== expectedApiVersion
    ) {
      throw errors.badRequest(
        `the API version in the data (${body.apiVersion}) does not match the expected API version (${expectedApiVersion})`,
      );
    }
    if (body.kind !== undefined && body.kind !== type.kind) {
      throw errors.badRequest(
        `the kind in the data (${body.kind}) does not match the expected kind (${type.kind})`,
      );
    }
    const metadata = isObject(body.metadata) ? { ...body.metadata } : {};
    if (type.namespaced) {
      if (
        metadata.namespace !== undefined &&
        metadata.namespace !== '' &&
        namespace !== undefined &&
        metadata.namespace !== namespace
      ) {
        throw errors.badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      metadata.namespace = namespace ?? metadata.namespace;
      if (!metadata.namespace)
        throw errors.badRequest(
          'an empty namespace may not be set during creation',
        );
    } else delete metadata.namespace;
    let obj: KubeObject = {
      ...body,
      apiVersion: expectedApiVersion,
      kind: type.kind,
      metadata,
    } as KubeObject;
    if (type.custom) {
      const { pruned, unknown } = this.crds.prune(obj);
      if (unknown.length > 0) {
        if (options.fieldValidation === 'Strict') {
          throw errors.badRequest(
            `${type.kind} in version "${version}" cannot be handled as a ${
              type.kind
            }: strict decoding error: ${unknown
              .map(f => `unknown field "${f}"`)
              .join(', ')}`,
          );
        }
        if (options.fieldValidation !== 'Ignore')
          options.warnings?.push(...unknown.map(f => `unknown field "${f}"`));
      }
      obj = this.crds.withDefaults(pruned);
    }
    return obj;
  }

  private validate(type: ResourceType, obj: KubeObject): void {
    const causes: ValidationCause[] = type.custom
      ? this.crds.validateCauses(obj)
      : validateObjectName(obj.metadata, type.nameRule);
    if (isCoreService(type)) causes.push(...serviceSpecCauses(obj));
    if (causes.length > 0)
      throw errors.invalid(type, String(obj.metadata.name ?? ''), causes);
  }

  /**
   * A Service's ClusterIP steps, in the apiserver's order (each stops the write with 422): defaults, the
   * clusterIP/clusterIPs syntax, immutability on update, then the address is allocated or checked against the
   * range and the other Services. Other types pass through unchanged.
   */
  private prepareService(
    type: ResourceType,
    obj: KubeObject,
    old: KubeObject | undefined,
    dryRun?: boolean,
  ): KubeObject {
    if (!isCoreService(type)) return obj;
    const next = normalizeService(obj, old);
    const stopOn = (causes: ValidationCause[]) => {
      if (causes.length > 0)
        throw errors.invalid(type, String(next.metadata.name ?? ''), causes);
    };
    stopOn(clusterIpCauses(next));
    if (old) stopOn(clusterIpUpdateCauses(next, old));
    stopOn(this.serviceIps.allocate(next, dryRun));
    return next;
  }

  /**
   * The checks an API write of `obj` gets (replacing `old`, if any), for the simulator's direct writes: custom
   * resources against their schema, Services by the apiserver's Service rules. Returns the object to store.
   */
  admitDirect(
    type: ResourceType,
    obj: KubeObject,
    old: KubeObject | undefined,
  ): KubeObject {
    if (!type.custom && !isCoreService(type)) return obj;
    const next = this.prepareService(type, obj, old);
    this.validate(type, next);
    return next;
  }

  private requireNamespace(
    type: ResourceType,
    namespace: string | undefined,
  ): void {
    if (
      type.namespaced &&
      namespace &&
      !this.store.get(this.namespaceType(), undefined, namespace)
    ) {
      throw errors.notFound(this.namespaceType(), namespace);
    }
  }

  create(
    type: ResourceType,
    version: string,
    namespace: string | undefined,
    body: unknown,
    options: WriteOptions = {},
  ): KubeObject {
    let obj = this.admit(type, version, namespace, body, options);
    if (!obj.metadata.name && typeof obj.metadata.generateName === 'string') {
      let suffix = '';
      for (let i = 0; i < 5; i++)
        suffix += NAME_CHARS[randomInt(NAME_CHARS.length)];
      obj.metadata.name = `${obj.metadata.generateName}${suffix}`;
    }
    delete obj.metadata.resourceVersion;
    delete obj.metadata.creationTimestamp;
    delete obj.metadata.uid;
    if (type.statusSubresource && type.plural !== 'namespaces') {
      if (type.plural === 'pods') obj.status = { phase: 'Pending' };
      else delete obj.status;
    }
    obj = this.prepareService(type, obj, undefined, options.dryRun);
    this.validate(type, obj);
    this.requireNamespace(type, obj.metadata.namespace);
    if (options.dryRun) {
      if (this.store.get(type, obj.metadata.namespace, obj.metadata.name!))
        throw errors.alreadyExists(type, obj.metadata.name!);
      return obj;
    }
    return atVersion(this.store.create(type, obj), type, version);
  }

  update(
    type: ResourceType,
    version: string,
    namespace: string | undefined,
    name: string,
    body: unknown,
    options: WriteOptions = {},
  ): KubeObject {
    const obj = this.admit(type, version, namespace, body, options);
    if (obj.metadata.name !== undefined && obj.metadata.name !== name) {
      throw errors.badRequest(
        `the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`,
      );
    }
    obj.metadata.name = name;
    const old = this.store.get(type, namespace, name);
    if (!old) throw errors.notFound(type, name);
    const expectedRv = obj.metadata.resourceVersion;
    if (type.custom && !expectedRv) {
      throw errors.invalid(type, name, [
        {
          reason: 'FieldValueInvalid',
          field: 'metadata.resourceVersion',
          message: 'Invalid value: 0x0: must be specified for an update',
        },
      ]);
    }
    return this.write(type, version, old, obj, expectedRv, options);
  }

  /** Applies the status-subresource rules and stores the new object. */
  private write(
    type: ResourceType,
    version: string,
    old: KubeObject,
    next: KubeObject,
    expectedRv: string | undefined,
    options: WriteOptions,
  ): KubeObject {
    let obj = next;
    if (options.subresource === 'status') {
      obj = { ...old, status: next.status, metadata: { ...old.metadata } };
    } else if (type.statusSubresource && type.plural !== 'namespaces') {
      obj = { ...next };
      if (old.status !== undefined) obj.status = old.status;
      else delete obj.status;
    }
    if (expectedRv && expectedRv !== old.metadata.resourceVersion)
      throw errors.conflict(type, old.metadata.name!);
    obj = this.prepareService(type, obj, old, options.dryRun);
    this.validate(type, {
      ...obj,
      apiVersion: apiVersionOf(type.group, version),
    });
    if (options.dryRun)
      return {
        ...obj,
        metadata: {
          ...obj.metadata,
          resourceVersion: old.metadata.resourceVersion,
        },
      };
    return atVersion(this.store.update(type, obj, expectedRv), type, version);
  }

  patch(
    type: ResourceType,
    version: string,
    namespace: string | undefined,
    name: string,
    contentType: string,
    rawBody: string,
    options: WriteOptions & { fieldManager?: string; force?: boolean } = {},
  ): KubeObject {
    const patch = decodePatch(contentType, rawBody, type.custom);
    const patchBody = patch.body;
    const current = this.store.get(type, namespace, name);
    if (patch.media === 'application/apply-patch+yaml') {
      if (!options.fieldManager) {
        throw errors.badRequest(
          'PATCH, application/apply-patch+yaml requires fieldManager to be set',
        );
      }
      if (!current) {
        if (!isObject(patchBody))
          throw errors.badRequest(
            'the applied configuration must be an object',
          );
        return this.create(
          type,
          version,
          namespace,
          { ...patchBody, metadata: { ...patchBody.metadata, name } },
          options,
        );
      }
    }
    if (!current) throw errors.notFound(type, name);
    const patched = applyPatchRequest(atVersion(current, type, version), patch);
    const obj = this.admit(type, version, namespace, patched, options);
    obj.metadata.name = name;
    const requested =
      isObject(patchBody) && isObject(patchBody.metadata)
        ? patchBody.metadata.resourceVersion
        : undefined;
    return this.write(
      type,
      version,
      current,
      obj,
      typeof requested === 'string' ? requested : undefined,
      options,
    );
  }

  delete(
    type: ResourceType,
    version: string,
    namespace: string | undefined,
    name: string,
    options: WriteOptions = {},
  ): KubeObject {
    const current = this.store.get(type, namespace, name);
    if (!current) throw errors.notFound(type, name);
    if (options.dryRun) return atVersion(current, type, version);
    if (type.plural === 'namespaces' && type.group === '') {
      this.store.deleteNamespaceContents(this.catalog.all(), name);
    }
    return atVersion(this.store.delete(type, namespace, name), type, version);
  }

  deleteCollection(
    type: ResourceType,
    version: string,
    query: ListQuery,
    options: WriteOptions = {},
  ): KubeObject[] {
    const items = this.list(type, version, {
      ...query,
      limit: undefined,
      continue: undefined,
    }).items;
    return items.map(o =>
      this.delete(
        type,
        version,
        o.metadata.namespace,
        o.metadata.name!,
        options,
      ),
    );
  }
}
