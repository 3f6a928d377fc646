import { createHash, randomInt, randomUUID } from 'node:crypto';
import { guests, holds, idempotencyKeys, pgErrorCode, reservations, tableAllocations } from '@tobeout/db';
import {
  findSlot,
  instantToZoned,
  normalisePhone,
  slotsForDay,
  type TBooking,
  type TNoAvailabilityReason,
  type TReservationSource,
  type TReservationStatus,
  type ZBookingCreateInput,
} from '@tobeout/shared';
import { and, eq, gt, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type Day,
  type ExpiredHold,
  loadSettings,
  openDayForWrite,
  readTakenForWrite,
  type Settings,
} from '../availability/day';
import {
  checkAvailability,
  durationFor,
  optionsAt,
  pacingExceeded,
  reasonMessage,
  timingProblem,
  type Want,
} from '../availability/engine';
import type { Deps, Scope } from '../deps';
import { AppError } from '../errors';
import { periodOf } from '../tables/blocks';
import { preparedRows, type WriteContext, write } from '../write';
import {
  assertFree,
  bookingLocks,
  freeExpiredHolds,
  lockBookingWrites,
  type Placement,
  slotTaken,
} from './place';
import { bookingSummary, getBooking, toBooking } from './read';
import { assertSeatableOn } from './seating';

type Input = z.output<typeof ZBookingCreateInput>;
type Tx = WriteContext['tx'];

/** Unambiguous letters and digits (no 0/O, 1/I/L): easy to read out on the phone. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function confirmationCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** Objects with their keys sorted, at every depth (a replacer array would drop nested keys). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
}

function requestHash(input: Input): string {
  const { idempotencyKey: _, ...rest } = input;
  return createHash('sha256')
    .update(JSON.stringify(canonical(rest)))
    .digest('hex');
}

/**
 * Claims an idempotency key in this transaction, with the id the booking will have: a concurrent
 * request with the same key waits on the key's row until the first commits, then gets the first
 * booking back (a rolled-back first request takes its key with it).
 */
async function claimKey(
  tx: Tx,
  scope: Scope,
  key: string,
  hash: string,
  reservationId: string,
): Promise<string | null> {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({
      restaurantId: scope.restaurantId,
      key,
      operation: 'bookings.create',
      requestHash: hash,
      response: { reservationId },
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length > 0) return null;
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.restaurantId, scope.restaurantId), eq(idempotencyKeys.key, key)));
  if (row?.operation !== 'bookings.create' || row.requestHash !== hash)
    throw new AppError(
      'IDEMPOTENCY_MISMATCH',
      'This idempotency key was already used for a different request: use a new key for a new booking.',
      { fieldErrors: { idempotencyKey: ['Already used for a different request.'] } },
    );
  return (row.response as { reservationId: string }).reservationId;
}

/** The guest with this phone number (E.164), updated with what it lacked, or a new guest. */
const guestSummary = { id: guests.id, name: guests.name, phone: guests.phone, email: guests.email };

async function createGuest(
  tx: Tx,
  scope: Scope,
  settings: Settings,
  guest: NonNullable<Input['guest']>,
): Promise<TBooking['guest']> {
  let phone: string | null = null;
  if (guest.phone) {
    const parsed = normalisePhone(guest.phone, settings.country);
    if (!parsed.ok) throw AppError.field('guest.phone', parsed.message);
    phone = parsed.e164;
  }
  const values = {
    restaurantId: scope.restaurantId,
    name: guest.name,
    phone,
    email: guest.email ?? null,
    language: guest.language ?? null,
  };
  const [row] = phone
    ? await tx
        .insert(guests)
        .values(values)
        .onConflictDoUpdate({
          target: [guests.restaurantId, guests.phone],
          targetWhere: sql`${guests.phone} is not null`,
          set: {
            email: sql`coalesce(${guests.email}, excluded.email)`,
            language: sql`coalesce(${guests.language}, excluded.language)`,
          },
        })
        .returning(guestSummary)
    : await tx.insert(guests).values(values).returning(guestSummary);
  return row!;
}

type HoldSeating = {
  startsAt: Date;
  date: string;
  partySize: number;
  durationMin: number;
  tableIds: string[];
};

/** The tables a hold keeps (read before taking their booking locks). */
async function holdTables(tx: Tx, scope: Scope, holdId: string): Promise<string[]> {
  const rows = await tx
    .select({ tableId: tableAllocations.tableId })
    .from(tableAllocations)
    .where(and(eq(tableAllocations.restaurantId, scope.restaurantId), eq(tableAllocations.holdId, holdId)));
  return rows.map((r) => r.tableId);
}

/** A live hold's seating; the hold (and with it its allocations) is removed for the booking. */
async function takeHold(tx: Tx, scope: Scope, holdId: string, timeZone: string): Promise<HoldSeating> {
  const [hold] = await tx
    .select()
    .from(holds)
    .where(
      and(eq(holds.restaurantId, scope.restaurantId), eq(holds.id, holdId), gt(holds.expiresAt, sql`now()`)),
    )
    .for('update');
  if (!hold)
    throw new AppError('HOLD_EXPIRED', 'This hold has expired or does not exist: check availability again.', {
      fieldErrors: { holdId: ['Expired or unknown hold.'] },
    });
  const allocations = await tx
    .select({ tableId: tableAllocations.tableId })
    .from(tableAllocations)
    .where(and(eq(tableAllocations.restaurantId, scope.restaurantId), eq(tableAllocations.holdId, hold.id)));
  await tx.delete(holds).where(eq(holds.id, hold.id));
  return {
    startsAt: hold.startsAt,
    date: instantToZoned(hold.startsAt, timeZone).date,
    partySize: hold.partySize,
    durationMin: Math.round((hold.endsAt.getTime() - hold.startsAt.getTime()) / 60_000),
    tableIds: allocations.map((a) => a.tableId),
  };
}

/** NO_AVAILABILITY with the reason for people, forms and agents, and the nearest alternatives. */
export function noAvailability(day: Day, want: Want, time: string, reason: TNoAvailabilityReason): AppError {
  const message = reasonMessage(reason, day, want, time);
  const alternatives = reason === 'party_too_large' ? [] : checkAvailability(day, want, time).slots;
  return new AppError('NO_AVAILABILITY', message, {
    fieldErrors: { time: [message] },
    details: { reason, alternatives },
  });
}

/** The requested local time as a slot of the day, or why it is not one. */
export function slotOrThrow(day: Day, time: string, want: Want): Date {
  const found = findSlot(day.date, time, day.rules, want.durationMin);
  if (!found.slot) throw noAvailability(day, want, time, found.reason);
  return found.slot.startsAt;
}

/** A requested instant as a slot of the day (exactly one of its slot starts), or why not. */
export function instantSlotOrThrow(day: Day, startsAt: Date, time: string, want: Want): Date {
  const match = slotsForDay(day.date, day.rules, want.durationMin).find(
    (s) => s.startsAt.getTime() === startsAt.getTime(),
  );
  if (match) return match.startsAt;
  slotOrThrow(day, time, want); // says why the time is not bookable
  throw noAvailability(day, want, time, 'off_grid');
}

/** What the booking's one INSERT statement writes. */
type NewBooking = {
  id: string;
  guest: TBooking['guest'];
  startsAt: Date;
  endsAt: Date;
  partySize: number;
  status: TReservationStatus;
  source: TReservationSource;
  specialRequests: string | null;
  createdBy: string | null;
  confirmedAt: Date;
  seatedAt: Date | null;
  tableIds: string[];
};

/**
 * Writes the reservation, its allocations and its booking.created event in ONE statement (a
 * data-modifying WITH), with a fresh confirmation code; a clash on the code writes nothing and
 * draws again. The exclusion constraint judges the allocations: a concurrent winner makes the
 * statement fail with 23P01 (or 40P01), and with it the transaction.
 */
async function insertBooking(
  { tx, eventSql }: WriteContext,
  scope: Scope,
  b: NewBooking,
  shown: { date: string; timeZone: string; tables: TBooking['tables'] },
): Promise<TBooking> {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const period = periodOf(b.startsAt, b.endsAt);
  const tableRows = sql.join(
    b.tableIds.map((id) => sql`(${id}::uuid)`),
    sql`, `,
  );
  for (let attempt = 0; attempt < 5; attempt++) {
    const row: typeof reservations.$inferSelect = {
      id: b.id,
      restaurantId: scope.restaurantId,
      guestId: b.guest.id,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      partySize: b.partySize,
      status: b.status,
      source: b.source,
      specialRequests: b.specialRequests,
      confirmationCode: confirmationCode(),
      version: 1,
      seriesId: null,
      cancelReason: null,
      createdBy: b.createdBy,
      confirmedAt: b.confirmedAt,
      seatedAt: b.seatedAt,
      completedAt: null,
      canceledAt: null,
      noShowAt: null,
      createdAt: b.confirmedAt, // replaced by the database's below
      updatedAt: b.confirmedAt,
    };
    const booking = toBooking(row, b.guest, shown.tables, shown.date, shown.timeZone);
    const event = eventSql(
      {
        type: 'booking.created',
        entityId: b.id,
        payload: { ...bookingSummary(booking), status: b.status, source: b.source },
      },
      sql`from r`,
    );
    const [written] = await preparedRows<{ createdAt: string | Date; updatedAt: string | Date }>(
      tx,
      sql`with r as (
        insert into ${reservations} (id, restaurant_id, guest_id, starts_at, ends_at, party_size, status, source,
          special_requests, confirmation_code, created_by, confirmed_at, seated_at)
        values (${row.id}::uuid, ${row.restaurantId}::uuid, ${row.guestId}::uuid, ${iso(row.startsAt)}::timestamptz,
          ${iso(row.endsAt)}::timestamptz, ${row.partySize}::int, ${row.status}::reservation_status,
          ${row.source}::reservation_source, ${row.specialRequests}::text, ${row.confirmationCode}::text,
          ${row.createdBy}::text, ${iso(row.confirmedAt)}::timestamptz, ${iso(row.seatedAt)}::timestamptz)
        on conflict (restaurant_id, confirmation_code) do nothing
        returning id, created_at, updated_at
      ), a as (
        insert into ${tableAllocations} (restaurant_id, table_id, period, reservation_id)
        select ${scope.restaurantId}::uuid, t.id, ${period}::tstzrange, r.id from r, (values ${tableRows}) t(id)
      ), e as (${event})
      select created_at as "createdAt", updated_at as "updatedAt" from r`,
    );
    if (written) {
      booking.createdAt = new Date(written.createdAt);
      booking.updatedAt = new Date(written.updatedAt);
      return booking;
    }
  }
  throw new Error('No free confirmation code after 5 draws');
}

/** The existing guest, read with the day's configuration (null when there is none). */
function guestColumn(scope: Scope, guestId: string | undefined): SQL {
  return guestId
    ? sql`(select json_build_object('id', id, 'name', name, 'phone', phone, 'email', email)
        from ${guests} where restaurant_id = ${scope.restaurantId} and id = ${guestId}::uuid) as guest`
    : sql`null::json as guest`;
}

export async function createBooking(deps: Deps, scope: Scope, input: Input): Promise<TBooking> {
  const now = new Date();
  // Work that needs neither the database nor a lock happens before the transaction.
  const hash = input.idempotencyKey ? requestHash(input) : null;
  const reservationId = randomUUID();
  const rid = scope.restaurantId;
  let lost: Pick<Placement, 'tableIds' | 'want'> | undefined;
  try {
    return await write(deps, scope, async (w) => {
      const { tx } = w;
      if (input.idempotencyKey) {
        const existing = await claimKey(tx, scope, input.idempotencyKey, hash!, reservationId);
        if (existing) return getBooking(tx, scope, existing);
      }
      const source: TReservationSource = input.source;
      const walkIn = source === 'walk_in';

      // When and for how many. Without a hold, the locks are taken in the statement that reads the
      // day's configuration and the guest; what takes the tables is read in the next one.
      let hold: HoldSeating | undefined;
      let date: string;
      let first: SQL[] = [];
      if (input.holdId) {
        const { timeZone } = await loadSettings(tx, rid);
        const named = input.tableIds ?? (await holdTables(tx, scope, input.holdId));
        await lockBookingWrites(
          tx,
          rid,
          named.length
            ? { tableIds: named }
            : { dates: [walkIn && !input.date ? instantToZoned(now, timeZone).date : input.date!] },
        );
        hold = await takeHold(tx, scope, input.holdId, timeZone);
        date = hold.date;
      } else {
        date =
          walkIn && !input.date
            ? instantToZoned(now, (await loadSettings(tx, rid)).timeZone).date
            : input.date!;
        const locks = input.tableIds?.length ? { tableIds: input.tableIds } : { dates: [date] };
        first = [sql`${bookingLocks(rid, locks)} as locked`];
      }
      const opened = await openDayForWrite<{ guest: TBooking['guest'] | null }>(tx, rid, date, [
        ...first,
        guestColumn(scope, input.guestId),
      ]);
      const { day } = opened;
      let expired: ExpiredHold[] = [];
      let whole = false;
      /** The day with everything that takes its tables: to pick tables, or to offer alternatives. */
      const wholeDay = async () => {
        if (!whole) ({ taken: day.taken, expired } = await readTakenForWrite(tx, rid, day));
        whole = true;
        return day;
      };
      let tableIds = input.tableIds;
      let startsAt: Date;
      let partySize: number;
      let durationMin: number;
      if (hold) {
        startsAt = hold.startsAt;
        partySize = input.partySize ?? hold.partySize;
        durationMin = input.durationMin ?? hold.durationMin;
        tableIds ??= hold.tableIds;
      } else {
        partySize = input.partySize!;
        durationMin = durationFor(day.settings, partySize, input.durationMin);
        if (walkIn && !input.time) startsAt = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
        else {
          const found = findSlot(day.date, input.time!, day.rules, durationMin);
          if (!found.slot)
            throw noAvailability(
              await wholeDay(),
              { partySize, durationMin, source, now },
              input.time!,
              found.reason,
            );
          startsAt = found.slot.startsAt;
        }
      }
      const time = instantToZoned(startsAt, day.settings.timeZone).time;
      const want: Want = { partySize, durationMin, source, now };
      if (!walkIn && !input.holdId) {
        const timing = timingProblem(day, startsAt, want);
        if (timing) throw noAvailability(await wholeDay(), want, time, timing);
      }

      // Where. Chosen tables read only what can stand in their way (and what starts with them, for
      // pacing); the engine picking tables reads the whole day.
      const endsAt = new Date(startsAt.getTime() + durationMin * 60_000);
      const wanted = { date, time, partySize, durationMin, source };
      if (tableIds) {
        await assertSeatableOn(tx, scope, day, tableIds, partySize, source);
        const pacing = day.settings.pacingMaxCovers !== null;
        ({ taken: day.taken, expired } = await readTakenForWrite(tx, rid, day, {
          tableIds,
          startsAt: pacing ? startsAt : null,
        }));
        await assertFree(tx, scope, day, { tableIds, from: startsAt, to: endsAt, want: wanted });
      } else {
        const best = optionsAt(await wholeDay(), startsAt, want)[0];
        if (!best) throw noAvailability(day, want, time, checkAvailability(day, want, time).reason ?? 'full');
        tableIds = best.tableIds;
      }
      if (!walkIn && !input.overridePacing && pacingExceeded(day, startsAt, want))
        throw noAvailability(await wholeDay(), want, time, 'pacing');

      let guest = opened.extra.guest;
      if (input.guestId && !guest)
        throw AppError.field('guestId', 'This guest does not exist in this restaurant.', 'NOT_FOUND');
      guest ??= await createGuest(tx, scope, day.settings, input.guest!);

      // Expired holds on these tables over the period are freed first (only when there are any), so
      // an expired hold never stands in the way; their row locks order two writers that both want
      // the freed tables (the exclusion constraint then picks exactly one).
      const chosen = tableIds;
      const from = startsAt.getTime();
      const to = endsAt.getTime();
      if (expired.some((h) => chosen.includes(h.tableId) && h.from < to && from < h.to))
        await freeExpiredHolds(tx, rid, chosen, periodOf(startsAt, endsAt));

      // In display order, as bookings.get lists them.
      const booked = day.tables.filter((t) => chosen.includes(t.id)).map((t) => ({ id: t.id, name: t.name }));
      try {
        return await insertBooking(
          w,
          scope,
          {
            id: reservationId,
            guest,
            startsAt,
            endsAt,
            partySize,
            status: walkIn ? 'seated' : 'confirmed',
            source,
            specialRequests: input.specialRequests ?? null,
            createdBy: scope.actor.kind === 'user' ? scope.actor.id : null,
            confirmedAt: now,
            seatedAt: walkIn ? now : null,
            tableIds: chosen,
          },
          { date, timeZone: day.settings.timeZone, tables: booked },
        );
      } catch (err) {
        lost = { tableIds: chosen, want: wanted };
        throw err;
      }
    });
  } catch (err) {
    const code = pgErrorCode(err);
    // The transaction has rolled back: the alternatives are read after the winner committed.
    if (lost && (code === '23P01' || code === '40P01')) throw await slotTaken(deps.db, scope, lost);
    throw err;
  }
}
