import { holds, reservations, restaurants, tableAllocations, tables } from '@tobeout/db';
import {
  addDays,
  type DayRules,
  type FitCombination,
  type FitTable,
  type TReservationSource,
  type TReservationStatus,
  type TurnTimeRule,
  zonedToInstant,
} from '@tobeout/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { loadHoursRules } from '../rules';
import { allocationJoins, periodEnd, periodStart } from '../tables/allocations';
import { listCombinations } from '../tables/combinations';
import type { WriteContext } from '../write';

type Db = Deps['db'] | WriteContext['tx'];

export type Settings = {
  timeZone: string;
  slotIntervalMin: number;
  defaultDurationMin: number;
  turnTimes: TurnTimeRule[];
  bookingHorizonDays: number;
  minLeadTimeMin: number;
  pacingMaxCovers: number | null;
  country: string;
};

export type DayTable = FitTable & { section: string | null; bookableOnline: boolean };

/** One allocation that takes a table during the day (expired holds are already left out). */
export type Taken = {
  tableId: string;
  from: number;
  to: number;
  kind: 'booking' | 'block' | 'hold';
  ownerId: string;
  status: TReservationStatus | null;
  partySize: number | null;
};

/**
 * Everything the engine needs to answer for one service day, read in a handful of queries:
 * rules, active tables, usable combinations and what takes the tables from the day's start to
 * the end of the next (services may run past midnight and stays past their end).
 */
export type Day = {
  date: string;
  settings: Settings;
  rules: DayRules;
  tables: DayTable[];
  combinations: FitCombination[];
  taken: Taken[];
  window: { from: Date; to: Date };
};

export async function loadSettings(db: Db, restaurantId: string): Promise<Settings> {
  const [row] = await db
    .select({
      timeZone: restaurants.timezone,
      slotIntervalMin: restaurants.slotIntervalMin,
      defaultDurationMin: restaurants.defaultDurationMin,
      turnTimes: restaurants.turnTimes,
      bookingHorizonDays: restaurants.bookingHorizonDays,
      minLeadTimeMin: restaurants.minLeadTimeMin,
      pacingMaxCovers: restaurants.pacingMaxCovers,
      country: restaurants.country,
    })
    .from(restaurants)
    .where(eq(restaurants.id, restaurantId));
  if (!row) throw AppError.notFound('The restaurant');
  return row;
}

export async function loadActiveTables(db: Db, restaurantId: string): Promise<DayTable[]> {
  return db
    .select({
      id: tables.id,
      name: tables.name,
      minGuests: tables.minGuests,
      maxGuests: tables.maxGuests,
      section: tables.section,
      bookableOnline: tables.bookableOnline,
    })
    .from(tables)
    .where(and(eq(tables.restaurantId, restaurantId), eq(tables.active, true)))
    .orderBy(tables.sortOrder, tables.name);
}

/** Active allocations overlapping [from, to), minus holds that have expired. */
export async function loadTaken(db: Db, restaurantId: string, from: Date, to: Date): Promise<Taken[]> {
  const rows = await db
    .select({
      tableId: tableAllocations.tableId,
      from: periodStart,
      to: periodEnd,
      reservationId: tableAllocations.reservationId,
      blockId: tableAllocations.blockId,
      holdId: tableAllocations.holdId,
      status: reservations.status,
      partySize: reservations.partySize,
    })
    .from(tableAllocations)
    .leftJoin(reservations, allocationJoins.reservation)
    .leftJoin(
      holds,
      and(eq(holds.restaurantId, tableAllocations.restaurantId), eq(holds.id, tableAllocations.holdId)),
    )
    .where(
      and(
        eq(tableAllocations.restaurantId, restaurantId),
        eq(tableAllocations.active, true),
        sql`${tableAllocations.period} && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`,
        sql`(${tableAllocations.holdId} is null or ${holds.expiresAt} > now())`,
      ),
    );
  return rows.map((r) => ({
    tableId: r.tableId,
    from: r.from.getTime(),
    to: r.to.getTime(),
    kind: r.reservationId ? 'booking' : r.blockId ? 'block' : 'hold',
    ownerId: (r.reservationId ?? r.blockId ?? r.holdId)!,
    status: r.status,
    partySize: r.partySize,
  }));
}

export async function loadDay(db: Db, restaurantId: string, date: string): Promise<Day> {
  const [settings, hours, dayTables, combinations] = await Promise.all([
    loadSettings(db, restaurantId),
    loadHoursRules(db, restaurantId, date, date),
    loadActiveTables(db, restaurantId),
    listCombinations(db, restaurantId),
  ]);
  const window = {
    from: zonedToInstant(date, '00:00', settings.timeZone),
    to: zonedToInstant(addDays(date, 2), '00:00', settings.timeZone),
  };
  return {
    date,
    settings,
    rules: {
      timeZone: settings.timeZone,
      slotIntervalMin: settings.slotIntervalMin,
      weekly: hours.weekly,
      special: hours.specialByDate.get(date),
    },
    tables: dayTables,
    combinations: combinations.filter((c) => c.usable),
    taken: await loadTaken(db, restaurantId, window.from, window.to),
    window,
  };
}

/** Online and AI bookings only get tables marked bookable online; staff get every active table. */
export function tablesFor(day: Day, source: TReservationSource): DayTable[] {
  return source === 'online' || source === 'ai' ? day.tables.filter((t) => t.bookableOnline) : day.tables;
}
