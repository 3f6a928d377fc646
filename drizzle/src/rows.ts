import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './types';

/**
 * Runs raw SQL and returns its rows, whichever driver is underneath (postgres.js returns an
 * array, PGlite a `{ rows }` result). For the few queries the query builder cannot express.
 */
export async function queryRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}
