import { guests, pgErrorCode, reservations, tableAllocations } from '@tobeout/db';
import {
  addDays,
  instantToZoned,
  isTerminal,
  STATUS_TIMESTAMP,
  serviceDateOf,
  type TBooking,
  type TReservationStatus,
  transitionError,
} from '@tobeout/shared';
import { and, eq, sql } from 'drizzle-orm';
import { loadSettings, openDayForWrite, readTakenForWrite } from '../availability/day';
import type { Want } from '../availability/engine';
import { type Changes, changesOf } from '../changes';
import type { Deps, Scope } from '../deps';
import { AppError } from '../errors';
import { loadHoursRules } from '../rules';
import { type WriteContext, write } from '../write';
import { instantSlotOrThrow, slotOrThrow } from './create';
import {
  allocationsInsert,
  assertFree,
  freeExpiredHolds,
  lockBookingWrites,
  type Placement,
  slotTaken,
} from './place';
import { bookingSummary, getBooking } from './read';
import { assertSeatableOn } from './seating';

type Tx = WriteContext['tx'];

/**
 * Locks the booking for this transaction. A version older than the stored one means someone
 * else changed it since the caller looked: CONFLICT with the current booking, so the caller can
 * show theirs next to its own.
 */
async function lockBooking(tx: Tx, scope: Scope, id: string, version?: number) {
  const [row] = await tx
    .select()
    .from(reservations)
    .where(and(eq(reservations.restaurantId, scope.restaurantId), eq(reservations.id, id)))
    .for('update');
  if (!row) throw AppError.field('id', 'This booking does not exist in this restaurant.', 'NOT_FOUND');
  if (version !== undefined && version !== row.version) {
    const current = await getBooking(tx, scope, id);
    throw new AppError(
      'VERSION_CONFLICT',
      `Someone else changed this booking (version ${row.version}, you had ${version}): review their change and try again.`,
      { details: { current } },
    );
  }
  return row;
}

export type ChangeInput = {
  id: string;
  version?: number | undefined;
  date?: string | undefined;
  time?: string | undefined;
  partySize?: number | undefined;
  durationMin?: number | undefined;
  tableIds?: string[] | undefined;
  specialRequests?: string | null | undefined;
  /** The new start as an instant (instead of date + time). */
  startsAt?: Date | undefined;
};

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * bookings.update and bookings.move: time, party, duration, tables and requests. The booking
 * locks of its tables (the ones it has and any it is moved to) come first, as in every booking
 * write, then its row. When the period or the tables change, the new ones are checked against
 * what the day holds (a taken table is SLOT_TAKEN with alternatives before anything is written),
 * and the allocations are replaced in the same transaction — the exclusion constraint judges the
 * new ones against whatever the locks do not order (blocks, direct writes).
 */
export async function changeBooking(
  deps: Deps,
  scope: Scope,
  input: ChangeInput,
  type: 'booking.updated' | 'booking.moved',
): Promise<TBooking> {
  const rid = scope.restaurantId;
  let lost: Pick<Placement, 'tableIds' | 'want'> | undefined;
  try {
    return await write(deps, scope, async ({ tx, eventSql }) => {
      await lockBookingWrites(tx, rid, {
        tableIds: input.tableIds ?? [],
        heldBy: { reservationId: input.id },
      });
      const row = await lockBooking(tx, scope, input.id, input.version);
      const before = await getBooking(tx, scope, input.id);
      // An instant names one of two repeated autumn times exactly; date + time means the first.
      let date = input.date ?? before.date;
      let time = input.time ?? before.time;
      if (input.startsAt) {
        const { timeZone } = await loadSettings(tx, rid);
        const target = instantToZoned(input.startsAt, timeZone).date;
        const hours = await loadHoursRules(tx, rid, addDays(target, -1), target);
        date = serviceDateOf(input.startsAt, {
          timeZone,
          weekly: hours.weekly,
          special: hours.specialByDate,
        });
        time = instantToZoned(input.startsAt, timeZone).time;
      }
      const partySize = input.partySize ?? row.partySize;
      const durationMin = input.durationMin ?? before.durationMin;
      const tableIds = input.tableIds ?? before.tables.map((t) => t.id);
      const moved = input.startsAt
        ? input.startsAt.getTime() !== row.startsAt.getTime()
        : date !== before.date || time !== before.time;
      const reseated = !sameSet(
        tableIds,
        before.tables.map((t) => t.id),
      );
      const resized = durationMin !== before.durationMin || partySize !== row.partySize;
      if ((moved || reseated || resized) && isTerminal(row.status))
        throw new AppError(
          'INVALID_TRANSITION',
          `A ${row.status.replace('_', '-')} booking cannot be changed.`,
        );
      if (moved && row.status === 'seated')
        throw AppError.field(
          'time',
          'The party is already seated: its start time cannot move.',
          'INVALID_TRANSITION',
        );

      let startsAt = row.startsAt;
      let tables = before.tables;
      const replace = moved || reseated || durationMin !== before.durationMin;
      const day =
        replace || partySize > row.partySize ? (await openDayForWrite(tx, rid, date, [])).day : null;
      if (moved) {
        const want: Want = { partySize, durationMin, source: 'staff', now: new Date(), ignoreOwner: row.id };
        startsAt = input.startsAt
          ? instantSlotOrThrow(day!, input.startsAt, time, want)
          : slotOrThrow(day!, time, want);
      }
      const endsAt = new Date(startsAt.getTime() + durationMin * 60_000);
      if (day && (reseated || partySize > row.partySize))
        await assertSeatableOn(tx, scope, day, tableIds, partySize, 'staff');
      if (day && reseated) {
        const chosen = new Set(tableIds);
        tables = day.tables.filter((t) => chosen.has(t.id)).map((t) => ({ id: t.id, name: t.name }));
      }
      if (day && replace) {
        // What stands in the new tables' way, the booking's own allocations aside.
        const want = { date, time, partySize, durationMin, source: 'staff' as const };
        const { taken, expired } = await readTakenForWrite(tx, rid, day, { tableIds, startsAt: null });
        day.taken = taken.filter((t) => t.ownerId !== row.id);
        await assertFree(tx, scope, day, { tableIds, from: startsAt, to: endsAt, want });
        await freeExpiredHolds(tx, rid, { tableIds, from: startsAt, to: endsAt, expired });
        await tx
          .delete(tableAllocations)
          .where(and(eq(tableAllocations.restaurantId, rid), eq(tableAllocations.reservationId, row.id)));
        lost = { tableIds, want };
      }
      const after: TBooking = {
        ...before,
        date,
        time,
        startsAt,
        endsAt,
        durationMin,
        partySize,
        tables,
        specialRequests: input.specialRequests === undefined ? row.specialRequests : input.specialRequests,
        version: row.version + 1,
        updatedAt: new Date(),
      };
      // The new allocations (when they change), the booking and its event in one statement.
      const allocations = replace
        ? sql`, a as (${allocationsInsert(rid, { tableIds, from: startsAt, to: endsAt }, sql`r`, 'reservation_id')})`
        : sql``;
      const event = eventSql(
        {
          type,
          entityId: row.id,
          payload: { ...bookingSummary(after), changes: bookingChanges(before, after) },
        },
        sql`from r`,
      );
      await tx.execute(sql`with r as (
          update ${reservations} set starts_at = ${startsAt.toISOString()}::timestamptz,
            ends_at = ${endsAt.toISOString()}::timestamptz, party_size = ${partySize}::int,
            special_requests = ${after.specialRequests}::text, version = ${after.version}::int,
            updated_at = ${after.updatedAt.toISOString()}::timestamptz
          where restaurant_id = ${rid}::uuid and id = ${row.id}::uuid
          returning id
        )${allocations}, e as (${event})
        select 1`);
      return after;
    });
  } catch (err) {
    const code = pgErrorCode(err);
    // The transaction has rolled back: the alternatives are read after the winner committed.
    if (lost && (code === '23P01' || code === '40P01')) throw await slotTaken(deps.db, scope, lost);
    throw err;
  }
}

/** What changed, old → new, in the terms staff use (local time, table names). */
function bookingChanges(before: TBooking, after: TBooking): Changes {
  return changesOf({
    date: [before.date, after.date],
    time: [before.time, after.time],
    partySize: [before.partySize, after.partySize],
    durationMin: [before.durationMin, after.durationMin],
    tables: [before.tables.map((t) => t.name), after.tables.map((t) => t.name)],
    specialRequests: [before.specialRequests, after.specialRequests],
  });
}

/** Guest counters move in the same transaction as the status that moves them. */
const COUNTER: Partial<Record<TReservationStatus, 'visitCount' | 'noShowCount' | 'cancelCount'>> = {
  completed: 'visitCount',
  no_show: 'noShowCount',
  canceled: 'cancelCount',
};

/**
 * Moves a booking along its lifecycle (shared/ lifecycle data decides what is allowed).
 * Cancelled and no-show bookings free their tables; completing early shortens the stay so the
 * table is free from now on.
 */
export async function setStatus(
  deps: Deps,
  scope: Scope,
  input: {
    id: string;
    status: TReservationStatus;
    version?: number | undefined;
    reason?: string | undefined;
  },
): Promise<TBooking> {
  return write(deps, scope, async ({ tx, emit }) => {
    const row = await lockBooking(tx, scope, input.id, input.version);
    const refused = transitionError(row.status, input.status);
    if (refused) throw AppError.field('status', refused, 'INVALID_TRANSITION');
    const now = new Date();
    const stamp = STATUS_TIMESTAMP[input.status];
    const shorten = input.status === 'completed' && now < row.endsAt && now > row.startsAt;
    // Ends on the minute, where a walk-in seated now starts, so the table is free for them.
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    const end = minute > row.startsAt ? minute : now;
    await tx
      .update(reservations)
      .set({
        status: input.status,
        version: row.version + 1,
        ...(stamp ? { [stamp]: now } : {}),
        ...(input.status === 'canceled' ? { cancelReason: input.reason ?? null } : {}),
        ...(shorten ? { endsAt: end } : {}),
      })
      .where(eq(reservations.id, row.id));
    const allocations = and(
      eq(tableAllocations.restaurantId, scope.restaurantId),
      eq(tableAllocations.reservationId, row.id),
    );
    if (input.status === 'canceled' || input.status === 'no_show')
      await tx.update(tableAllocations).set({ active: false }).where(allocations);
    if (shorten)
      await tx
        .update(tableAllocations)
        .set({ period: sql`tstzrange(lower(${tableAllocations.period}), ${end.toISOString()}::timestamptz)` })
        .where(allocations);
    const counter = COUNTER[input.status];
    if (counter)
      await tx
        .update(guests)
        .set({
          [counter]: sql`${guests[counter]} + 1`,
          ...(input.status === 'completed'
            ? {
                lastVisitAt: sql`greatest(${guests.lastVisitAt}, ${row.startsAt.toISOString()}::timestamptz)`,
              }
            : {}),
        })
        .where(and(eq(guests.restaurantId, scope.restaurantId), eq(guests.id, row.guestId)));
    const after = await getBooking(tx, scope, row.id);
    await emit({
      type: input.status === 'canceled' ? 'booking.canceled' : 'booking.statusChanged',
      entityId: row.id,
      payload: {
        ...bookingSummary(after),
        from: row.status,
        to: input.status,
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
    return after;
  });
}
