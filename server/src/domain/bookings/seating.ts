import { tables } from '@tobeout/db';
import type { TReservationSource } from '@tobeout/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Day } from '../availability/day';
import type { Scope } from '../deps';
import { AppError } from '../errors';
import type { WriteContext } from '../write';

/**
 * Tables chosen by hand: active tables of this restaurant (bookable online for online and AI
 * bookings) that seat the party together. Staff may seat fewer than a table's minimum.
 */
export async function assertSeatable(
  tx: WriteContext['tx'],
  scope: Scope,
  tableIds: string[],
  partySize: number,
  source: TReservationSource,
): Promise<void> {
  const rows = await tx
    .select()
    .from(tables)
    .where(and(eq(tables.restaurantId, scope.restaurantId), inArray(tables.id, tableIds)));
  const byId = new Map(rows.map((t) => [t.id, t]));
  const fieldErrors: Record<string, string[]> = {};
  tableIds.forEach((id, i) => {
    const t = byId.get(id);
    if (!t) fieldErrors[`tableIds.${i}`] = ['This table does not exist in this restaurant.'];
    else if (!t.active) fieldErrors[`tableIds.${i}`] = [`${t.name} is deactivated.`];
    else if (!t.bookableOnline && (source === 'online' || source === 'ai'))
      fieldErrors[`tableIds.${i}`] = [`${t.name} is not bookable online.`];
  });
  if (Object.keys(fieldErrors).length > 0)
    throw new AppError('VALIDATION', 'Some of the chosen tables cannot be booked.', { fieldErrors });
  const seats = rows.reduce((n, t) => n + t.maxGuests, 0);
  if (seats < partySize)
    throw AppError.field('tableIds', `These tables seat ${seats}, the party is ${partySize}.`);
}

/**
 * assertSeatable against the tables a loaded day already holds (its active tables): no round trip
 * when every chosen table is among them; otherwise the tables are read to say what is wrong.
 */
export async function assertSeatableOn(
  tx: WriteContext['tx'],
  scope: Scope,
  day: Pick<Day, 'tables'>,
  tableIds: string[],
  partySize: number,
  source: TReservationSource,
): Promise<void> {
  const chosen = [...new Set(tableIds)].map((id) => day.tables.find((t) => t.id === id));
  const online = source === 'online' || source === 'ai';
  if (chosen.some((t) => !t || (online && !t.bookableOnline)))
    return assertSeatable(tx, scope, tableIds, partySize, source);
  const seats = chosen.reduce((n, t) => n + t!.maxGuests, 0);
  if (seats < partySize)
    throw AppError.field('tableIds', `These tables seat ${seats}, the party is ${partySize}.`);
}
