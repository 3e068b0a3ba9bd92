import type { ValidationCause } from '../crds/types';
import { qualifiedResource } from './ResourceType';

/** A `meta.k8s.io/v1` `Status` object as the apiserver returns it on failure. */
export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: ValidationCause[];
    retryAfterSeconds?: number;
  };
  code: number;
}

/** An error carrying the `Status` body and HTTP code to answer with. */
export class ApiError extends Error {
  constructor(
    readonly status: StatusBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(status.message);
    this.name = 'ApiError';
  }
}

/** Builds a failure `Status`. */
export function statusBody(
  code: number,
  reason: string,
  message: string,
  details?: StatusBody['details'],
): StatusBody {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

type TypeRef = { group: string; plural: string };

/** `details` of an object error; the core group is omitted, as the apiserver's `omitempty` does. */
const objectDetails = (name: string, group: string, kind: string) => ({
  name,
  ...(group ? { group } : {}),
  kind,
});

const fail = (
  code: number,
  reason: string,
  message: string,
  details?: StatusBody['details'],
  headers?: Record<string, string>,
) => new ApiError(statusBody(code, reason, message, details), headers);

/** Factories for the apiserver's error responses. */
export const errors = {
  notFound: (type: TypeRef, name: string) =>
    fail(
      404,
      'NotFound',
      `${qualifiedResource(type)} "${name}" not found`,
      objectDetails(name, type.group, type.plural),
    ),
  pathNotFound: () =>
    fail(
      404,
      'NotFound',
      'the server could not find the requested resource',
      {},
    ),
  alreadyExists: (type: TypeRef, name: string) =>
    fail(
      409,
      'AlreadyExists',
      `${qualifiedResource(type)} "${name}" already exists`,
      objectDetails(name, type.group, type.plural),
    ),
  conflict: (type: TypeRef, name: string) =>
    fail(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedResource(
        type,
      )} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      objectDetails(name, type.group, type.plural),
    ),
  invalid: (
    type: { group: string; kind: string },
    name: string,
    causes: ValidationCause[],
  ) => {
    const lines = causes.map(c =>
      c.field ? `${c.field}: ${c.message}` : c.message,
    );
    const what = type.group ? `${type.kind}.${type.group}` : type.kind;
    return fail(
      422,
      'Invalid',
      `${what} "${name}" is invalid: ${
        lines.length === 1 ? lines[0] : `[${lines.join(', ')}]`
      }`,
      { ...objectDetails(name, type.group, type.kind), causes },
    );
  },
  badRequest: (message: string) => fail(400, 'BadRequest', message),
  unauthorized: () => fail(401, 'Unauthorized', 'Unauthorized'),
  forbidden: (message: string, details: StatusBody['details']) =>
    fail(403, 'Forbidden', message, details),
  methodNotAllowed: (
    message = 'the server does not allow this method on the requested resource',
  ) => fail(405, 'MethodNotAllowed', message, {}),
  notAcceptable: (message: string) => fail(406, 'NotAcceptable', message),
  unsupportedMediaType: (accepted: string[]) =>
    fail(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: ${accepted.join(
        ', ',
      )}`,
      {},
    ),
  expiredContinue: () =>
    fail(
      410,
      'Expired',
      'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
    ),
  tooOldResourceVersion: (requested: string, oldest: number) =>
    fail(410, 'Expired', `too old resource version: ${requested} (${oldest})`),
  tooManyRequests: (retryAfterSeconds: number) =>
    fail(
      429,
      'TooManyRequests',
      'Too many requests, please try again later.',
      { retryAfterSeconds },
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  server: (code: number, message?: string) => {
    const reasons: Record<number, string> = {
      500: 'InternalError',
      502: 'InternalError',
      503: 'ServiceUnavailable',
      504: 'Timeout',
    };
    return fail(
      code,
      reasons[code] ?? 'InternalError',
      message ?? `simulated ${code} from kube-sim`,
    );
  },
};
