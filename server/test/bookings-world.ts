import { holds, reservations, tableAllocations, tables } from '@tobeout/db';
import { addDays, todayIn, weekdayOf, zonedToInstant } from '@tobeout/shared';
import { and, eq, sql } from 'drizzle-orm';
import { createGuests, createReservation, createTables, createWeeklyHours } from '../src/seed/factories';
import { restaurantWithMember, type TestServer } from './harness';

/**
 * Shared set-up for the availability and booking tests: dates that are always in the future
 * (bookings in the past are refused), a restaurant with the factory hours and four tables, and
 * small readers for what the API does not show (allocations, holds, events).
 */
export const TZ = 'Europe/Berlin';
export const TODAY = todayIn(TZ);

/** The first date on or after `from` that falls on ISO `weekday` (1 = Monday). */
export function nextWeekday(from: string, weekday: number): string {
  let d = from;
  while (weekdayOf(d) !== weekday) d = addDays(d, 1);
  return d;
}

/** A Tuesday three to four weeks ahead: lunch 12:00–15:00, dinner 18:00–23:00. */
export const DAY = nextWeekday(addDays(TODAY, 21), 2);
/** The Monday before DAY: closed. */
export const MONDAY = addDays(DAY, -1);
/** The Friday after DAY: dinner until 00:30. */
export const FRIDAY = addDays(DAY, 3);

export const at = (time: string, date = DAY) => zonedToInstant(date, time, TZ);
export const MIN = 60_000;

/**
 * A restaurant (Europe/Berlin, 30-min slots, turn times 1–2 → 90, 3–4 → 120, 5+ → 150 min) with
 * the factory hours, four tables and one guest; `api` is its manager.
 *   T1 Window 1–2 · T2 Window 2–4 · T3 Main 2–6 · T4 Bar 1–2 (not bookable online)
 */
export async function bookingWorld(server: TestServer) {
  const owner = await restaurantWithMember(server, 'manager');
  const db = server.app.db.db;
  const rid = owner.restaurant.id;
  const [t1, t2, t3, t4] = await createTables(db, rid, [
    { name: 'T1', section: 'Window', min: 1, max: 2, shape: 'round', x: 100, y: 100 },
    { name: 'T2', section: 'Window', min: 2, max: 4, shape: 'square', x: 300, y: 100 },
    { name: 'T3', section: 'Main', min: 2, max: 6, shape: 'rectangle', x: 600, y: 400 },
    { name: 'T4', section: 'Bar', min: 1, max: 2, shape: 'round', x: 900, y: 100 },
  ]);
  await db.update(tables).set({ bookableOnline: false }).where(eq(tables.id, t4!.id));
  await createWeeklyHours(db, rid);
  const [guest] = await createGuests(db, rid, [{ name: 'Anna Schmidt', phone: '+491701234567' }]);

  /** A booking written directly (no event, no checks), for history and clashes. */
  const seed = (
    tableIds: string[],
    from: Date,
    to: Date,
    opts: {
      status?: 'confirmed' | 'seated' | 'completed' | 'canceled';
      partySize?: number;
      guestId?: string;
    } = {},
  ) =>
    createReservation(db, {
      restaurantId: rid,
      guestId: opts.guestId ?? guest!.id,
      tableIds,
      startsAt: from,
      endsAt: to,
      partySize: opts.partySize ?? 2,
      status: opts.status ?? 'confirmed',
    });

  /** Active allocations of this restaurant: [table name, local start, local end, owner kind]. */
  const allocations = async (filter: { reservationId?: string; holdId?: string } = {}) => {
    const rows = await db
      .select({
        tableId: tableAllocations.tableId,
        from: sql<string>`to_char(lower(${tableAllocations.period}) at time zone ${TZ}, 'YYYY-MM-DD"T"HH24:MI')`,
        to: sql<string>`to_char(upper(${tableAllocations.period}) at time zone ${TZ}, 'YYYY-MM-DD"T"HH24:MI')`,
        reservationId: tableAllocations.reservationId,
        holdId: tableAllocations.holdId,
      })
      .from(tableAllocations)
      .where(
        and(
          eq(tableAllocations.restaurantId, rid),
          eq(tableAllocations.active, true),
          filter.reservationId ? eq(tableAllocations.reservationId, filter.reservationId) : undefined,
          filter.holdId ? eq(tableAllocations.holdId, filter.holdId) : undefined,
        ),
      );
    const names = new Map([t1, t2, t3, t4].map((t) => [t!.id, t!.name]));
    return rows
      .map((r) => ({ ...r, table: names.get(r.tableId) }))
      .sort((a, b) => `${a.from}${a.table}`.localeCompare(`${b.from}${b.table}`));
  };

  const reservationCount = async () =>
    (await db.select({ id: reservations.id }).from(reservations).where(eq(reservations.restaurantId, rid)))
      .length;

  /**
   * Makes a hold expire now, as if its five minutes had passed. A write behind the app's back, so
   * the app's cache of loaded days is told (with real time passing, it checks expiry itself).
   */
  const expireHold = async (holdId: string) => {
    await db.update(holds).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(holds.id, holdId));
    server.app.services.deps.days?.invalidate(rid);
  };

  return {
    ...owner,
    rid,
    t1: t1!,
    t2: t2!,
    t3: t3!,
    t4: t4!,
    guest: guest!,
    seed,
    allocations,
    reservationCount,
    expireHold,
  };
}

export { eventsOf } from './harness';
