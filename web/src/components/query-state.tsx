import type { ReactNode } from 'react';
import { ErrorState, Loading } from './states';

/** What `QueryState` reads of a TanStack query result (or of several combined with `allQueries`). */
export interface QueryLike<T> {
  isPending: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/**
 * The loading → error → data ladder every page repeats: a spinner while the query is pending, the error with
 * a retry (and `back`, a way out for a 4xx), else `children` with the data.
 */
export function QueryState<T>({
  query,
  children,
  loadingLabel,
  back,
  retry = true,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
  loadingLabel?: string;
  back?: { to: string; label: string };
  /** `false` where retrying cannot help, or the page offers its own way to try again. */
  retry?: boolean;
}) {
  if (query.isPending) return <Loading label={loadingLabel} />;
  if (query.error) {
    return (
      <ErrorState error={query.error} onRetry={retry ? () => void query.refetch() : undefined} back={back} />
    );
  }
  // Neither pending nor failed: TanStack Query guarantees the data is there.
  return <>{children(query.data as T)}</>;
}

/** Several queries as one: pending while any is, failed when any failed, retried together. */
export function allQueries<const Q extends readonly QueryLike<unknown>[]>(
  ...queries: Q
): QueryLike<{ [K in keyof Q]: NonNullable<Q[K]['data']> }> {
  return {
    isPending: queries.some((q) => q.isPending),
    error: queries.find((q) => q.error)?.error ?? null,
    data: queries.map((q) => q.data) as { [K in keyof Q]: NonNullable<Q[K]['data']> },
    refetch: () => Promise.all(queries.map((q) => q.refetch())),
  };
}
