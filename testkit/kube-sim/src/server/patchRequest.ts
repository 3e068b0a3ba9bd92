import { parse as parseYaml } from 'yaml';
import { ApiError, errors } from '../api/status';
import { jsonPatch, mergePatch, serverSideApply } from './patches';
import { strategicMergePatch } from './strategicMergePatch';

/** Patch media types the apiserver accepts (strategic merge only for built-in types). */
export type PatchMedia =
  | 'application/json-patch+json'
  | 'application/merge-patch+json'
  | 'application/strategic-merge-patch+json'
  | 'application/apply-patch+yaml';

/** A decoded PATCH request body. */
export interface PatchRequest {
  media: PatchMedia;
  body: unknown;
}

/**
 * Checks the Content-Type against what the resource supports (415 otherwise) and decodes the
 * body (JSON, or YAML for server-side apply; 400 when it cannot be decoded).
 */
export function decodePatch(
  contentType: string,
  rawBody: string,
  custom: boolean,
): PatchRequest {
  const media = contentType.split(';')[0].trim().toLowerCase();
  const accepted: PatchMedia[] = [
    'application/json-patch+json',
    'application/merge-patch+json',
    ...(custom
      ? []
      : (['application/strategic-merge-patch+json'] as PatchMedia[])),
    'application/apply-patch+yaml',
  ];
  if (!accepted.includes(media as PatchMedia))
    throw errors.unsupportedMediaType(accepted);
  try {
    const body =
      media === 'application/apply-patch+yaml'
        ? parseYaml(rawBody)
        : JSON.parse(rawBody);
    return { media: media as PatchMedia, body };
  } catch (e) {
    throw errors.badRequest(`error decoding patch: ${(e as Error).message}`);
  }
}

/** Applies a decoded patch to the live object; a patch that cannot apply is 422 Invalid. */
export function applyPatchRequest(live: unknown, patch: PatchRequest): unknown {
  try {
    switch (patch.media) {
      case 'application/json-patch+json':
        return jsonPatch(live, patch.body);
      case 'application/merge-patch+json':
        return mergePatch(live, patch.body);
      case 'application/strategic-merge-patch+json':
        return strategicMergePatch(live, patch.body);
      default:
        return serverSideApply(live, patch.body);
    }
  } catch (e) {
    throw new ApiError({
      ...errors.badRequest((e as Error).message).status,
      code: 422,
      reason: 'Invalid',
    });
  }
}
