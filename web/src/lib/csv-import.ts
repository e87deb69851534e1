/**
 * CSV imports (a roster, human scores): the one hand-written call shape, a raw `text/csv` body POSTed to
 * the path `hc` builds, since `hc` sends JSON or forms only. A refusal may list each bad line.
 */
import { ApiError, apiErrorFrom } from './api';

/** A row-level problem of a refused CSV, as the server lists them in `error.details.errors`. */
export interface CsvRowError {
  line: number;
  message: string;
}

/** A refused import: the server's message and each bad line (`total` counts those not listed too). */
export class CsvImportError extends ApiError {
  constructor(
    base: ApiError,
    readonly rows: CsvRowError[],
    readonly total: number,
  ) {
    super(base.status, base.code, base.message);
  }
}

/** Sends `file` as it is to `path` and returns the JSON answer; throws CsvImportError when lines are refused. */
export async function postCsv<T>(path: string, file: Blob): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      body: file,
      headers: { 'content-type': 'text/csv' },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const details = (body as { error?: { details?: { errors?: CsvRowError[]; total?: number } } } | null)
      ?.error?.details;
    const base = apiErrorFrom(res.status, body);
    if (details?.errors)
      throw new CsvImportError(base, details.errors, details.total ?? details.errors.length);
    throw base;
  }
  return body as T;
}
