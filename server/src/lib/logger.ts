import { pino } from 'pino';
import type { Config } from './env';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Dossier text, keys and passwords must never reach them: the redact paths
 * below are a second line of defence, not the first (callers log ids and counts, not content).
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: undefined,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          '*.password',
          '*.apiKey',
          '*.text',
          '*.content',
          'config.openai.apiKey',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
