import { LoggerService } from '@backstage/backend-plugin-api';

/** A LoggerService that keeps every line (message, metadata and errors) for assertions. */
export function capturingLogger() {
  const lines: string[] = [];
  const make = (fields: object): LoggerService => {
    const log =
      (level: string) =>
      (message: string, meta?: Error | object): void => {
        const extra =
          meta instanceof Error
            ? `${meta.message} ${meta.stack}`
            : JSON.stringify(meta ?? {});
        lines.push(`${level} ${message} ${JSON.stringify(fields)} ${extra}`);
      };
    return {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      child: (meta: object) => make({ ...fields, ...meta }),
    };
  };
  return { logger: make({}), lines };
}
