import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTestDatabase } from '../../../db/client';
import { type StubServerOptions, startStubServer } from '../lib/llm/testing/stub-server';
import { createTestApp } from '../testing';

/**
 * Starts `start()` once before the tests of the enclosing file (or `describe` block) and closes it after them.
 * Returns a stand-in that forwards to what was started, so a file reads `t.app` as it would a variable set in
 * its own `beforeAll`. Read it inside tests and hooks only: before the hook has run it throws, rather than
 * handing out `undefined`. Later `beforeAll` hooks of the same block run after this one and may use it.
 */
export function startedForTests<T extends { close(): Promise<void> }>(start: () => Promise<T>): T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (!started) throw new Error(`read before its beforeAll hook ran (${String(key)})`);
      const value = Reflect.get(started, key, started);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}

/** A test app (see `createTestApp`) shared by the tests of the enclosing file or block. */
export const appForTests = (options?: Parameters<typeof createTestApp>[0]) =>
  startedForTests(() => createTestApp(options));

/** A fresh migrated in-memory database shared by the tests of the enclosing file or block. */
export const databaseForTests = () => startedForTests(createTestDatabase);

/**
 * The OpenAI-compatible stub server, shared by the tests of the enclosing file or block and reset to its
 * `options` (no recorded requests, faults, latency or quirks left by an earlier test) before each test.
 */
export function stubServerForTests(options?: StubServerOptions) {
  const stub = startedForTests(() => startStubServer(options));
  beforeEach(() => {
    stub.reset();
  });
  return stub;
}
