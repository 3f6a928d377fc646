import { type Database, holds, pgErrorCode, tableAllocations, tables } from '@tobeout/db';
import type { TReservationSource } from '@tobeout/shared';
import { and, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { type Day, loadDay } from '../availability/day';
import { checkAvailability } from '../availability/engine';
import type { Scope } from '../deps';
import { AppError } from '../errors';
import { periodOf } from '../tables/blocks';
import type { WriteContext } from '../write';

type Tx = WriteContext['tx'];

/**
 * Deactivates expired holds on these tables over the period, inside the caller's transaction,
 * so an expired hold never stands in the way (its row lock also orders two writers that both
 * want the freed tables: the exclusion constraint then picks exactly one).
 */
export async function freeExpiredHolds(tx: Tx, restaurantId: string, tableIds: string[], period: string) {
  await tx
    .update(tableAllocations)
    .set({ active: false })
    .where(
      and(
        eq(tableAllocations.restaurantId, restaurantId),
        inArray(tableAllocations.tableId, tableIds),
        eq(tableAllocations.active, true),
        isNotNull(tableAllocations.holdId),
        sql`${tableAllocations.period} && ${period}::tstzrange`,
        sql`${tableAllocations.holdId} in (select ${holds.id} from ${holds} where ${holds.restaurantId} = ${restaurantId} and ${holds.expiresAt} <= now())`,
      ),
    );
}

/**
 * Serialises booking writes that could take the same table; taken before the day is read.
 * Writers naming their tables (a chosen table, a converted hold, a move) lock those tables;
 * writers that let the engine pick lock the service day, so two of them never pick the same
 * table. Without it, writers racing for one table insert conflicting allocations side by side
 * and wait on each other until PostgreSQL's deadlock timeout picks a victim, and converting a
 * hold could lose its own table. With it, each writer reads what the one before committed and a
 * loser is refused before it writes anything; other tables, days and restaurants book in
 * parallel. The exclusion constraint still judges every remaining race (a picker against a
 * writer naming the table, blocks, direct writes). Keys are locked in sorted order, so writers
 * locking several tables cannot deadlock each other.
 */
export async function lockBookingWrites(
  tx: Tx,
  restaurantId: string,
  what: { tableIds: string[] } | { dates: string[] },
): Promise<void> {
  await tx.execute(sql`select ${bookingLocks(restaurantId, what)}`);
}

/**
 * The locks of lockBookingWrites as one SQL expression, for a writer that takes them in the same
 * statement as reads that need no lock (bookings.create reads the day's configuration and its
 * guest with them). Whatever must see the previous holder's commit is read in a LATER statement:
 * in READ COMMITTED a statement's snapshot is taken before it waits on a lock. The keys are
 * sorted and taken one after the other in that order (a VALUES scan keeps its order).
 */
export function bookingLocks(restaurantId: string, what: { tableIds: string[] } | { dates: string[] }): SQL {
  const keys =
    'tableIds' in what ? what.tableIds.map((id) => `table:${id}`) : what.dates.map((d) => `day:${d}`);
  const values = [...new Set(keys)].sort().map((key) => sql`(${`bookings:${restaurantId}:${key}`}::text)`);
  return sql`(select count(pg_advisory_xact_lock(hashtextextended(k, 0))) from (values ${sql.join(values, sql`, `)}) v(k))`;
}

export type Placement = {
  tableIds: string[];
  from: Date;
  to: Date;
  owner: { reservationId: string } | { holdId: string };
  /** For the alternatives offered when the tables are taken. */
  want: { date: string; time: string; partySize: number; durationMin: number; source: TReservationSource };
};

/**
 * Writes the allocations of a booking or hold. The exclusion constraint is the only judge: a
 * concurrent winner makes this fail with 23P01 (or 40P01 when two writers deadlock), answered as
 * CONFLICT/SLOT_TAKEN with the nearest free alternatives, read after the winner committed.
 */
export async function placeAllocations(tx: Tx, scope: Scope, p: Placement): Promise<void> {
  const period = periodOf(p.from, p.to);
  await freeExpiredHolds(tx, scope.restaurantId, p.tableIds, period);
  try {
    await tx.transaction((sp) =>
      sp
        .insert(tableAllocations)
        .values(
          p.tableIds.map((tableId) => ({ restaurantId: scope.restaurantId, tableId, period, ...p.owner })),
        ),
    );
  } catch (err) {
    const code = pgErrorCode(err);
    if (code !== '23P01' && code !== '40P01') throw err;
    throw await slotTaken(tx, scope, p);
  }
}

/**
 * Chosen tables must be free in what `day` read (live holds included): a taken table is refused
 * before anything is written (no guest, no reservation), naming only the tables that are taken.
 */
export async function assertFree(
  tx: Tx,
  scope: Scope,
  day: Day,
  p: Pick<Placement, 'tableIds' | 'from' | 'to' | 'want'>,
): Promise<void> {
  const from = p.from.getTime();
  const to = p.to.getTime();
  const taken = p.tableIds.filter((id) =>
    day.taken.some((t) => t.tableId === id && t.from < to && from < t.to),
  );
  if (taken.length > 0) throw await slotTaken(tx, scope, { tableIds: taken, want: p.want });
}

/**
 * SLOT_TAKEN naming the tables, with the nearest alternatives for the same party: in the write's
 * transaction, or after it rolled back (`db`), when the winner has committed.
 */
export async function slotTaken(
  tx: Tx | Database,
  scope: Scope,
  p: Pick<Placement, 'tableIds' | 'want'>,
): Promise<AppError> {
  const names = await tx
    .select({ name: tables.name })
    .from(tables)
    .where(and(eq(tables.restaurantId, scope.restaurantId), inArray(tables.id, p.tableIds)));
  const day = await loadDay(tx, scope.restaurantId, p.want.date);
  const check = checkAvailability(
    day,
    { partySize: p.want.partySize, durationMin: p.want.durationMin, source: p.want.source, now: new Date() },
    p.want.time,
  );
  const alternatives = check.slots;
  const label = names.map((n) => n.name).join(' + ') || 'The table';
  const nearest = alternatives.length
    ? ` Nearest free: ${alternatives.map((s) => `${s.time} (${s.options[0]?.label})`).join(', ')}.`
    : ' Nothing else is free that day.';
  return new AppError(
    'SLOT_TAKEN',
    `${label} is already taken at ${p.want.time} on ${p.want.date}.${nearest}`,
    {
      details: { alternatives },
    },
  );
}
