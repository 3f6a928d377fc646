import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from '../schema/index';
import { lockDataDir } from './lock';
import { queryRows } from './rows';
import type { Database } from './types';

export type DbKind = 'pglite' | 'postgres';

export type CreateDbOptions = {
  /** PostgreSQL connection string; unset → embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite data folder (default `./.data`). Ignored with a databaseUrl. */
  dataDir?: string | undefined;
  /** A PGlite data dump to start from (tests load a migrated template this way). */
  loadDataDir?: Blob | undefined;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number | undefined;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean | undefined;
};

export type MigrationLevel = { applied: number; latest: string | null; pending: number };

export interface DbHandle {
  readonly kind: DbKind;
  readonly db: Database;
  /**
   * Subscribe to a NOTIFY channel; returns the unsubscribe function. `onReconnect` runs when the
   * listening connection was lost and is back: notifications sent meanwhile never arrive.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>>;
  /** NOTIFY outside any transaction (delivered at once). */
  notify(channel: string, payload: string): Promise<void>;
  migrate(): Promise<void>;
  migrationLevel(): Promise<MigrationLevel>;
  /** PGlite only: a dump of the data folder (test templates). */
  dump(): Promise<Blob>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

type JournalEntry = { idx: number; tag: string };
function journal(): JournalEntry[] {
  const raw = readFileSync(resolve(migrationsFolder, 'meta/_journal.json'), 'utf8');
  return (JSON.parse(raw) as { entries: JournalEntry[] }).entries;
}

async function readMigrationLevel(db: Database): Promise<MigrationLevel> {
  const entries = journal();
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select case when to_regclass('drizzle.__drizzle_migrations') is null then 0
        else (select count(*)::int from drizzle.__drizzle_migrations) end as n`,
  );
  const applied = Number(row?.n ?? 0);
  return {
    applied,
    latest: applied > 0 ? (entries[applied - 1]?.tag ?? null) : null,
    pending: Math.max(0, entries.length - applied),
  };
}

/**
 * Opens the database: PostgreSQL through postgres.js when `databaseUrl` is set, embedded PGlite
 * in a locked data folder otherwise. Same schema, same migrations, same drizzle API.
 */
export async function createDb(opts: CreateDbOptions = {}): Promise<DbHandle> {
  const handle = opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : await openPglite(opts);
  if (opts.migrate ?? true) {
    try {
      await handle.migrate();
    } catch (err) {
      await handle.close();
      throw err;
    }
  }
  return handle;
}

/** The advisory lock key migrations hold (any constant of our own). */
const MIGRATION_LOCK = 7_400_000_042;

function openPostgres(url: string, opts: CreateDbOptions): DbHandle {
  const client = postgres(url, {
    max: opts.poolSize ?? 10,
    onnotice: () => {},
    // A stuck query or an abandoned transaction cannot hold a pooled connection forever.
    connection: {
      statement_timeout: 15_000,
      idle_in_transaction_session_timeout: 30_000,
      application_name: 'tobeout',
      // OLTP: short indexed queries, where starting parallel workers costs more than it saves.
      max_parallel_workers_per_gather: 0,
    },
  });
  const db = drizzlePostgres({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    kind: 'postgres',
    db,
    async listen(channel, onPayload, onReconnect) {
      // postgres.js listens again by itself after a lost connection, and calls onlisten each time.
      let listened = false;
      const { unlisten } = await client.listen(channel, onPayload, () => {
        if (listened) onReconnect?.();
        listened = true;
      });
      return unlisten;
    },
    async notify(channel, payload) {
      await client.notify(channel, payload);
    },
    migrate: async () => {
      // Several server processes may start at once on a new database: one migrates, the others
      // wait on this lock and then find nothing left to do.
      // The lock is held on a connection of its own (not one reserved from the pool, which
      // would then serve requests with this session's settings).
      const lock = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres({ client, casing: 'snake_case' }), { migrationsFolder });
      } finally {
        await lock.end();
      }
    },
    migrationLevel: () => readMigrationLevel(db),
    dump: () => Promise.reject(new Error('dump() is for PGlite only')),
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(opts: CreateDbOptions): Promise<DbHandle> {
  const memory = opts.dataDir === 'memory://';
  const dataDir = memory ? undefined : resolve(opts.dataDir ?? './.data');
  let release: (() => Promise<void>) | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = await lockDataDir(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      extensions: { btree_gin, btree_gist, pg_trgm, unaccent },
    });
  } catch (err) {
    await release?.();
    throw err;
  }
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
  let closed = false;
  return {
    kind: 'pglite',
    db,
    listen: (channel, onPayload) => client.listen(channel, onPayload), // in-process: never lost
    async notify(channel, payload) {
      await client.query('select pg_notify($1, $2)', [channel, payload]);
    },
    migrate: async () => {
      await migratePglite(drizzlePglite({ client, casing: 'snake_case' }), { migrationsFolder });
    },
    migrationLevel: () => readMigrationLevel(db),
    dump: () => client.dumpDataDir('none'),
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      await release?.();
    },
  };
}
