import { createHash, randomInt } from 'node:crypto';
import { guests, holds, idempotencyKeys, reservations, tableAllocations } from '@tobeout/db';
import {
  findSlot,
  instantToZoned,
  normalisePhone,
  slotsForDay,
  type TBooking,
  type TNoAvailabilityReason,
  type TReservationSource,
  type ZBookingCreateInput,
} from '@tobeout/shared';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Day, loadDay, loadSettings, type Settings } from '../availability/day';
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
import { type WriteContext, write } from '../write';
import { assertFree, lockBookingWrites, placeAllocations } from './place';
import { bookingSummary, getBooking, toBooking } from './read';
import { assertSeatable } from './seating';

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
 * Claims an idempotency key in this transaction. A concurrent request with the same key waits
 * on the key's row until the first commits, then gets the first booking back.
 */
async function claimKey(tx: Tx, scope: Scope, key: string, hash: string): Promise<string | null> {
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ restaurantId: scope.restaurantId, key, operation: 'bookings.create', requestHash: hash })
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

/** The existing guest, or the guest with this phone number (E.164), or a new guest. */
const guestSummary = { id: guests.id, name: guests.name, phone: guests.phone, email: guests.email };

async function resolveGuest(
  tx: Tx,
  scope: Scope,
  settings: Settings,
  input: Input,
): Promise<TBooking['guest']> {
  if (input.guestId) {
    const [g] = await tx
      .select(guestSummary)
      .from(guests)
      .where(and(eq(guests.restaurantId, scope.restaurantId), eq(guests.id, input.guestId)));
    if (!g) throw AppError.field('guestId', 'This guest does not exist in this restaurant.', 'NOT_FOUND');
    return g;
  }
  const guest = input.guest!;
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

/** Inserts the reservation with a fresh confirmation code (a clash on the code draws again). */
async function insertReservation(tx: Tx, values: Omit<typeof reservations.$inferInsert, 'confirmationCode'>) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await tx
      .insert(reservations)
      .values({ ...values, confirmationCode: confirmationCode() })
      .onConflictDoNothing({ target: [reservations.restaurantId, reservations.confirmationCode] })
      .returning();
    if (row) return row;
  }
  throw new Error('No free confirmation code after 5 draws');
}

export async function createBooking(deps: Deps, scope: Scope, input: Input): Promise<TBooking> {
  const now = new Date();
  return write(deps, scope, async ({ tx, emit }) => {
    if (input.idempotencyKey) {
      const existing = await claimKey(tx, scope, input.idempotencyKey, requestHash(input));
      if (existing) return getBooking(tx, scope, existing);
    }
    const source: TReservationSource = input.source;
    const walkIn = source === 'walk_in';

    // When and for how many.
    let startsAt: Date;
    let date: string;
    let partySize: number;
    let durationMin: number;
    let tableIds = input.tableIds;
    let day: Day;
    const settings = await loadSettings(tx, scope.restaurantId);
    const named = input.tableIds ?? (input.holdId ? await holdTables(tx, scope, input.holdId) : undefined);
    await lockBookingWrites(
      tx,
      scope.restaurantId,
      named?.length
        ? { tableIds: named }
        : { dates: [walkIn && !input.date ? instantToZoned(now, settings.timeZone).date : input.date!] },
    );
    if (input.holdId) {
      const hold = await takeHold(tx, scope, input.holdId, settings.timeZone);
      day = await loadDay(tx, scope.restaurantId, hold.date);
      startsAt = hold.startsAt;
      date = hold.date;
      partySize = input.partySize ?? hold.partySize;
      durationMin = input.durationMin ?? hold.durationMin;
      tableIds ??= hold.tableIds;
    } else {
      date = walkIn && !input.date ? instantToZoned(now, settings.timeZone).date : input.date!;
      day = await loadDay(tx, scope.restaurantId, date);
      partySize = input.partySize!;
      durationMin = durationFor(day.settings, partySize, input.durationMin);
      startsAt =
        walkIn && !input.time
          ? new Date(Math.floor(now.getTime() / 60_000) * 60_000)
          : slotOrThrow(day, input.time!, { partySize, durationMin, source, now });
    }
    const time = instantToZoned(startsAt, day.settings.timeZone).time;
    const want: Want = { partySize, durationMin, source, now };
    if (!walkIn && !input.holdId) {
      const timing = timingProblem(day, startsAt, want);
      if (timing) throw noAvailability(day, want, time, timing);
    }

    // Where.
    const endsAt = new Date(startsAt.getTime() + durationMin * 60_000);
    const wanted = { date, time, partySize, durationMin, source };
    if (tableIds) {
      await assertSeatable(tx, scope, tableIds, partySize, source);
      await assertFree(tx, scope, day, { tableIds, from: startsAt, to: endsAt, want: wanted });
    } else {
      const best = optionsAt(day, startsAt, want)[0];
      if (!best) throw noAvailability(day, want, time, checkAvailability(day, want, time).reason ?? 'full');
      tableIds = best.tableIds;
    }
    if (!walkIn && !input.overridePacing && pacingExceeded(day, startsAt, want))
      throw noAvailability(day, want, time, 'pacing');

    const guest = await resolveGuest(tx, scope, day.settings, input);
    const status = walkIn ? 'seated' : 'confirmed';
    const reservation = await insertReservation(tx, {
      restaurantId: scope.restaurantId,
      guestId: guest.id,
      startsAt,
      endsAt,
      partySize,
      status,
      source,
      specialRequests: input.specialRequests ?? null,
      createdBy: scope.actor.kind === 'user' ? scope.actor.id : null,
      confirmedAt: now,
      seatedAt: walkIn ? now : null,
    });
    await placeAllocations(tx, scope, {
      tableIds,
      from: startsAt,
      to: endsAt,
      owner: { reservationId: reservation.id },
      want: wanted,
    });
    if (input.idempotencyKey)
      await tx
        .update(idempotencyKeys)
        .set({ response: { reservationId: reservation.id } })
        .where(
          and(
            eq(idempotencyKeys.restaurantId, scope.restaurantId),
            eq(idempotencyKeys.key, input.idempotencyKey),
          ),
        );
    // In display order, as bookings.get lists them.
    const booked = day.tables.filter((t) => tableIds.includes(t.id)).map((t) => ({ id: t.id, name: t.name }));
    const booking = toBooking(reservation, guest, booked, date, day.settings.timeZone);
    await emit({
      type: 'booking.created',
      entityId: booking.id,
      payload: { ...bookingSummary(booking), status, source },
    });
    return booking;
  });
}
