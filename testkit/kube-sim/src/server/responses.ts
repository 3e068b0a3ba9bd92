import type { ServerResponse } from 'node:http';
import type { ResourceType } from '../api/ResourceType';
import type { ApiError } from '../api/status';
import type { KubeObject } from '../store/KubeObject';
import type { Representation } from './mediaType';
import {
  toPartialObjectMetadata,
  toPartialObjectMetadataList,
} from './partialObjectMetadata';
import type { ListResult } from './ResourceService';
import { toTable } from './tableConverter';

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json',
) {
  if (res.headersSent) {
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': contentType,
    'Cache-Control': 'no-cache, private',
    ...headers,
  });
  res.end(payload);
}

export function sendStatus(res: ServerResponse, error: ApiError) {
  sendJson(res, error.status.code, error.status, error.headers);
}

export function listBody(
  type: ResourceType,
  version: string,
  result: ListResult,
  representation: Representation,
  includeObject: string | undefined,
) {
  const metadata: Record<string, unknown> = {
    resourceVersion: result.resourceVersion,
  };
  if (result.continue) metadata.continue = result.continue;
  if (result.remainingItemCount !== undefined)
    metadata.remainingItemCount = result.remainingItemCount;
  if (representation === 'PartialObjectMetadataList')
    return toPartialObjectMetadataList(result.items, metadata);
  if (representation === 'Table')
    return toTable(type, result.items, metadata, includeObject);
  return {
    apiVersion: type.group ? `${type.group}/${version}` : version,
    kind: type.listKind,
    metadata,
    items: result.items,
  };
}

export function objectBody(
  type: ResourceType,
  obj: KubeObject,
  representation: Representation,
  includeObject: string | undefined,
) {
  if (representation === 'PartialObjectMetadata')
    return toPartialObjectMetadata(obj);
  if (representation === 'Table') {
    return toTable(
      type,
      [obj],
      { resourceVersion: obj.metadata.resourceVersion },
      includeObject,
    );
  }
  return obj;
}

export function contentTypeFor(representation: Representation): string {
  return representation === 'object'
    ? 'application/json'
    : `application/json;as=${representation};g=meta.k8s.io;v=v1`;
}
