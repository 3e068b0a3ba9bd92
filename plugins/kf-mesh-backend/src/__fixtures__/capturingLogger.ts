import type { LoggerService } from '@backstage/backend-plugin-api';

/** A LoggerService that keeps every message and its metadata as text. */
export function capturingLogger(
  lines: string[] = [],
): LoggerService & { lines: string[] } {
  const make = (meta: object): LoggerService => {
    const log = (level: string) => (message: string, extra?: unknown) => {
      lines.push(
        `${level} ${message} ${JSON.stringify(meta)} ${
          extra === undefined
            ? ''
            : JSON.stringify(extra, Object.getOwnPropertyNames(extra as object))
        }`,
      );
    };
    return {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      child: (m: object) => make({ ...meta, ...m }),
    };
  };
  return Object.assign(make({}), { lines });
}
