import { guests, reservations, tableAllocations, tables } from '@tobeout/db';
import {
  addDays,
  instantToZoned,
  normalisePhone,
  phoneDigits,
  serviceDateOf,
  type TBooking,
  zonedToInstant,
} from '@tobeout/shared';
import { and, asc, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { loadSettings } from '../availability/day';
import type { Deps, Scope } from '../deps';
import { AppError } from '../errors';
import { loadHoursRules } from '../rules';
import type { WriteContext } from '../write';

type Db = Deps['db'] | WriteContext['tx'];

const columns = {
  r: reservations,
  guest: { id: guests.id, name: guests.name, phone: guests.phone, email: guests.email },
};

/**
 * Loads bookings by a condition, with their guest and tables, in the restaurant's local time.
 * `date` is the service day (a 00:30 start in Friday's late service is Friday's), the same day
 * that create/update/move read a `date` + `time` against.
 */
async function loadBookings(
  db: Db,
  restaurantId: string,
  where: SQL | undefined,
  opts: { order?: 'asc' | 'desc' | undefined; limit?: number } = {},
): Promise<TBooking[]> {
  const { timeZone } = await loadSettings(db, restaurantId);
  const rows = await db
    .select(columns)
    .from(reservations)
    .innerJoin(
      guests,
      and(eq(guests.restaurantId, reservations.restaurantId), eq(guests.id, reservations.guestId)),
    )
    .where(and(eq(reservations.restaurantId, restaurantId), where))
    .orderBy(
      opts.order === 'desc' ? desc(reservations.startsAt) : asc(reservations.startsAt),
      opts.order === 'desc' ? desc(reservations.id) : asc(reservations.id),
    )
    .limit(opts.limit ?? 1000);
  if (rows.length === 0) return [];
  const allocations = await db
    .select({ reservationId: tableAllocations.reservationId, id: tables.id, name: tables.name })
    .from(tableAllocations)
    .innerJoin(
      tables,
      and(eq(tables.restaurantId, tableAllocations.restaurantId), eq(tables.id, tableAllocations.tableId)),
    )
    .where(
      and(
        eq(tableAllocations.restaurantId, restaurantId),
        inArray(
          tableAllocations.reservationId,
          rows.map((r) => r.r.id),
        ),
      ),
    )
    .orderBy(tables.sortOrder, tables.name);
  const calendar = rows.map((r) => instantToZoned(r.r.startsAt, timeZone).date).sort();
  const hours = await loadHoursRules(db, restaurantId, addDays(calendar[0]!, -1), calendar.at(-1)!);
  const serviceRules = { timeZone, weekly: hours.weekly, special: hours.specialByDate };
  const tablesOf = new Map<string, { id: string; name: string }[]>();
  for (const a of allocations) {
    const list = tablesOf.get(a.reservationId!) ?? [];
    if (!list.some((t) => t.id === a.id)) list.push({ id: a.id, name: a.name });
    tablesOf.set(a.reservationId!, list);
  }
  return rows.map(({ r, guest }) =>
    toBooking(
      r,
      guest,
      tablesOf.get(r.id) ?? [],
      serviceDateOf(r.startsAt, serviceRules),
      instantToZoned(r.startsAt, timeZone).time,
    ),
  );
}

/**
 * What every booking.* event carries: the booking as it is after the change, in the words staff
 * read (local date and time, table names in display order), so a live notification needs no fetch.
 */
export function bookingSummary(b: TBooking) {
  return {
    code: b.code,
    guestName: b.guest.name,
    partySize: b.partySize,
    date: b.date,
    time: b.time,
    tables: b.tables.map((t) => t.name),
  };
}

/** A booking as the API returns it, from its row, guest, tables, service day and local start time. */
export function toBooking(
  r: typeof reservations.$inferSelect,
  guest: TBooking['guest'],
  bookedTables: TBooking['tables'],
  serviceDate: string,
  time: string,
): TBooking {
  return {
    id: r.id,
    code: r.confirmationCode,
    status: r.status,
    source: r.source,
    date: serviceDate,
    time,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    durationMin: Math.round((r.endsAt.getTime() - r.startsAt.getTime()) / 60_000),
    partySize: r.partySize,
    guest,
    tables: bookedTables,
    specialRequests: r.specialRequests,
    cancelReason: r.cancelReason,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    seatedAt: r.seatedAt,
    completedAt: r.completedAt,
    canceledAt: r.canceledAt,
  };
}

export async function getBooking(db: Db, scope: Scope, id: string): Promise<TBooking> {
  const [booking] = await loadBookings(db, scope.restaurantId, eq(reservations.id, id));
  if (!booking) throw AppError.field('id', 'This booking does not exist in this restaurant.', 'NOT_FOUND');
  return booking;
}

/** Cursor of the booking list: the last item's start (epoch ms) and id. */
function decodeCursor(cursor: string): { at: Date; id: string } {
  const m = /^(\d{1,15})\.([0-9a-f-]{36})$/.exec(cursor);
  if (!m) throw new AppError('INVALID_CURSOR', 'Not a cursor from this list.');
  return { at: new Date(Number(m[1])), id: m[2]! };
}

export type ListInput = {
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: TBooking['status'][] | undefined;
  tableId?: string | undefined;
  guestId?: string | undefined;
  q?: string | undefined;
  cursor?: string | null | undefined;
  limit: number;
  /** 'desc' = newest first (a guest's history). */
  order?: 'asc' | 'desc' | undefined;
};

/** bookings.list: by local date or range, status, table, guest and text; in start order, cursor-paged. */
export async function listBookings(deps: Deps, scope: Scope, input: ListInput) {
  const { timeZone } = await loadSettings(deps.db, scope.restaurantId);
  const from = input.date ?? input.from;
  const to = input.date ?? input.to;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const q = input.q?.trim();
  // Phone digits only for what looks like a phone number: a code such as 'K7P2M9' is not '729'.
  const digits = q && /^[\d\s()+\-./]+$/.test(q) ? phoneDigits(q) : '';
  const conditions = [
    from ? gte(reservations.startsAt, zonedToInstant(from, '00:00', timeZone)) : undefined,
    to ? lt(reservations.startsAt, zonedToInstant(addDays(to, 1), '00:00', timeZone)) : undefined,
    input.status?.length ? inArray(reservations.status, input.status) : undefined,
    input.guestId ? eq(reservations.guestId, input.guestId) : undefined,
    input.tableId
      ? sql`exists (select 1 from ${tableAllocations} a where a.restaurant_id = ${reservations.restaurantId} and a.reservation_id = ${reservations.id} and a.table_id = ${input.tableId})`
      : undefined,
    q
      ? or(
          ilike(guests.name, `%${q.replace(/[%_\\]/g, '\\$&')}%`),
          eq(reservations.confirmationCode, q.toUpperCase()),
          digits.length >= 3 ? sql`${guests.phone} like ${`%${digits}%`}` : undefined,
        )
      : undefined,
    after
      ? sql`(${reservations.startsAt}, ${reservations.id}) ${input.order === 'desc' ? sql`<` : sql`>`} (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
      : undefined,
  ];
  const items = await loadBookings(deps.db, scope.restaurantId, and(...conditions), {
    limit: input.limit + 1,
    order: input.order,
  });
  const page = items.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: items.length > input.limit && last ? `${last.startsAt.getTime()}.${last.id}` : null,
  };
}

/** For agents: the guest's bookings from today on, by phone in any format. */
export async function findByPhone(deps: Deps, scope: Scope, phone: string): Promise<TBooking[]> {
  const { country, timeZone } = await loadSettings(deps.db, scope.restaurantId);
  const parsed = normalisePhone(phone, country);
  if (!parsed.ok) throw AppError.field('phone', parsed.message);
  const today = zonedToInstant(instantToZoned(new Date(), timeZone).date, '00:00', timeZone);
  return loadBookings(
    deps.db,
    scope.restaurantId,
    and(eq(guests.phone, parsed.e164), gte(reservations.startsAt, today)),
  );
}

export async function findByCode(deps: Deps, scope: Scope, code: string): Promise<TBooking> {
  const [booking] = await loadBookings(
    deps.db,
    scope.restaurantId,
    eq(reservations.confirmationCode, code.trim().toUpperCase()),
  );
  if (!booking)
    throw AppError.field('code', `No booking has the code ${code.trim().toUpperCase()}.`, 'NOT_FOUND');
  return booking;
}
