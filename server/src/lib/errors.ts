import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error type the API turns into `{ error: { code, message } }`.
 * `message` is shown to users: keep it clear, in French first when it is about their input.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    readonly status: ContentfulStatusCode,
    message: string,
    options?: { cause?: unknown; details?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.details = options?.details;
  }
  readonly details: unknown;
}

export class NotFoundError extends AppError {
  constructor(what: string, id?: string) {
    super('not_found', 404, id ? `${what} introuvable : ${id}` : `${what} introuvable`);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super('invalid_request', 400, message, { details });
  }
}

export class UnsupportedMediaError extends AppError {
  constructor(message: string) {
    super('unsupported_media_type', 415, message);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super('payload_too_large', 413, message);
  }
}

export class UnprocessableError extends AppError {
  constructor(code: string, message: string) {
    super(code, 422, message);
  }
}

/**
 * A CSV import refused as a whole: the first three line errors in the message, all of them (200 at most)
 * in `details`, with their total. `outcome` says what was not done (« aucun compte n'a été créé »).
 */
export class CsvImportError extends AppError {
  static readonly MAX_LISTED = 200;
  constructor(errors: readonly { line: number; message: string }[], outcome: string) {
    const listed = errors
      .slice(0, 3)
      .map((e) => `ligne ${e.line} : ${e.message}`)
      .join(' ; ');
    super(
      'invalid_csv',
      400,
      `Import refusé, ${outcome} : ${errors.length} erreur(s). ${listed}${errors.length > 3 ? ' ; …' : ''}`,
      { details: { errors: errors.slice(0, CsvImportError.MAX_LISTED), total: errors.length } },
    );
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export function errorBody(err: AppError): ErrorBody {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details === undefined ? {} : { details: err.details }),
    },
  };
}
