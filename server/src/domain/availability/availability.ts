import { randomUUID } from 'node:crypto';
import { guests, holds, pgErrorCode, reservations, tableAllocations, tableBlocks } from '@tobeout/db';
import {
  addDays,
  instantToZoned,
  type TAvailabilityCheck,
  type TAvailabilityGrid,
  type THold,
  type TReservationSource,
  zonedToInstant,
} from '@tobeout/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { noAvailability, slotOrThrow } from '../bookings/create';
import {
  allocationsInsert,
  assertFree,
  bookingLocks,
  freeExpiredHolds,
  lockBookingWrites,
  type Placement,
  slotTaken,
} from '../bookings/place';
import { assertSeatableOn } from '../bookings/seating';
import type { Deps, Scope } from '../deps';
import { allocationJoins, tableNames } from '../tables/allocations';
import { preparedRows, write } from '../write';
import { type Day, loadDay, loadSettings, openDayForWrite, readTakenForWrite } from './day';
import {
  availableSlots,
  buildGrid,
  checkAvailability,
  durationFor,
  optionsAt,
  pacingExceeded,
  timingProblem,
  type Want,
} from './engine';

/** A day for answering (not for writing): from the process's cache when there is one. */
function readDay(deps: Deps, restaurantId: string, date: string): Promise<Day> {
  const load = () => loadDay(deps.db, restaurantId, date);
  return deps.days ? deps.days.get(restaurantId, date, load) : load();
}

/** How long availability.hold keeps tables for a guest or agent who is deciding. */
export const HOLD_MINUTES = 5;

function wantFor(
  day: Day,
  input: {
    partySize: number;
    durationMin?: number | undefined;
    source?: TReservationSource | undefined;
    holdId?: string | undefined;
    overridePacing?: boolean | undefined;
  },
): Want {
  return {
    partySize: input.partySize,
    durationMin: durationFor(day.settings, input.partySize, input.durationMin),
    source: input.source ?? 'staff',
    now: new Date(),
    ignoreOwner: input.holdId,
    overridePacing: input.overridePacing,
  };
}

export async function check(
  deps: Deps,
  scope: Scope,
  input: {
    date: string;
    partySize: number;
    time?: string | undefined;
    durationMin?: number | undefined;
    source: TReservationSource;
    holdId?: string | undefined;
    overridePacing?: boolean | undefined;
  },
): Promise<TAvailabilityCheck> {
  const day = await readDay(deps, scope.restaurantId, input.date);
  return checkAvailability(day, wantFor(day, input), input.time);
}

/** availability.grid: the day's table × slot statuses, with booking summaries for hover cards. */
export async function grid(deps: Deps, scope: Scope, date: string): Promise<TAvailabilityGrid> {
  // The timeline and the floor ask for it on every change of every screen: worked out once per
  // change (its data changes only with events, which drop it) and until a hold it shows expires.
  const build = () => buildGridAnswer(deps, scope, date);
  if (!deps.days) return (await build()).grid;
  return (await deps.days.memo(scope.restaurantId, `grid ${date}`, build, (built) => built.holdsUntil)).grid;
}

async function buildGridAnswer(
  deps: Deps,
  scope: Scope,
  date: string,
): Promise<{ grid: TAvailabilityGrid; holdsUntil: number | null }> {
  const day = await readDay(deps, scope.restaurantId, date);
  const built = buildGrid(day);
  // Only what overlaps the grid's own slots (day.window also covers the next day): from the
  // first slot to the end of the last one, or the whole calendar day when it is closed.
  const lastSlot = built.slots.at(-1);
  const from = built.slots[0]?.startsAt ?? day.window.from;
  const to = lastSlot
    ? new Date(lastSlot.startsAt.getTime() + built.slotIntervalMin * 60_000)
    : zonedToInstant(addDays(date, 1), '00:00', day.settings.timeZone);
  const period = sql`tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`;
  const [bookingRows, blockRows] = await Promise.all([
    deps.db
      .select({
        id: reservations.id,
        code: reservations.confirmationCode,
        tableId: tableAllocations.tableId,
        guestId: guests.id,
        guestName: guests.name,
        partySize: reservations.partySize,
        startsAt: reservations.startsAt,
        endsAt: reservations.endsAt,
        status: reservations.status,
        specialRequests: reservations.specialRequests,
        version: reservations.version,
      })
      .from(tableAllocations)
      .innerJoin(reservations, allocationJoins.reservation)
      .innerJoin(guests, allocationJoins.guest)
      .where(
        and(
          eq(tableAllocations.restaurantId, scope.restaurantId),
          eq(tableAllocations.active, true),
          sql`${tableAllocations.period} && ${period}`,
        ),
      ),
    deps.db
      .select({
        id: tableBlocks.id,
        tableId: tableAllocations.tableId,
        startsAt: tableBlocks.startsAt,
        endsAt: tableBlocks.endsAt,
        reason: tableBlocks.reason,
      })
      .from(tableAllocations)
      .innerJoin(tableBlocks, allocationJoins.block)
      .where(
        and(
          eq(tableAllocations.restaurantId, scope.restaurantId),
          eq(tableAllocations.active, true),
          isNull(tableBlocks.releasedAt),
          sql`${tableAllocations.period} && ${period}`,
        ),
      ),
  ]);
  const holdExpiries = day.taken.flatMap((t) => (t.expiresAt === null ? [] : [t.expiresAt]));
  return {
    grid: {
      ...built,
      bookings: groupTables(bookingRows).map((b) => ({
        ...b,
        time: instantToZoned(b.startsAt, day.settings.timeZone).time,
      })),
      blocks: groupTables(blockRows),
    },
    holdsUntil: holdExpiries.length > 0 ? Math.min(...holdExpiries) : null,
  };
}

/** Rows of one owner per table → one item with all its table ids. */
function groupTables<T extends { id: string; tableId: string; startsAt: Date }>(
  rows: T[],
): (Omit<T, 'tableId'> & { tableIds: string[] })[] {
  const byId = new Map<string, Omit<T, 'tableId'> & { tableIds: string[] }>();
  for (const { tableId, ...rest } of rows) {
    const item = byId.get(rest.id) ?? { ...rest, tableIds: [] };
    item.tableIds.push(tableId);
    byId.set(rest.id, item);
  }
  return [...byId.values()].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** availability.range: per day, whether it is open and how many slots have a table for the party. */
export async function range(
  deps: Deps,
  scope: Scope,
  input: { from: string; to: string; partySize: number },
) {
  const days = [];
  for (let date = input.from; date <= input.to; date = addDays(date, 1)) {
    const day = await readDay(deps, scope.restaurantId, date);
    const slots = availableSlots(day, wantFor(day, input));
    const open = checkAvailability(day, wantFor(day, input)).reason !== 'closed';
    days.push({
      date,
      open,
      availableSlots: slots.length,
      firstTime: slots[0]?.time ?? null,
      lastTime: slots.at(-1)?.time ?? null,
    });
  }
  return days;
}

/**
 * availability.hold: keeps the best tables (or the given ones) for a few minutes while a guest
 * or agent decides. Held tables go through the exclusion constraint like bookings, so nobody
 * else is offered them; bookings.create({ holdId }) converts the hold, and an expired hold is
 * freed by the next writer that needs its tables.
 */
export async function hold(
  deps: Deps,
  scope: Scope,
  input: {
    date: string;
    time: string;
    partySize: number;
    durationMin?: number | undefined;
    tableIds?: string[] | undefined;
    source: TReservationSource;
    overridePacing?: boolean | undefined;
  },
): Promise<THold> {
  const rid = scope.restaurantId;
  let lost: Pick<Placement, 'tableIds' | 'want'> | undefined;
  try {
    return await write(deps, scope, async ({ tx, eventSql }) => {
      const locks = input.tableIds ? { tableIds: input.tableIds } : { dates: [input.date] };
      const { day } = await openDayForWrite(tx, rid, input.date, [
        sql`${bookingLocks(rid, locks)} as locked`,
      ]);
      const want = wantFor(day, input);
      const startsAt = slotOrThrow(day, input.time, want);
      // Chosen tables skip checkAvailability below, and converting a hold skips these rules.
      const timing = timingProblem(day, startsAt, want);
      let tableIds = input.tableIds;
      const pacing = !input.overridePacing && day.settings.pacingMaxCovers !== null;
      // Chosen tables read only what can stand in their way (and what starts with them, for
      // pacing); picking tables, or saying why not, reads the whole day.
      const { taken, expired } = await readTakenForWrite(
        tx,
        rid,
        day,
        tableIds && !timing ? { tableIds, startsAt: pacing ? startsAt : null } : undefined,
      );
      day.taken = taken;
      if (timing) throw noAvailability(day, want, input.time, timing);
      const endsAt = new Date(startsAt.getTime() + want.durationMin * 60_000);
      const wanted = {
        date: input.date,
        time: input.time,
        partySize: input.partySize,
        durationMin: want.durationMin,
        source: input.source,
      };
      if (tableIds) {
        await assertSeatableOn(tx, scope, day, tableIds, input.partySize, input.source);
        await assertFree(tx, scope, day, { tableIds, from: startsAt, to: endsAt, want: wanted });
      } else {
        const best = optionsAt(day, startsAt, want)[0];
        if (!best)
          throw noAvailability(
            day,
            want,
            input.time,
            checkAvailability(day, want, input.time).reason ?? 'full',
          );
        tableIds = best.tableIds;
        await lockBookingWrites(tx, rid, { tableIds }); // see lockBookingWrites
      }
      // Converting the hold skips the rules, so pacing is decided here, as bookings.create does.
      if (pacing && pacingExceeded(day, startsAt, want)) {
        if (input.tableIds) day.taken = (await readTakenForWrite(tx, rid, day)).taken; // for the alternatives
        throw noAvailability(day, want, input.time, 'pacing');
      }
      const chosen = tableIds;
      await freeExpiredHolds(tx, rid, { tableIds: chosen, from: startsAt, to: endsAt, expired });

      // The hold, its allocations and its event in one statement; the exclusion constraint judges.
      const holdId = randomUUID();
      const names = day.tables.filter((t) => chosen.includes(t.id)).map((t) => t.name);
      const event = eventSql(
        {
          type: 'hold.created',
          entityId: holdId,
          payload: {
            tables: names,
            tableIds: chosen,
            date: input.date,
            time: input.time,
            partySize: input.partySize,
          },
        },
        sql`from h`,
      );
      lost = { tableIds: chosen, want: wanted };
      const [row] = await preparedRows<{ expiresAt: string | Date }>(
        tx,
        sql`with h as (
          insert into ${holds} (id, restaurant_id, starts_at, ends_at, party_size, expires_at, created_by)
          values (${holdId}::uuid, ${rid}::uuid, ${startsAt.toISOString()}::timestamptz,
            ${endsAt.toISOString()}::timestamptz, ${input.partySize}::int,
            now() + make_interval(mins => ${HOLD_MINUTES}::int), ${scope.actor.name}::text)
          returning id, expires_at
        ), a as (${allocationsInsert(rid, { tableIds: chosen, from: startsAt, to: endsAt }, sql`h`, 'hold_id')}
        ), e as (${event})
        select expires_at as "expiresAt" from h`,
      );
      return {
        holdId,
        expiresAt: new Date(row!.expiresAt),
        tableIds: chosen,
        date: input.date,
        time: input.time,
        partySize: input.partySize,
      };
    });
  } catch (err) {
    const code = pgErrorCode(err);
    // The transaction has rolled back: the alternatives are read after the winner committed.
    if (lost && (code === '23P01' || code === '40P01')) throw await slotTaken(deps.db, scope, lost);
    throw err;
  }
}

/** Releases a hold before it expires (the guest decided against it). */
export async function release(deps: Deps, scope: Scope, holdId: string): Promise<{ ok: true }> {
  return write(deps, scope, async ({ tx, emit }) => {
    const held = await tx
      .select({ tableId: tableAllocations.tableId })
      .from(tableAllocations)
      .where(and(eq(tableAllocations.restaurantId, scope.restaurantId), eq(tableAllocations.holdId, holdId)));
    const [gone] = await tx
      .delete(holds)
      .where(and(eq(holds.restaurantId, scope.restaurantId), eq(holds.id, holdId)))
      .returning({ startsAt: holds.startsAt, partySize: holds.partySize });
    if (gone) {
      const { timeZone } = await loadSettings(tx, scope.restaurantId);
      await emit({
        type: 'hold.released',
        entityId: holdId,
        payload: {
          tables: await tableNames(
            tx,
            scope.restaurantId,
            held.map((h) => h.tableId),
          ),
          ...instantToZoned(gone.startsAt, timeZone),
          partySize: gone.partySize,
        },
      });
    }
    return { ok: true as const };
  });
}
