/**
 * Binds a module function to a service's collaborators: `(ctx, ...args)` becomes `(...args)`. Services are
 * assembled from modules of plain functions that take their collaborators first; the factory binds them.
 */
export const bind =
  <C, A extends unknown[], R>(ctx: C, fn: (ctx: C, ...args: A) => R) =>
  (...args: A) =>
    fn(ctx, ...args);
