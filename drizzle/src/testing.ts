import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDb, type DbHandle, type DbKind } from './create-db';

/**
 * Test databases: every call gives a fresh, migrated, private database.
 * - PGlite: in memory, loaded from a migrated template dumped once per process (≈ 0.4 s).
 * - PostgreSQL: a new database on TEST_DATABASE_URL's server, dropped on close, so parallel
 *   runs never collide.
 */
let template: Promise<Blob> | undefined;

async function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const db = await createDb({ dataDir: 'memory://' });
    const blob = await db.dump();
    await db.close();
    return blob;
  })();
  return template;
}

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

// CI sets this so that PostgreSQL suites can never be skipped silently.
if (process.env.TOBEOUT_REQUIRE_POSTGRES === '1' && !testDatabaseUrl) {
  throw new Error(
    'TOBEOUT_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set: the PostgreSQL suites would be skipped.',
  );
}

/** The database kinds this run covers: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const testDbKinds: DbKind[] = testDatabaseUrl ? ['pglite', 'postgres'] : ['pglite'];

export async function createTestDb(kind: DbKind, opts: { poolSize?: number } = {}): Promise<DbHandle> {
  if (kind === 'pglite') {
    return createDb({ dataDir: 'memory://', loadDataDir: await pgliteTemplate(), migrate: false });
  }
  if (!testDatabaseUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `tobeout_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.toString(), poolSize: opts.poolSize ?? 10 });
  return {
    ...handle,
    async close() {
      await handle.close();
      const a = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
