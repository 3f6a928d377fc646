import {
  holds,
  queryRows,
  reservations,
  restaurants,
  services,
  specialDays,
  tableAllocations,
  tableCombinationMembers,
  tableCombinations,
  tables,
} from '@tobeout/db';
import {
  addDays,
  type DayRules,
  type FitCombination,
  type FitTable,
  type SpecialDayService,
  type TReservationSource,
  type TReservationStatus,
  type TurnTimeRule,
  type WeeklyService,
  zonedToInstant,
} from '@tobeout/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { allocationJoins, periodEnd, periodStart } from '../tables/allocations';
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
  /** When a hold lets go of the table (epoch ms); null for bookings and blocks. */
  expiresAt: number | null;
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

/**
 * Active allocations overlapping the window, minus holds that have expired. The window is given
 * as instants (not computed in SQL from the time zone) so the planner estimates the range well
 * and walks the exclusion constraint's GiST index.
 */
async function loadTaken(db: Db, restaurantId: string, window: { from: Date; to: Date }): Promise<Taken[]> {
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
      expiresAt: holds.expiresAt,
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
        sql`${tableAllocations.period} && tstzrange(${window.from.toISOString()}::timestamptz, ${window.to.toISOString()}::timestamptz)`,
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
    expiresAt: r.expiresAt?.getTime() ?? null,
  }));
}

type DayConfig = {
  settings: Settings;
  weekly: WeeklyService[];
  special: { closed: boolean; services: SpecialDayService[] } | null;
  tables: DayTable[];
  combinations: (FitCombination & { usable: boolean })[];
};

/**
 * The day's configuration in ONE round trip (rules, hours, the date's special day, active tables,
 * combinations), then what takes the tables in a second: availability is asked for on every
 * keystroke of the wizard and by voice agents, so round trips are what it costs.
 */
async function loadDayConfig(db: Db, restaurantId: string, date: string): Promise<DayConfig> {
  const [row] = await queryRows<DayConfig>(
    db,
    sql`select
      (select json_build_object(
        'timeZone', timezone, 'slotIntervalMin', slot_interval_min, 'defaultDurationMin', default_duration_min,
        'turnTimes', turn_times, 'bookingHorizonDays', booking_horizon_days, 'minLeadTimeMin', min_lead_time_min,
        'pacingMaxCovers', pacing_max_covers, 'country', country)
       from ${restaurants} where id = ${restaurantId}) as settings,
      (select coalesce(json_agg(json_build_object('weekday', weekday, 'name', name, 'startMinute', start_minute,
        'endMinute', end_minute, 'lastSeatingMinute', last_seating_minute)), '[]')
       from ${services} where restaurant_id = ${restaurantId}) as weekly,
      (select json_build_object('closed', closed, 'services', services)
       from ${specialDays} where restaurant_id = ${restaurantId} and date = ${date}::date) as special,
      (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'minGuests', min_guests,
        'maxGuests', max_guests, 'section', section, 'bookableOnline', bookable_online) order by sort_order, name), '[]')
       from ${tables} where restaurant_id = ${restaurantId} and active) as tables,
      (select coalesce(json_agg(c order by c.name), '[]') from (
        select c.id, c.name, c.min_guests as "minGuests", c.max_guests as "maxGuests",
               array_agg(m.table_id order by t.sort_order) as "tableIds", bool_and(t.active) as usable
        from ${tableCombinations} c
        join ${tableCombinationMembers} m on m.restaurant_id = c.restaurant_id and m.combination_id = c.id
        join ${tables} t on t.restaurant_id = m.restaurant_id and t.id = m.table_id
        where c.restaurant_id = ${restaurantId}
        group by c.id) c) as combinations`,
  );
  if (!row?.settings) throw AppError.notFound('The restaurant');
  return row;
}

export async function loadDay(db: Db, restaurantId: string, date: string): Promise<Day> {
  const config = await loadDayConfig(db, restaurantId, date);
  const { settings } = config;
  // From the day's midnight to noon the next day: late services end and stays run out by then.
  const window = {
    from: zonedToInstant(date, '00:00', settings.timeZone),
    to: zonedToInstant(addDays(date, 1), '12:00', settings.timeZone),
  };
  return {
    date,
    settings,
    rules: {
      timeZone: settings.timeZone,
      slotIntervalMin: settings.slotIntervalMin,
      weekly: config.weekly,
      special: config.special && {
        closed: config.special.closed,
        services: config.special.services.map((s) => ({
          ...s,
          lastSeatingMinute: s.lastSeatingMinute ?? null,
        })),
      },
    },
    tables: config.tables,
    combinations: config.combinations.filter((c) => c.usable),
    taken: await loadTaken(db, restaurantId, window),
    window,
  };
}

/** Online and AI bookings only get tables marked bookable online; staff get every active table. */
export function tablesFor(day: Day, source: TReservationSource): DayTable[] {
  return source === 'online' || source === 'ai' ? day.tables.filter((t) => t.bookableOnline) : day.tables;
}
