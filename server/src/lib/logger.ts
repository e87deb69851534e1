import { pino } from 'pino';
import type { Config } from './env';

export type Logger = pino.Logger;

/**
 * An error message without the values it may carry: drizzle's « Failed query: … params: … » lists the
 * query's parameters (a coach answer quoting the dossier, an e-mail…), so everything from `params:` on
 * goes. The SQL text itself is parameterised and stays.
 */
export function scrubMessage(message: string): string {
  const cut = message.search(/\n?\s*params:/);
  return cut >= 0 ? `${message.slice(0, cut)} [params redacted]` : message;
}

/**
 * How errors reach the log, whatever their origin: type, code, scrubbed message, stack frames (not the
 * message repeated at the top of the stack) and the same for the cause. Never the driver's extra fields
 * (`parameters`, `query`, `detail`, `where`…), which hold request values and dossier text.
 */
export function serializeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const code = (err as { code?: unknown }).code;
  // A database error (SQLSTATE code) quotes the offending value: `invalid input syntax for type integer: "…"`.
  const sqlState = typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
  const message = scrubMessage(err.message);
  const out: Record<string, unknown> = {
    type: err.name,
    message: sqlState ? message.replace(/"[^"]*"/g, '"[redacted]"') : message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: (err.stack ?? '')
      .split('\n')
      .filter((line) => line.startsWith('    at '))
      .join('\n'),
  };
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

/**
 * Structured JSON logs. Dossier text, request bodies, query strings, keys and passwords must never reach
 * them: callers log ids and counts, the request line logs the path without its query string, errors go
 * through `serializeError`, and the redact paths below are a last line of defence.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: undefined,
      serializers: { err: serializeError, error: serializeError },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          '*.password',
          '*.apiKey',
          '*.text',
          '*.content',
          'parameters',
          'params',
          'query',
          'body',
          '*.parameters',
          '*.params',
          '*.query',
          '*.body',
          'config.openai.apiKey',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
