import { events, guests, reservations } from '@tobeout/db';
import { testDatabaseUrl } from '@tobeout/db/testing';
import { addDays, type TBooking, type TGuest } from '@tobeout/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createGuests, createReservation, createTables, createWeeklyHours } from '../src/seed/factories';
import { DAY } from './bookings-world';
import { type Client, errorOf, memberOf, restaurantWithMember } from './harness';
import { serverForSuite } from './suite';

/**
 * Merging guests under real concurrency on PostgreSQL. guests.merge locks both records (in id
 * order), moves the bookings, adds the counters and deletes the merged record; bookings racing it
 * for the merged record either commit first (and are moved) or fail cleanly with NOT_FOUND — never
 * a 500, never a booking of a deleted guest, never a half-done merge. Two merges of one pair in
 * opposite directions leave exactly one record.
 */
describe.skipIf(!testDatabaseUrl)('guest merges under concurrency on PostgreSQL', () => {
  const server = serverForSuite('postgres', { poolSize: 20 });

  const TABLES = 8;
  const OPEN_DAYS = Array.from({ length: 6 }, (_, i) => addDays(DAY, i)); // Tuesday to Sunday
  const TIMES = ['12:00', '19:00']; // lunch and dinner: one round's bookings per table and slot

  /** A restaurant with the factory hours, eight tables, a manager and five signed-in staff. */
  async function setup() {
    const manager = await restaurantWithMember(server, 'manager');
    const rid = manager.restaurant.id;
    const db = server.app.db.db;
    const tables = await createTables(
      db,
      rid,
      Array.from({ length: TABLES }, (_, i) => ({
        name: `T${i + 1}`,
        section: 'Main',
        min: 1,
        max: 4,
        shape: 'square' as const,
        x: 100 + i * 120,
        y: 100,
      })),
    );
    await createWeeklyHours(db, rid);
    const staff = await Promise.all(Array.from({ length: 5 }, () => memberOf(server, rid, 'staff')));
    const clients: Client[] = [manager.api, ...staff.map((s) => s.api)];
    return { rid, db, manager, tables, clients, pastDays: 0 };
  }
  type World = Awaited<ReturnType<typeof setup>>;

  const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

  /**
   * Two records of one person, each with history (past bookings) and counters; `keep` has no
   * e-mail and (when `keepPhone` is false) no phone, so the merge has details to take over.
   */
  async function pair(w: World, n: number, opts: { keepPhone?: boolean } = {}) {
    const [keep, gone] = await createGuests(w.db, w.rid, [
      {
        name: `Anna Schmidt ${n}`,
        ...(opts.keepPhone ? { phone: `+4917055${String(n).padStart(5, '0')}` } : {}),
        tags: ['VIP'],
        notes: `Window ${n}.`,
      },
      {
        name: `A. Schmidt ${n}`,
        phone: `+4916044${String(n).padStart(5, '0')}`,
        email: `anna${n}@example.com`,
        tags: ['vip', `allergy ${n}`],
        notes: `Nuts ${n}.`,
      },
    ]);
    // Past bookings, each on a day of its own (so they never overlap).
    const history = async (guestId: string, count: number, status: 'completed' | 'no_show' | 'canceled') => {
      for (let i = 0; i < count; i++) {
        const d = ++w.pastDays;
        await createReservation(w.db, {
          restaurantId: w.rid,
          guestId,
          tableIds: [w.tables[d % TABLES]!.id],
          startsAt: daysAgo(d),
          endsAt: new Date(daysAgo(d).getTime() + 3600_000),
          partySize: 2,
          status,
        });
      }
    };
    await history(keep!.id, 2, 'completed');
    await history(gone!.id, 3, 'completed');
    await history(gone!.id, 1, 'no_show');
    await history(gone!.id, 1, 'canceled');
    const counters = {
      keep: { visitCount: 2, noShowCount: 0, cancelCount: 1, lastVisitAt: daysAgo(10 + n) },
      gone: { visitCount: 3, noShowCount: 1, cancelCount: 1, lastVisitAt: daysAgo(20 + n) },
    };
    await w.db.update(guests).set(counters.keep).where(eq(guests.id, keep!.id));
    await w.db.update(guests).set(counters.gone).where(eq(guests.id, gone!.id));
    const lastVisitAt = counters.keep.lastVisitAt; // the later of the two
    return { keep: keep!, gone: gone!, keepBookings: 2, goneBookings: 5, lastVisitAt };
  }

  async function guestRows(w: World, ids: string[]) {
    return w.db
      .select()
      .from(guests)
      .where(and(eq(guests.restaurantId, w.rid), inArray(guests.id, ids)));
  }

  async function bookingsOf(w: World, guestId: string) {
    return w.db
      .select({ id: reservations.id })
      .from(reservations)
      .where(and(eq(reservations.restaurantId, w.rid), eq(reservations.guestId, guestId)));
  }

  /** Reservations whose guest record does not exist, anywhere in the database: must be none. */
  async function orphans(w: World): Promise<number> {
    const rows = await w.db
      .select({ id: reservations.id, guest: guests.id })
      .from(reservations)
      .leftJoin(
        guests,
        and(eq(guests.restaurantId, reservations.restaurantId), eq(guests.id, reservations.guestId)),
      );
    return rows.filter((r) => r.guest === null).length;
  }

  async function mergedEvents(w: World, keepId: string) {
    return w.db
      .select()
      .from(events)
      .where(
        and(eq(events.restaurantId, w.rid), eq(events.type, 'guest.merged'), eq(events.entityId, keepId)),
      );
  }

  /** Splits settled results into values and the errors' data (every error must be a clean 4xx). */
  async function outcome<T>(results: PromiseSettledResult<T>[], label: string) {
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = await Promise.all(
      results.flatMap((r) => (r.status === 'rejected' ? [errorOf(Promise.reject(r.reason))] : [])),
    );
    for (const err of lost) {
      expect(err.httpStatus, `${label}: ${err.code} ${err.reason} ${err.message}`).toBeGreaterThanOrEqual(
        400,
      );
      expect(err.httpStatus, `${label}: ${err.code} ${err.reason} ${err.message}`).toBeLessThan(500);
    }
    return { won, lost };
  }

  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('merge racing parallel bookings of the merged guest: bookings end on the kept guest or fail cleanly, counters add up', async () => {
    const w = await setup();
    for (let round = 0; round < 10; round++) {
      const label = `round ${round}`;
      const p = await pair(w, round);
      const date = OPEN_DAYS[round % OPEN_DAYS.length]!;
      const time = TIMES[Math.floor(round / OPEN_DAYS.length)]!;
      // Bookings of the merged record by id on every table, and (in odd rounds) by the merged
      // record's phone — which, once merged, is the kept record's phone.
      const book = (i: number) =>
        w.clients[i % w.clients.length]!.bookings.create.mutate({
          date,
          time,
          partySize: 2,
          tableIds: [w.tables[i]!.id],
          ...(round % 2 === 1 && i % 2 === 1
            ? { guest: { name: `Walk-up ${round}-${i}`, phone: p.gone.phone! } }
            : { guestId: p.gone.id }),
        });
      // The merge starts at a different point of the stream in every round.
      const [merge, ...bookings] = await Promise.allSettled([
        pause(round * 8).then(() =>
          w.manager.api.guests.merge.mutate({ keepId: p.keep.id, mergeId: p.gone.id }),
        ),
        ...Array.from({ length: TABLES }, (_, i) => book(i)),
      ]);
      const merged = await outcome<TGuest>([merge!], `${label} merge`);
      expect(merged.won, `${label}: the merge itself succeeds`).toHaveLength(1);
      const made = await outcome<TBooking>(bookings, label);
      for (const err of made.lost) expect(err, label).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });

      // The merged record is gone, nothing refers to it, every booking made belongs to the kept one.
      const rows = await guestRows(w, [p.keep.id, p.gone.id]);
      expect(
        rows.map((g) => g.id),
        label,
      ).toEqual([p.keep.id]);
      expect(await bookingsOf(w, p.gone.id), label).toEqual([]);
      for (const b of made.won) {
        const now = await w.manager.api.bookings.get.query({ id: b.id });
        expect(now.guest.id, label).toBe(p.keep.id);
      }
      // Nothing half-merged: counters are the sums, details were taken over, every booking
      // (history and the ones that won the race) is on the kept record, and one event says so.
      const kept = rows[0]!;
      expect(kept, label).toMatchObject({
        visitCount: 5,
        noShowCount: 1,
        cancelCount: 2,
        lastVisitAt: p.lastVisitAt,
        phone: p.gone.phone,
        email: p.gone.email,
        tags: ['VIP', `allergy ${round}`],
        notes: `Window ${round}.\n\nNuts ${round}.`,
      });
      expect(merged.won[0], label).toMatchObject({
        id: p.keep.id,
        visitCount: 5,
        noShowCount: 1,
        cancelCount: 2,
      });
      const keptBookings = await bookingsOf(w, p.keep.id);
      expect(keptBookings.length, label).toBe(p.keepBookings + p.goneBookings + made.won.length);
      const [event, ...more] = await mergedEvents(w, p.keep.id);
      expect(more, label).toEqual([]);
      // The moved bookings are the history plus every booking that committed before the merge;
      // a booking by phone after the merge went straight onto the kept record.
      const viaPhoneAfter =
        made.won.length - ((event!.payload as { bookingsMoved: number }).bookingsMoved - p.goneBookings);
      expect(viaPhoneAfter, label).toBeGreaterThanOrEqual(0);
      if (round % 2 === 0) expect(viaPhoneAfter, `${label}: by id, nothing can follow the merge`).toBe(0);
      expect(event!.payload, label).toMatchObject({ mergedId: p.gone.id });
    }
    expect(await orphans(w)).toBe(0);
  });

  it('A→B and B→A merged at once, several rounds: exactly one record survives, the other merge gets a clean NOT_FOUND', async () => {
    const w = await setup();
    const secondManager = await memberOf(server, w.rid, 'manager');
    for (let round = 0; round < 12; round++) {
      const label = `round ${round}`;
      const p = await pair(w, 100 + round, { keepPhone: true });
      const results = await Promise.allSettled([
        w.manager.api.guests.merge.mutate({ keepId: p.keep.id, mergeId: p.gone.id }),
        secondManager.api.guests.merge.mutate({ keepId: p.gone.id, mergeId: p.keep.id }),
      ]);
      const { won, lost } = await outcome<TGuest>(results, label);
      expect(won, label).toHaveLength(1);
      expect(lost, label).toHaveLength(1);
      expect(lost[0], label).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
      const rows = await guestRows(w, [p.keep.id, p.gone.id]);
      expect(rows, label).toHaveLength(1);
      const survivor = rows[0]!;
      expect(survivor.id, label).toBe(won[0]!.id);
      expect(survivor, label).toMatchObject({
        visitCount: 5,
        noShowCount: 1,
        cancelCount: 2,
        lastVisitAt: p.lastVisitAt,
      });
      // Merged in one direction only: both records' tags and notes, once each.
      expect(survivor.tags.map((t) => t.toLowerCase()).sort(), label).toEqual([
        `allergy ${100 + round}`,
        'vip',
      ]);
      expect(survivor.notes?.split('\n\n').sort(), label).toEqual([
        `Nuts ${100 + round}.`,
        `Window ${100 + round}.`,
      ]);
      expect((await bookingsOf(w, survivor.id)).length, label).toBe(p.keepBookings + p.goneBookings);
      expect(await mergedEvents(w, survivor.id), label).toHaveLength(1);
    }
    expect(await orphans(w)).toBe(0);
  });
});
