import type { DbKind } from '@tobeout/db';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type TestServer } from './harness';

/**
 * The suite's own server (call it in a describe block): started before its tests, closed after
 * them. What it returns reads through to that server once it runs (`server.url`, `server.app`).
 */
export function serverForSuite(kind: DbKind, opts: Parameters<typeof startServer>[1] = {}): TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(kind, opts);
  });
  afterAll(() => server?.close());
  return new Proxy({} as TestServer, {
    get(_, key) {
      if (!server) throw new Error('The suite server starts in beforeAll: use it in tests and hooks.');
      return Reflect.get(server, key);
    },
  });
}
