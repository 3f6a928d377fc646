import {
  holds,
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
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { AppError } from '../errors';
import { preparedRows, type WriteContext } from '../write';

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

/** An expired hold's allocation that is still active: it takes nothing, but blocks an insert until freed. */
export type ExpiredHold = { tableId: string; from: number; to: number };

/**
 * Active allocations overlapping the window: `taken` without the holds that have expired, which
 * come apart in `expired` (a writer frees them only when they are in its way). The window is given
 * as instants (not computed in SQL from the time zone) so the planner estimates the range well
 * and walks the exclusion constraint's GiST index.
 */
async function readTaken(
  db: Db,
  restaurantId: string,
  window: { from: Date; to: Date },
  only?: TakenFilter,
): Promise<{ taken: Taken[]; expired: ExpiredHold[] }> {
  // Raw SQL with instants as epoch ms: a busy day has hundreds of rows, and mapping each through
  // the query builder (and parsing its timestamps) cost more than the query itself. Prepared: the
  // range is a parameter either way and the plan walks the exclusion constraint's GiST index.
  const ms = (instant: SQL) => sql`floor(extract(epoch from ${instant}) * 1000)::float8`;
  const rows = await preparedRows<{
    tableId: string;
    from: number;
    to: number;
    reservationId: string | null;
    blockId: string | null;
    holdId: string | null;
    status: TReservationStatus | null;
    partySize: number | null;
    expiresAt: number | null;
    expired: boolean | null;
  }>(
    db,
    sql`select a.table_id as "tableId", ${ms(sql`lower(a.period)`)} as "from", ${ms(sql`upper(a.period)`)} as "to",
        a.reservation_id as "reservationId", a.block_id as "blockId", a.hold_id as "holdId",
        r.status, r.party_size as "partySize", ${ms(sql`h.expires_at`)} as "expiresAt", h.expires_at <= now() as expired
      from ${tableAllocations} a
      left join ${reservations} r on r.restaurant_id = a.restaurant_id and r.id = a.reservation_id
      left join ${holds} h on h.restaurant_id = a.restaurant_id and h.id = a.hold_id
      where a.restaurant_id = ${restaurantId}::uuid and a.active
        and a.period && tstzrange(${window.from.toISOString()}::timestamptz, ${window.to.toISOString()}::timestamptz)
        ${
          only
            ? sql`and (a.table_id in (${sql.join(
                only.tableIds.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})${only.startsAt ? sql` or lower(a.period) = ${only.startsAt.toISOString()}::timestamptz` : sql``})`
            : sql``
        }`,
  );
  const taken: Taken[] = [];
  const expired: ExpiredHold[] = [];
  for (const r of rows) {
    if (r.holdId && r.expired !== false) {
      expired.push({ tableId: r.tableId, from: r.from, to: r.to });
      continue;
    }
    taken.push({
      tableId: r.tableId,
      from: r.from,
      to: r.to,
      kind: r.reservationId ? 'booking' : r.blockId ? 'block' : 'hold',
      ownerId: (r.reservationId ?? r.blockId ?? r.holdId)!,
      status: r.status,
      partySize: r.partySize,
      expiresAt: r.expiresAt,
    });
  }
  return { taken, expired };
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
function dayConfigQuery(restaurantId: string, date: string, extra: SQL[], withClause?: SQL): SQL {
  return sql`${withClause ? sql`with ${withClause} ` : sql``}select ${sql.join(
    extra.map((column) => sql`${column}, `),
    sql``,
  )}
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
        group by c.id) c) as combinations`;
}

async function loadDayConfig<Extra extends Record<string, unknown>>(
  db: Db,
  restaurantId: string,
  date: string,
  extra: SQL[] = [],
  withClause?: SQL,
): Promise<DayConfig & Extra> {
  const [row] = await preparedRows<DayConfig & Extra>(
    db,
    dayConfigQuery(restaurantId, date, extra, withClause),
  );
  if (!row?.settings) throw AppError.notFound('The restaurant');
  return row;
}

/** Day windows worked out (time-zone arithmetic is a write's largest CPU cost), by date and zone. */
const windows = new Map<string, { from: Date; to: Date }>();
const WINDOWS_MAX = 10_000;

function dayWindow(date: string, timeZone: string): { from: Date; to: Date } {
  const key = `${date} ${timeZone}`;
  let window = windows.get(key);
  if (!window) {
    // From the day's midnight to noon the next day: late services end and stays run out by then.
    window = {
      from: zonedToInstant(date, '00:00', timeZone),
      to: zonedToInstant(addDays(date, 1), '12:00', timeZone),
    };
    if (windows.size >= WINDOWS_MAX) windows.clear();
    windows.set(key, window);
  }
  return window;
}

export async function loadDay(db: Db, restaurantId: string, date: string): Promise<Day> {
  const config = await loadDayConfig(db, restaurantId, date);
  const window = dayWindow(date, config.settings.timeZone);
  return dayOf(date, config, (await readTaken(db, restaurantId, window)).taken, window);
}

/** Narrows what takes the tables to these tables, plus what starts at `startsAt` (for pacing). */
export type TakenFilter = { tableIds: string[]; startsAt: Date | null };

/**
 * The day as a booking write reads it, first statement: the day's configuration together with
 * `first` — the write's advisory locks (see bookings/place.ts) and whatever else it needs that no
 * booking lock protects (its guest…), as named columns. `withClause` adds WITH queries that
 * `first` can read: a converted hold, whose locks a statement before took, is deleted that way.
 * `taken` is left empty: the writer reads it with readTakenForWrite once it knows what it wants.
 */
export async function openDayForWrite<Extra extends Record<string, unknown>>(
  tx: WriteContext['tx'],
  restaurantId: string,
  date: string,
  first: SQL[],
  withClause?: SQL,
): Promise<{ day: Day; extra: Extra }> {
  const config = await loadDayConfig<Extra>(tx, restaurantId, date, first, withClause);
  return { day: dayOf(date, config, [], dayWindow(date, config.settings.timeZone)), extra: config };
}

/**
 * What takes the tables on a day opened with openDayForWrite. A NEW statement, so in READ
 * COMMITTED its snapshot is taken after the write's locks were granted and it sees everything the
 * previous holder committed (in the locking statement itself the snapshot predates the wait).
 * `only` reads just what a writer on chosen tables checks — those tables, and the bookings
 * starting at the same instant for the pacing limit — not the whole day's hundreds of rows; a
 * writer that needs the whole day (to pick tables, or to offer alternatives) reads it without.
 * Expired holds that still hold allocations come back apart: the writer frees them only when they
 * are in its way.
 */
export function readTakenForWrite(
  tx: WriteContext['tx'],
  restaurantId: string,
  day: Day,
  only?: TakenFilter,
): Promise<{ taken: Taken[]; expired: ExpiredHold[] }> {
  return readTaken(tx, restaurantId, day.window, only);
}

function dayOf(date: string, config: DayConfig, taken: Taken[], window: { from: Date; to: Date }): Day {
  const { settings } = config;
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
    taken,
    window,
  };
}

/** Online and AI bookings only get tables marked bookable online; staff get every active table. */
export function tablesFor(day: Day, source: TReservationSource): DayTable[] {
  return source === 'online' || source === 'ai' ? day.tables.filter((t) => t.bookableOnline) : day.tables;
}
