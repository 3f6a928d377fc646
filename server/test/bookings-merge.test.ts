import { guests, queryRows, reservations } from '@tobeout/db';
import { testDatabaseUrl } from '@tobeout/db/testing';
import { addDays, type TBooking } from '@tobeout/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createGuests, createTables, createWeeklyHours } from '../src/seed/factories';
import { DAY } from './bookings-world';
import { type Client, errorOf, memberOf, restaurantWithMember } from './harness';
import { serverForSuite } from './suite';

/**
 * bookings.create for a guest that guests.merge is merging away, on PostgreSQL. The booking locks
 * its guest's record, so it either commits first (and the merge moves it to the kept record) or
 * waits for the merge and is refused with NOT_FOUND naming both records and the kept one's id —
 * never the database's foreign-key error, never a booking of a deleted guest.
 */
describe.skipIf(!testDatabaseUrl)('bookings racing a guest merge on PostgreSQL', () => {
  const server = serverForSuite('postgres', { poolSize: 20 });

  const TABLES = 6;

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
    const staff = await Promise.all(Array.from({ length: 3 }, () => memberOf(server, rid, 'staff')));
    const clients: Client[] = [manager.api, ...staff.map((s) => s.api)];
    return { rid, db, manager, tables, clients };
  }
  type World = Awaited<ReturnType<typeof setup>>;

  /** Two records of one person, the merged one first in id order (the order merge locks them). */
  async function pair(w: World, n: number) {
    const [first, second] = (await createGuests(w.db, w.rid, [{ name: 'a' }, { name: 'b' }]))
      .map((g) => g.id)
      .sort();
    const gone = { id: first!, name: `Merged ${n}` };
    const keep = { id: second!, name: `Kept ${n}` };
    for (const g of [gone, keep]) await w.db.update(guests).set({ name: g.name }).where(eq(guests.id, g.id));
    return { keep, gone };
  }

  const book = (w: World, i: number, date: string, guestId: string, time = '19:00') =>
    w.clients[i % w.clients.length]!.bookings.create.mutate({
      date,
      time,
      partySize: 2,
      tableIds: [w.tables[i]!.id],
      guestId,
    });

  async function bookingsOf(w: World, guestIds: string[]) {
    return w.db
      .select({ id: reservations.id, guestId: reservations.guestId })
      .from(reservations)
      .where(and(eq(reservations.restaurantId, w.rid), inArray(reservations.guestId, guestIds)));
  }

  /** Backends of this test database waiting on a lock. */
  async function waitingOnLocks(): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      server.app.db.db,
      sql`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
    );
    return row!.n;
  }

  it('bookings that wait for the merge are refused with NOT_FOUND naming the kept guest, not a foreign-key error', async () => {
    const w = await setup();
    const { keep, gone } = await pair(w, 1);
    // Hold the kept record: the merge locks the merged one (first in id order), then waits here.
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => {
      locked = r;
    });
    const holder = w.db.transaction(async (tx) => {
      await tx.execute(sql`select id from guests where id = ${keep.id} for update`);
      locked();
      await held;
    });
    await lockTaken;
    const waiting = async (n: number) => {
      const deadline = Date.now() + 10_000;
      while ((await waitingOnLocks()) < n && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
    };
    const merge = w.manager.api.guests.merge.mutate({ keepId: keep.id, mergeId: gone.id });
    await waiting(1); // the merge holds the merged record and waits for the kept one
    const settled = Promise.allSettled(Array.from({ length: TABLES }, (_, i) => book(w, i, DAY, gone.id)));
    await waiting(TABLES + 1); // every booking waits for the merged record
    release();
    await holder;
    expect((await merge).id).toBe(keep.id);
    const results = await settled;
    for (const r of results) {
      expect(r.status).toBe('rejected');
      const err = await errorOf(Promise.reject((r as PromiseRejectedResult).reason));
      expect(err).toMatchObject({
        code: 'NOT_FOUND',
        httpStatus: 404,
        reason: 'NOT_FOUND',
        message: `${gone.name} was merged into ${keep.name} while this booking was being made: book it for ${keep.name}.`,
        details: { mergedInto: keep.id },
      });
      expect(err.fieldErrors?.guestId).toEqual([err.message]);
    }
    expect(await bookingsOf(w, [keep.id, gone.id])).toEqual([]);
  });

  it('bookings racing merges at any point: each lands on the kept guest or gets the specific NOT_FOUND', async () => {
    const w = await setup();
    for (let round = 0; round < 8; round++) {
      const label = `round ${round}`;
      const { keep, gone } = await pair(w, 100 + round);
      // Tuesday to Sunday at dinner, then at lunch: a free table for every booking of the round.
      const date = addDays(DAY, round % 6);
      const time = round < 6 ? '19:00' : '12:00';
      const results = await Promise.allSettled([
        new Promise((r) => setTimeout(r, round * 6)).then(() =>
          w.manager.api.guests.merge.mutate({ keepId: keep.id, mergeId: gone.id }),
        ),
        ...Array.from({ length: TABLES }, (_, i) => book(w, i, date, gone.id, time)),
      ]);
      expect(results[0]!.status, label).toBe('fulfilled');
      const made: TBooking[] = [];
      for (const r of results.slice(1)) {
        if (r.status === 'fulfilled') made.push(r.value as TBooking);
        else
          expect(await errorOf(Promise.reject(r.reason)), label).toMatchObject({
            code: 'NOT_FOUND',
            message: `${gone.name} was merged into ${keep.name} while this booking was being made: book it for ${keep.name}.`,
          });
      }
      // Whatever committed before the merge was moved to the kept record; nothing refers to the other.
      const rows = await bookingsOf(w, [keep.id, gone.id]);
      expect(rows.map((b) => b.guestId).sort(), label).toEqual(made.map(() => keep.id));
      expect(rows.map((b) => b.id).sort(), label).toEqual(made.map((b) => b.id).sort());
    }
  });
});
