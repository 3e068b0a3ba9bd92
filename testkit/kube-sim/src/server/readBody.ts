import type { IncomingMessage } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError, statusBody } from '../api/status';

const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Reads the raw request body (max 3 MiB, like the apiserver's default limit). */
export async function readRawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new ApiError(
        statusBody(
          413,
          'RequestEntityTooLarge',
          'Request entity too large: limit is 3145728',
        ),
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Decodes a JSON (or YAML, by content type) object body. */
export function decodeBody(
  raw: string,
  contentType: string | undefined,
): unknown {
  const media = (contentType ?? 'application/json')
    .split(';')[0]
    .trim()
    .toLowerCase();
  try {
    if (media === 'application/yaml' || media === 'application/x-yaml')
      return parseYaml(raw);
    return JSON.parse(raw);
  } catch (e) {
    throw new ApiError(
      statusBody(
        400,
        'BadRequest',
        `the request body could not be decoded: ${
          (e as Error).message.split('\n')[0]
        }`,
      ),
    );
  }
}
