import { type Database, holds, tableAllocations, tables } from '@tobeout/db';
import type { TReservationSource } from '@tobeout/shared';
import { and, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { type Day, type ExpiredHold, loadDay } from '../availability/day';
import { checkAvailability } from '../availability/engine';
import type { Scope } from '../deps';
import { AppError } from '../errors';
import { periodOf } from '../tables/blocks';
import type { WriteContext } from '../write';

type Tx = WriteContext['tx'];

/**
 * Deactivates the expired holds on these tables over [from, to), inside the caller's transaction,
 * so an expired hold never stands in the way (its row lock also orders two writers that both
 * want the freed tables: the exclusion constraint then picks exactly one). `expired` is what the
 * writer's read found (readTakenForWrite): nothing in the way, no statement.
 */
export async function freeExpiredHolds(
  tx: Tx,
  restaurantId: string,
  p: { tableIds: string[]; from: Date; to: Date; expired: ExpiredHold[] },
): Promise<void> {
  const from = p.from.getTime();
  const to = p.to.getTime();
  if (!p.expired.some((h) => p.tableIds.includes(h.tableId) && h.from < to && from < h.to)) return;
  await tx
    .update(tableAllocations)
    .set({ active: false })
    .where(
      and(
        eq(tableAllocations.restaurantId, restaurantId),
        inArray(tableAllocations.tableId, p.tableIds),
        eq(tableAllocations.active, true),
        isNotNull(tableAllocations.holdId),
        sql`${tableAllocations.period} && ${periodOf(p.from, p.to)}::tstzrange`,
        sql`${tableAllocations.holdId} in (select ${holds.id} from ${holds} where ${holds.restaurantId} = ${restaurantId} and ${holds.expiresAt} <= now())`,
      ),
    );
}

/**
 * The INSERT of an owner's allocations, as a WITH query of the statement that writes the owner:
 * `owner` names that query (its rows' `id`), `column` the allocation's owner column.
 */
export function allocationsInsert(
  restaurantId: string,
  p: { tableIds: string[]; from: Date; to: Date },
  owner: SQL,
  column: 'reservation_id' | 'hold_id',
): SQL {
  const tableRows = sql.join(
    p.tableIds.map((id) => sql`(${id}::uuid)`),
    sql`, `,
  );
  return sql`insert into ${tableAllocations} (restaurant_id, table_id, period, ${sql.raw(column)})
    select ${restaurantId}::uuid, t.id, ${periodOf(p.from, p.to)}::tstzrange, o.id from ${owner} o, (values ${tableRows}) t(id)`;
}

/**
 * Serialises booking writes that could take the same table; taken before the day is read.
 * Writers naming their tables (a chosen table, a converted hold, a move, a block) lock those
 * tables; writers that let the engine pick lock the service day, so two of them never pick the
 * same table, and then also the tables they picked, before inserting. Without it, writers racing
 * for one table insert conflicting allocations side by side and wait on each other at the
 * exclusion constraint — a cycle that PostgreSQL 15 was seen to leave unbroken until the
 * statement timeout — and converting a hold could lose its own table. With it, each writer reads
 * what the one before committed and a loser is refused before it writes anything, and no two of
 * our writers ever hold uncommitted allocations of one table at once; other tables, days and
 * restaurants book in parallel. The exclusion constraint still judges what slips between a
 * picker's read and its table locks (an immediate violation, no wait) and direct writes. Keys
 * are locked in sorted order, and a picker takes its day before its tables while no writer
 * holding a table waits for a day, so writers cannot deadlock each other.
 */
export async function lockBookingWrites(tx: Tx, restaurantId: string, what: LockTarget): Promise<void> {
  await tx.execute(sql`select ${bookingLocks(restaurantId, what)}`);
}

/**
 * What a booking write locks: tables or service days by name, or the tables a hold or a booking
 * holds now (read in the locking statement itself; together with `tableIds`, both sets).
 */
export type LockTarget =
  | { tableIds: string[]; heldBy?: { holdId: string } | { reservationId: string } }
  | { dates: string[] };

/**
 * The locks of lockBookingWrites as one SQL expression, for a writer that takes them in the same
 * statement as reads that need no lock (bookings.create reads the day's configuration and its
 * guest with them). Whatever must see the previous holder's commit is read in a LATER statement:
 * in READ COMMITTED a statement's snapshot is taken before it waits on a lock. The keys are
 * sorted bytewise (`collate "C"`, JavaScript's order for these ASCII keys, so every writer takes
 * them in the same order) and taken one after the other in that order.
 */
export function bookingLocks(restaurantId: string, what: LockTarget): SQL {
  const prefix = `bookings:${restaurantId}:`;
  const keys =
    'tableIds' in what ? what.tableIds.map((id) => `table:${id}`) : what.dates.map((d) => `day:${d}`);
  const named = [...new Set(keys)].map((key) => sql`select ${prefix + key}::text as k`);
  const held = 'heldBy' in what && what.heldBy;
  if (held) {
    const owner =
      'holdId' in held
        ? sql`hold_id = ${held.holdId}::uuid`
        : sql`reservation_id = ${held.reservationId}::uuid`;
    named.push(
      sql`select ${`${prefix}table:`}::text || table_id as k from ${tableAllocations}
        where restaurant_id = ${restaurantId}::uuid and ${owner}`,
    );
  }
  return sql`(select count(pg_advisory_xact_lock(hashtextextended(k, 0))) from (
    select k from (${sql.join(named, sql` union `)}) u order by k collate "C") v)`;
}

export type Placement = {
  tableIds: string[];
  from: Date;
  to: Date;
  /** For the alternatives offered when the tables are taken. */
  want: { date: string; time: string; partySize: number; durationMin: number; source: TReservationSource };
};

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
