import { type DbOrTx, guests, reservations, tableAllocations, tableBlocks, tables } from '@tobeout/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';

/**
 * Join conditions from an allocation to what holds it. Every join also matches restaurant_id,
 * like the composite foreign keys, so a query can never wander into another restaurant.
 */
export const allocationJoins = {
  reservation: and(
    eq(reservations.restaurantId, tableAllocations.restaurantId),
    eq(reservations.id, tableAllocations.reservationId),
  ),
  guest: and(eq(guests.restaurantId, reservations.restaurantId), eq(guests.id, reservations.guestId)),
  block: and(
    eq(tableBlocks.restaurantId, tableAllocations.restaurantId),
    eq(tableBlocks.id, tableAllocations.blockId),
  ),
};

/** The allocation's period bounds as instants. */
export const periodStart = sql<Date>`lower(${tableAllocations.period})`.mapWith((v) => new Date(v));
export const periodEnd = sql<Date>`upper(${tableAllocations.period})`.mapWith((v) => new Date(v));

/** What a person needs to recognise an allocation's owner: the booking's guest or the block's reason. */
export const ownerFields = {
  reservationId: tableAllocations.reservationId,
  blockId: tableAllocations.blockId,
  startsAt: periodStart,
  endsAt: periodEnd,
  guestName: guests.name,
  partySize: reservations.partySize,
  code: reservations.confirmationCode,
  status: reservations.status,
  reason: tableBlocks.reason,
  releasedAt: tableBlocks.releasedAt,
};

/** The names of these tables in display order, for event payloads people read. */
export async function tableNames(db: DbOrTx, restaurantId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ name: tables.name })
    .from(tables)
    .where(and(eq(tables.restaurantId, restaurantId), inArray(tables.id, ids)))
    .orderBy(asc(tables.sortOrder), asc(tables.name));
  return rows.map((r) => r.name);
}
