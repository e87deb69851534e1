/**
 * What `promise` rejects with, checked to be a `type`: tests then assert on its fields (`code`, `status`,
 * `kind`…). Fails the test if the promise resolves or rejects with anything else (that error is rethrown).
 */
export async function rejectionOf<E extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof type) return err;
    throw err;
  }
  throw new Error(`expected a ${type.name}`);
}
