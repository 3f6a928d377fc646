import {
  guests,
  pgErrorCode,
  reservations,
  restaurants,
  tableAllocations,
  tableBlocks,
  tables,
} from '@tobeout/db';
import {
  addDays,
  instantToLocalDateTime,
  localDateTimeToInstant,
  type TBlock,
  zonedToInstant,
} from '@tobeout/shared';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { lockBookingWrites } from '../bookings/place';
import type { Deps, Scope } from '../deps';
import { AppError } from '../errors';
import { type WriteContext, write } from '../write';
import { allocationJoins, ownerFields, tableNames } from './allocations';

type Db = Deps['db'] | WriteContext['tx'];

export async function restaurantTimeZone(db: Db, restaurantId: string): Promise<string> {
  const [row] = await db
    .select({ timezone: restaurants.timezone })
    .from(restaurants)
    .where(eq(restaurants.id, restaurantId));
  if (!row) throw AppError.notFound('The restaurant');
  return row.timezone;
}

/** `[from,to)` as PostgreSQL's tstzrange text. */
export function periodOf(from: Date, to: Date): string {
  return `[${from.toISOString()},${to.toISOString()})`;
}

export type Clash = {
  tableId: string;
  tableName: string;
  kind: 'booking' | 'block';
  id: string;
  /** Guest name, party and code for a booking; the reason for a block. */
  label: string;
  from: string;
  to: string;
};

/** Active allocations on `tableIds` overlapping the period, described for a person. */
export async function findClashes(
  db: Db,
  restaurantId: string,
  tableIds: string[],
  period: string,
  timeZone: string,
): Promise<Clash[]> {
  const rows = await db
    .select({ tableId: tableAllocations.tableId, tableName: tables.name, ...ownerFields })
    .from(tableAllocations)
    .innerJoin(
      tables,
      and(eq(tables.restaurantId, tableAllocations.restaurantId), eq(tables.id, tableAllocations.tableId)),
    )
    .leftJoin(reservations, allocationJoins.reservation)
    .leftJoin(guests, allocationJoins.guest)
    .leftJoin(tableBlocks, allocationJoins.block)
    .where(
      and(
        eq(tableAllocations.restaurantId, restaurantId),
        inArray(tableAllocations.tableId, tableIds),
        eq(tableAllocations.active, true),
        sql`${tableAllocations.period} && ${period}::tstzrange`,
      ),
    )
    .orderBy(asc(tables.sortOrder), sql`lower(${tableAllocations.period})`);
  return rows.map((r) => ({
    tableId: r.tableId,
    tableName: r.tableName,
    kind: r.reservationId ? 'booking' : 'block',
    id: (r.reservationId ?? r.blockId)!,
    label: r.reservationId ? `${r.guestName} ×${r.partySize} (${r.code})` : `blocked: ${r.reason}`,
    from: instantToLocalDateTime(r.startsAt, timeZone),
    to: instantToLocalDateTime(r.endsAt, timeZone),
  }));
}

function clashError(clashes: Clash[]): AppError {
  const first = clashes[0]!;
  const what =
    first.kind === 'booking'
      ? `${first.tableName} is booked by ${first.label} from ${first.from.replace('T', ' ')} to ${first.to.slice(11)}`
      : `${first.tableName} is already ${first.label} from ${first.from.replace('T', ' ')} to ${first.to.slice(11)}`;
  const more = clashes.length > 1 ? ` (and ${clashes.length - 1} more)` : '';
  return new AppError('SLOT_TAKEN', `${what}${more}.`, { details: { clashes } });
}

function toBlock(row: typeof tableBlocks.$inferSelect, tableIds: string[], timeZone: string): TBlock {
  return {
    id: row.id,
    tableIds,
    from: instantToLocalDateTime(row.startsAt, timeZone),
    to: instantToLocalDateTime(row.endsAt, timeZone),
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    reason: row.reason,
    releasedAt: row.releasedAt,
  };
}

/**
 * Blocks tables for maintenance or private use. The block's allocations go through the same
 * exclusion constraint as bookings: over an existing booking or block it is refused, naming
 * what is in the way. It takes the tables' booking locks first (bookings/place.ts), as every
 * booking write does, so a block racing blocks or bookings of the same tables reads what the one
 * before committed and is refused before writing. The constraint still judges what no lock
 * covers (a direct write, or a booking the engine placed between its read and its table locks):
 * what took the table is then looked up after the rollback, when it is committed and visible —
 * no savepoint needed to stay in the failed transaction.
 */
export async function blockTables(
  deps: Deps,
  scope: Scope,
  input: { tableIds: string[]; from: string; to: string; reason: string },
): Promise<TBlock> {
  // Set while the allocations are inserted: what a constraint violation there is about.
  let inserting: { period: string; timeZone: string } | undefined;
  try {
    return await write(deps, scope, async ({ tx, emit }) => {
      await lockBookingWrites(tx, scope.restaurantId, { tableIds: input.tableIds });
      const timeZone = await restaurantTimeZone(tx, scope.restaurantId);
      const startsAt = localDateTimeToInstant(input.from, timeZone);
      const endsAt = localDateTimeToInstant(input.to, timeZone);
      if (endsAt <= startsAt) throw AppError.field('to', 'The block must end after it starts.');
      if (endsAt <= new Date())
        throw AppError.field('to', 'This period is already over: a block must end in the future.');
      const own = await tx
        .select({ id: tables.id, name: tables.name, active: tables.active })
        .from(tables)
        .where(and(eq(tables.restaurantId, scope.restaurantId), inArray(tables.id, input.tableIds)));
      const known = new Map(own.map((t) => [t.id, t]));
      input.tableIds.forEach((id, i) => {
        if (!known.has(id))
          throw AppError.field(`tableIds.${i}`, 'This table does not exist in this restaurant.', 'NOT_FOUND');
      });
      const period = periodOf(startsAt, endsAt);
      const clashes = await findClashes(tx, scope.restaurantId, input.tableIds, period, timeZone);
      if (clashes.length > 0) throw clashError(clashes);
      const [block] = await tx
        .insert(tableBlocks)
        .values({
          restaurantId: scope.restaurantId,
          startsAt,
          endsAt,
          reason: input.reason,
          createdBy: scope.actor.kind === 'user' ? scope.actor.id : null,
        })
        .returning();
      inserting = { period, timeZone };
      await tx.insert(tableAllocations).values(
        input.tableIds.map((tableId) => ({
          restaurantId: scope.restaurantId,
          tableId,
          period,
          blockId: block!.id,
        })),
      );
      inserting = undefined;
      await emit({
        type: 'table.blocked',
        entityId: block!.id,
        payload: {
          tables: await tableNames(tx, scope.restaurantId, input.tableIds),
          from: input.from,
          to: input.to,
          reason: input.reason,
        },
      });
      return toBlock(block!, input.tableIds, timeZone);
    });
  } catch (err) {
    // A concurrent commit took a table (the constraint judged): name it (committed, so visible now).
    if (!inserting || pgErrorCode(err) !== '23P01') throw err;
    const { period, timeZone } = inserting;
    throw clashError(await findClashes(deps.db, scope.restaurantId, input.tableIds, period, timeZone));
  }
}

/** Lifts a block: its allocations free the tables, the block stays in the tables' history. */
export async function unblockTables(deps: Deps, scope: Scope, blockId: string): Promise<TBlock> {
  return write(deps, scope, async ({ tx, emit }) => {
    const timeZone = await restaurantTimeZone(tx, scope.restaurantId);
    const [block] = await tx
      .update(tableBlocks)
      .set({ releasedAt: sql`coalesce(${tableBlocks.releasedAt}, now())` })
      .where(and(eq(tableBlocks.restaurantId, scope.restaurantId), eq(tableBlocks.id, blockId)))
      .returning();
    if (!block) throw AppError.field('blockId', 'This block does not exist in this restaurant.', 'NOT_FOUND');
    const allocations = await tx
      .update(tableAllocations)
      .set({ active: false })
      .where(
        and(eq(tableAllocations.restaurantId, scope.restaurantId), eq(tableAllocations.blockId, blockId)),
      )
      .returning({ tableId: tableAllocations.tableId });
    const tableIds = allocations.map((a) => a.tableId);
    const released = toBlock(block, tableIds, timeZone);
    await emit({
      type: 'table.unblocked',
      entityId: blockId,
      payload: {
        tables: await tableNames(tx, scope.restaurantId, tableIds),
        from: released.from,
        to: released.to,
        reason: released.reason,
      },
    });
    return released;
  });
}

/** A block with all the tables it covers. */
export async function blockWithTables(db: Db, row: typeof tableBlocks.$inferSelect, timeZone: string) {
  const allocations = await db
    .select({ tableId: tableAllocations.tableId })
    .from(tableAllocations)
    .where(and(eq(tableAllocations.restaurantId, row.restaurantId), eq(tableAllocations.blockId, row.id)));
  return toBlock(
    row,
    allocations.map((a) => a.tableId),
    timeZone,
  );
}

/** Blocks (not lifted) overlapping the local dates from..to, optionally of one table. */
export async function listBlocks(
  deps: Deps,
  scope: Scope,
  input: { from: string; to: string; tableId?: string | undefined },
): Promise<TBlock[]> {
  const timeZone = await restaurantTimeZone(deps.db, scope.restaurantId);
  const period = periodOf(
    zonedToInstant(input.from, '00:00', timeZone),
    zonedToInstant(addDays(input.to, 1), '00:00', timeZone),
  );
  const rows = await deps.db
    .select({ block: tableBlocks, tableId: tableAllocations.tableId })
    .from(tableBlocks)
    .innerJoin(tableAllocations, allocationJoins.block)
    .where(
      and(
        eq(tableBlocks.restaurantId, scope.restaurantId),
        isNull(tableBlocks.releasedAt),
        sql`tstzrange(${tableBlocks.startsAt}, ${tableBlocks.endsAt}) && ${period}::tstzrange`,
        input.tableId ? eq(tableAllocations.tableId, input.tableId) : undefined,
      ),
    )
    .orderBy(asc(tableBlocks.startsAt));
  const byId = new Map<string, { row: typeof tableBlocks.$inferSelect; tableIds: string[] }>();
  for (const r of rows) {
    const entry = byId.get(r.block.id) ?? { row: r.block, tableIds: [] };
    entry.tableIds.push(r.tableId);
    byId.set(r.block.id, entry);
  }
  return [...byId.values()].map((b) => toBlock(b.row, b.tableIds, timeZone));
}
