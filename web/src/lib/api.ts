/**
 * The typed API client. Request and response types come from the server's `AppType` (zod schemas are the
 * single source of API types): nothing here restates a response shape by hand.
 */
import { type ClientResponse, hc, type InferResponseType } from 'hono/client';
import type { AppType } from '../../../server/src/app';

/** `hc` client rooted at the API: `api.exams[':id'].$get(...)`. Relative, same origin. */
export const api = hc<AppType>('/').api;

export type Referential = InferResponseType<typeof api.referential.$get, 200>;
export type Bloc = Referential['blocs'][number];
export type Competency = Bloc['activities'][number]['competencies'][number];
export type ExamSummary = InferResponseType<typeof api.exams.$get, 200>[number];
export type Exam = InferResponseType<(typeof api.exams)[':id']['$get'], 200>;
export type Modalities = ExamSummary['modalities'];
export type Dossier = InferResponseType<typeof api.dossiers.$post, 201>;
export type DossierVersion = Dossier['versions'][number];
export type DossierSummary = InferResponseType<typeof api.dossiers.$get, 200>[number];
export type DossierText = InferResponseType<
  (typeof api.dossiers)[':id']['versions'][':v']['text']['$get'],
  200
>;
export type DossierReview = InferResponseType<(typeof api.dossiers)[':id']['reviews']['$get'], 200>[number];
export type ReviewRequested = InferResponseType<
  (typeof api.dossiers)[':id']['versions'][':v']['reviews']['$post'],
  202
>;
export type Review = InferResponseType<(typeof api.reviews)[':id']['$get'], 200>;
export type ReviewStatus = Review['status'];
export type ReviewProgress = Review['progress'];
export type GapReport = NonNullable<Review['report']>;
export type CriterionResult = GapReport['criteria'][number];
export type Flag = GapReport['flags'][number];
export type ReviewRubric = InferResponseType<(typeof api.reviews)[':id']['rubric']['$get'], 200>;
export type RubricLevels = ReviewRubric['criteria'][number];
export type Readiness = GapReport['overall']['ready'];
export type Me = NonNullable<InferResponseType<typeof api.me.$get, 200>>;
export type Role = Me['role'];

/** An error answered by the API (`{ error: { code, message } }`), or a transport failure (`status: 0`). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function isErrorBody(body: unknown): body is { error: { code: string; message: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error && 'code' in error;
}

/** Builds an ApiError from a parsed body (may be anything) and a status. */
export function apiErrorFrom(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) return new ApiError(status, String(body.error.code), String(body.error.message));
  // No message: the UI shows a generic, translated one.
  return new ApiError(status, `http_${status}`, '');
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's HTML error page, say): keep the status only.
  }
  return apiErrorFrom(res.status, body);
}

type SuccessBody<R> = R extends ClientResponse<infer T, infer _S, 'json'> ? T : never;

/** Awaits an `hc` call and returns its typed JSON body, or throws an ApiError with the server's message. */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
): Promise<SuccessBody<R>> {
  let res: R;
  try {
    res = await request;
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (!res.ok) throw await errorOf(res as unknown as Response);
  return (await res.json()) as SuccessBody<R>;
}

/** Awaits an `hc` call that answers without a body (204). */
export async function expectOk(request: Promise<ClientResponse<unknown, number, string>>): Promise<void> {
  let res: ClientResponse<unknown, number, string>;
  try {
    res = await request;
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (!res.ok) throw await errorOf(res as unknown as Response);
}

/** Client errors (4xx) are not worth retrying automatically: the answer will not change. */
export function isClientError(err: unknown): boolean {
  return err instanceof ApiError && err.status >= 400 && err.status < 500;
}
