import { createHash, randomInt, randomUUID } from 'node:crypto';
import {
  events,
  guests,
  holds,
  idempotencyKeys,
  pgErrorCode,
  reservations,
  restaurants,
  tableAllocations,
} from '@tobeout/db';
import {
  instantToZoned,
  normalisePhone,
  slotsForDay,
  type TBooking,
  type TNoAvailabilityReason,
  type TReservationSource,
  type TReservationStatus,
  type ZBookingCreateInput,
} from '@tobeout/shared';
import { and, eq, type SQL, sql } from 'drizzle-orm';
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
  daySlotAt,
  durationFor,
  optionsAt,
  pacingExceeded,
  reasonMessage,
  timingProblem,
  type Want,
} from '../availability/engine';
import type { Deps, Scope } from '../deps';
import { AppError } from '../errors';
import { preparedRows, type WriteContext, write } from '../write';
import {
  allocationsInsert,
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
  partySize: number;
  durationMin: number;
  tableIds: string[];
};

function holdExpired(): AppError {
  return new AppError('HOLD_EXPIRED', 'This hold has expired or does not exist: check availability again.', {
    fieldErrors: { holdId: ['Expired or unknown hold.'] },
  });
}

/**
 * Converting a hold, first statement: the hold's tables (and any others named) locked, with the
 * local date it starts on — a hold never changes (it is only taken or released), so it can be read
 * in the statement that waits for the locks. Null when there is no such hold.
 */
async function lockHold(tx: Tx, scope: Scope, holdId: string, tableIds: string[]): Promise<string | null> {
  const [row] = await preparedRows<{ date: string | null }>(
    tx,
    sql`select ${bookingLocks(scope.restaurantId, { tableIds, heldBy: { holdId } })} as locked,
      (select to_char(h.starts_at at time zone r.timezone, 'YYYY-MM-DD') from ${holds} h
       join ${restaurants} r on r.id = h.restaurant_id
       where h.restaurant_id = ${scope.restaurantId}::uuid and h.id = ${holdId}::uuid) as date`,
  );
  return row?.date ?? null;
}

/**
 * Takes a live hold for its booking, as a WITH query of the statement that reads the day (after
 * the locks): the hold is deleted — and with it its allocations — and `hold` gives its seating,
 * or null when it has expired or was taken meanwhile.
 */
function takeHold(scope: Scope, holdId: string): { with: SQL; column: SQL } {
  return {
    with: sql`taken_hold as (
      delete from ${holds} h where h.restaurant_id = ${scope.restaurantId}::uuid and h.id = ${holdId}::uuid
        and h.expires_at > now()
      returning h.starts_at as "startsAt", h.ends_at as "endsAt", h.party_size as "partySize",
        (select array_agg(a.table_id) from ${tableAllocations} a
         where a.restaurant_id = h.restaurant_id and a.hold_id = h.id) as "tableIds")`,
    column: sql`(select row_to_json(taken_hold) from taken_hold) as hold`,
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
  const found = daySlotAt(day, time, want.durationMin);
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
  shown: { date: string; time: string; tables: TBooking['tables'] },
): Promise<TBooking> {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
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
    const booking = toBooking(row, b.guest, shown.tables, shown.date, shown.time);
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
      ), a as (${allocationsInsert(scope.restaurantId, { tableIds: b.tableIds, from: b.startsAt, to: b.endsAt }, sql`r`, 'reservation_id')}
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

/**
 * The existing guest, read with the day's configuration (null when there is none), and locked
 * against a merge until the booking commits: a guests.merge that locked the record first is
 * waited for, and a record it merged away then reads as gone (see guestGone).
 */
function guestColumn(scope: Scope, guestId: string | undefined): SQL {
  return guestId
    ? sql`(select json_build_object('id', id, 'name', name, 'phone', phone, 'email', email)
        from ${guests} where restaurant_id = ${scope.restaurantId} and id = ${guestId}::uuid for key share) as guest`
    : sql`null::json as guest`;
}

/**
 * Why a guest id names no guest: merged into another record (by a guests.merge this booking
 * waited for, so a recent one) — said with both names and the kept record's id, to book for that
 * one — or never a guest of this restaurant.
 */
async function guestGone(tx: Tx, scope: Scope, guestId: string): Promise<AppError> {
  const [merge] = await preparedRows<{ keepId: string; name: string; mergedName: string }>(
    tx,
    sql`select entity_id as "keepId", payload->>'name' as name, payload->>'mergedName' as "mergedName"
      from ${events}
      where restaurant_id = ${scope.restaurantId}::uuid and at > now() - interval '1 hour'
        and type = 'guest.merged' and payload->>'mergedId' = ${guestId}::text
      order by at desc limit 1`,
  );
  if (!merge) return AppError.field('guestId', 'This guest does not exist in this restaurant.', 'NOT_FOUND');
  const message = `${merge.mergedName} was merged into ${merge.name} while this booking was being made: book it for ${merge.name}.`;
  return new AppError('NOT_FOUND', message, {
    fieldErrors: { guestId: [message] },
    details: { mergedInto: merge.keepId },
  });
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

      // When and for how many. The locks are taken in the statement that reads the day's
      // configuration and the guest (a converted hold's, in one before it); what takes the
      // tables is read in the next one.
      let date: string;
      let first: SQL[];
      let taking: ReturnType<typeof takeHold> | undefined;
      if (input.holdId) {
        const held = await lockHold(tx, scope, input.holdId, input.tableIds ?? []);
        if (!held) throw holdExpired();
        date = held;
        taking = takeHold(scope, input.holdId);
        first = [taking.column];
      } else {
        date =
          walkIn && !input.date
            ? instantToZoned(now, (await loadSettings(tx, rid)).timeZone).date
            : input.date!;
        const locks = input.tableIds?.length ? { tableIds: input.tableIds } : { dates: [date] };
        first = [sql`${bookingLocks(rid, locks)} as locked`];
      }
      const opened = await openDayForWrite<{
        guest: TBooking['guest'] | null;
        hold?: { startsAt: string; endsAt: string; partySize: number; tableIds: string[] } | null;
      }>(tx, rid, date, [...first, guestColumn(scope, input.guestId)], taking?.with);
      const { day } = opened;
      let hold: HoldSeating | undefined;
      if (taking) {
        const taken = opened.extra.hold;
        if (!taken) throw holdExpired();
        const startsAt = new Date(taken.startsAt);
        hold = {
          startsAt,
          partySize: taken.partySize,
          durationMin: Math.round((new Date(taken.endsAt).getTime() - startsAt.getTime()) / 60_000),
          tableIds: taken.tableIds,
        };
      }
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
      let time: string | undefined;
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
          const found = daySlotAt(day, input.time!, durationMin);
          if (!found.slot)
            throw noAvailability(
              await wholeDay(),
              { partySize, durationMin, source, now },
              input.time!,
              found.reason,
            );
          startsAt = found.slot.startsAt;
          time = found.slot.time;
        }
      }
      time ??= instantToZoned(startsAt, day.settings.timeZone).time;
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
        await lockBookingWrites(tx, rid, { tableIds }); // see lockBookingWrites
      }
      if (!walkIn && !input.overridePacing && pacingExceeded(day, startsAt, want))
        throw noAvailability(await wholeDay(), want, time, 'pacing');

      if (input.guestId && !opened.extra.guest) throw await guestGone(tx, scope, input.guestId);
      const guest = opened.extra.guest ?? (await createGuest(tx, scope, day.settings, input.guest!));

      // Expired holds in the way are freed first, so an expired hold never stands in the way.
      const chosen = tableIds;
      await freeExpiredHolds(tx, rid, { tableIds: chosen, from: startsAt, to: endsAt, expired });

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
          { date, time, tables: booked },
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
