import { guests, queryRows, reservations, tableAllocations } from '@tobeout/db';
import { testDatabaseUrl } from '@tobeout/db/testing';
import { addDays, type TBooking } from '@tobeout/shared';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTables, createWeeklyHours } from '../src/seed/factories';
import { DAY, eventsOf } from './bookings-world';
import { type Client, errorOf, memberOf, restaurantWithMember } from './harness';
import { serverForSuite } from './suite';

/**
 * The booking engine under real concurrency on PostgreSQL: many signed-in staff booking the same
 * table at the same moment. Whatever the interleaving, one booking wins, every loser gets a
 * 409 CONFLICT that says why (never a 500), and no two active allocations ever overlap.
 */
describe.skipIf(!testDatabaseUrl)('bookings under concurrency on PostgreSQL', () => {
  const server = serverForSuite('postgres', { poolSize: 20 });

  /** A restaurant with `tableCount` two-seat tables, the factory hours and six signed-in staff. */
  async function setup(tableCount = 1) {
    const owner = await restaurantWithMember(server, 'manager');
    const rid = owner.restaurant.id;
    const db = server.app.db.db;
    const tables = await createTables(
      db,
      rid,
      Array.from({ length: tableCount }, (_, i) => ({
        name: `T${i + 1}`,
        section: 'Main',
        min: 1,
        max: 2,
        shape: 'round' as const,
        x: 100 + i * 150,
        y: 100,
      })),
    );
    await createWeeklyHours(db, rid);
    const staff = await Promise.all(Array.from({ length: 5 }, () => memberOf(server, rid, 'staff')));
    const clients: Client[] = [owner.api, ...staff.map((s) => s.api)];
    const count = async (table: typeof reservations | typeof guests) =>
      (await db.select({ id: table.id }).from(table).where(eq(table.restaurantId, rid))).length;
    const activeAllocations = () =>
      db
        .select()
        .from(tableAllocations)
        .where(and(eq(tableAllocations.restaurantId, rid), eq(tableAllocations.active, true)));
    return { rid, owner, tables, clients, count, activeAllocations };
  }

  /** Overlapping active allocations of one table anywhere in the database: must be none. */
  async function overlaps(): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      server.app.db.db,
      sql`select count(*)::int as n
          from table_allocations a
          join table_allocations b
            on a.restaurant_id = b.restaurant_id and a.table_id = b.table_id and a.id < b.id
          where a.active and b.active and a.period && b.period`,
    );
    return row!.n;
  }

  /** Splits settled results into the bookings made and the errors' data. */
  async function outcome(results: PromiseSettledResult<TBooking>[]) {
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = await Promise.all(
      results.flatMap((r) => (r.status === 'rejected' ? [errorOf(Promise.reject(r.reason))] : [])),
    );
    return { won, lost };
  }

  const OPEN_DAYS = Array.from({ length: 6 }, (_, i) => addDays(DAY, i)); // Tuesday to Sunday
  const TIMES = ['12:00', '18:00', '19:30', '21:00']; // 90-minute stays that do not overlap

  it('50 parallel bookings of one table and time, 20 rounds: exactly one wins each, 49 clean CONFLICTs', async () => {
    const w = await setup(1);
    const table = w.tables[0]!;
    for (let round = 0; round < 20; round++) {
      const date = OPEN_DAYS[round % OPEN_DAYS.length]!;
      const time = TIMES[Math.floor(round / OPEN_DAYS.length)]!;
      // Even rounds name the table, odd rounds let the engine pick it.
      const chosen = round % 2 === 0;
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          w.clients[i % w.clients.length]!.bookings.create.mutate({
            date,
            time,
            partySize: 2,
            guest: { name: `Racer ${round}-${i}` },
            ...(chosen ? { tableIds: [table.id] } : {}),
          }),
        ),
      );
      const { won, lost } = await outcome(results);
      const label = `round ${round} (${date} ${time}, ${chosen ? 'chosen' : 'picked'})`;
      expect(won, label).toHaveLength(1);
      expect(won[0]).toMatchObject({ date, time, tables: [{ id: table.id }] });
      expect(lost, label).toHaveLength(49);
      for (const err of lost) {
        expect(err.httpStatus, label).toBe(409);
        if (chosen) {
          // A restaurant's booking writes take turns: every loser sees the winner's booking, is
          // refused before writing anything, and its alternatives leave the winner's slot out.
          expect(err, label).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN' });
          expect(err.message, label).toMatch(new RegExp(`^T1 is already taken at ${time} on ${date}\\.`));
          const alternatives = err.details?.alternatives as { time: string }[];
          expect(alternatives.length, label).toBeGreaterThan(0);
          expect(
            alternatives.map((s) => s.time),
            label,
          ).not.toContain(time);
        } else {
          // The engine sees the winner's booking: no other table seats the party.
          expect(err, label).toMatchObject({ code: 'CONFLICT', reason: 'NO_AVAILABILITY' });
          expect(err.details?.reason, label).toBe('full');
        }
      }
    }
    expect(await w.activeAllocations()).toHaveLength(20);
    expect(await w.count(reservations)).toBe(20);
    expect(await w.count(guests)).toBe(20); // the losers' new guests were rolled back with them
    expect(await overlaps()).toBe(0);
    const created = (await eventsOf(w.owner.api, (e) => e.length >= 20)).filter(
      (e) => e.type === 'booking.created',
    );
    expect(created).toHaveLength(20);
  });

  it('parallel bookings picked by the engine spread over the free tables instead of failing', async () => {
    const w = await setup(6);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        w.clients[i % w.clients.length]!.bookings.create.mutate({
          date: DAY,
          time: '19:00',
          partySize: 2,
          guest: { name: `Picker ${i}` },
        }),
      ),
    );
    const { won, lost } = await outcome(results);
    expect(won).toHaveLength(6);
    expect(new Set(won.map((b) => b.tables[0]!.name))).toEqual(new Set(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']));
    expect(lost).toHaveLength(14);
    for (const err of lost) {
      expect(err).toMatchObject({ code: 'CONFLICT', httpStatus: 409, reason: 'NO_AVAILABILITY' });
      expect(err.details?.reason).toBe('full');
    }
    expect(await overlaps()).toBe(0);
  });

  it('bookings naming the table, bookings the engine places and blocks, all racing for one table: one holder, clean 409s', async () => {
    const w = await setup(1);
    const table = w.tables[0]!;
    for (let round = 0; round < 3; round++) {
      const date = OPEN_DAYS[round]!;
      const [bookings, blocks] = await Promise.all([
        Promise.allSettled(
          Array.from({ length: 10 }, (_, i) =>
            w.clients[i % w.clients.length]!.bookings.create.mutate({
              date,
              time: '19:00',
              partySize: 2,
              guest: { name: `Booker ${round}-${i}` },
              ...(i % 2 === 0 && { tableIds: [table.id] }),
            }),
          ),
        ),
        Promise.allSettled(
          Array.from({ length: 10 }, (_, i) =>
            w.owner.api.tables.block.mutate({
              tableIds: [table.id],
              from: `${date}T18:30`,
              to: `${date}T21:00`,
              reason: `Block ${round}-${i}`,
            }),
          ),
        ),
      ]);
      const wins = [...bookings, ...blocks].filter((r) => r.status === 'fulfilled');
      expect(wins, `round ${round}`).toHaveLength(1);
      for (const r of [...bookings, ...blocks]) {
        if (r.status === 'fulfilled') continue;
        const err = await errorOf(Promise.reject(r.reason));
        expect(err).toMatchObject({ code: 'CONFLICT', httpStatus: 409 });
        // The engine finds nothing free (or loses its pick to a commit); the others find it taken.
        expect(['SLOT_TAKEN', 'NO_AVAILABILITY']).toContain(err.reason);
      }
    }
    expect(await w.activeAllocations()).toHaveLength(3);
    expect(await overlaps()).toBe(0);
  });

  it('parallel creates with one idempotency key make one booking, and every caller gets it', async () => {
    const w = await setup(3);
    const request = {
      date: DAY,
      time: '19:00',
      partySize: 2,
      guest: { name: 'Agent Guest', phone: '0170 4445556' },
      idempotencyKey: 'voice-call-7',
    };
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => w.clients[i % w.clients.length]!.bookings.create.mutate(request)),
    );
    const { won, lost } = await outcome(results);
    expect(lost).toEqual([]);
    expect(won).toHaveLength(20);
    expect(new Set(won.map((b) => b.id)).size).toBe(1);
    for (const b of won) expect(b).toEqual(won[0]);
    expect(await w.count(reservations)).toBe(1);
    expect(await w.count(guests)).toBe(1);

    // One key, two different requests at once: one of them wins, the other kind is refused.
    const other = { ...request, time: '20:00', idempotencyKey: 'voice-call-8' };
    const mixed = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        w.clients[i % w.clients.length]!.bookings.create.mutate(
          i % 2 === 0 ? other : { ...other, partySize: 1 },
        ),
      ),
    );
    const m = await outcome(mixed);
    expect(m.won).toHaveLength(10);
    expect(new Set(m.won.map((b) => b.id)).size).toBe(1);
    expect(new Set(m.won.map((b) => b.partySize)).size).toBe(1);
    expect(m.lost).toHaveLength(10);
    for (const err of m.lost)
      expect(err).toMatchObject({ code: 'CONFLICT', httpStatus: 409, reason: 'IDEMPOTENCY_MISMATCH' });
    expect(await w.count(reservations)).toBe(2);
    const created = (await eventsOf(w.owner.api, (e) => e.length >= 2)).filter(
      (e) => e.type === 'booking.created',
    );
    expect(created).toHaveLength(2);
  });

  it('a hold keeps everyone off its table until it expires; then exactly one booking gets it', async () => {
    const w = await setup(1);
    const table = w.tables[0]!;
    const db = server.app.db.db;
    const hold = await w.clients[0]!.availability.hold.mutate({ date: DAY, time: '19:00', partySize: 2 });
    expect(hold.tableIds).toEqual([table.id]);
    const book = (i: number, chosen: boolean) =>
      w.clients[i % w.clients.length]!.bookings.create.mutate({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guest: { name: `Blocked ${i}` },
        ...(chosen ? { tableIds: [table.id] } : {}),
      });

    const blocked = await outcome(
      await Promise.allSettled(Array.from({ length: 20 }, (_, i) => book(i, i % 2 === 0))),
    );
    expect(blocked.won).toEqual([]);
    blocked.lost.forEach((err, i) => {
      expect(err).toMatchObject({ code: 'CONFLICT', httpStatus: 409 });
      expect(err.reason).toBe(i % 2 === 0 ? 'SLOT_TAKEN' : 'NO_AVAILABILITY');
    });

    // Converting the live hold while others try to book its table: the hold's owner wins.
    const second = await w.clients[1]!.availability.hold.mutate({ date: DAY, time: '21:00', partySize: 2 });
    const [convert, ...others] = await Promise.allSettled([
      w.clients[1]!.bookings.create.mutate({ holdId: second.holdId, guest: { name: 'Holder' } }),
      ...Array.from({ length: 10 }, (_, i) =>
        w.clients[i % w.clients.length]!.bookings.create.mutate({
          date: DAY,
          time: '21:00',
          partySize: 2,
          guest: { name: `Sniper ${i}` },
          tableIds: [table.id],
        }),
      ),
    ]);
    expect(convert).toMatchObject({
      status: 'fulfilled',
      value: { guest: { name: 'Holder' }, time: '21:00' },
    });
    const snipers = await outcome(others);
    expect(snipers.won).toEqual([]);
    for (const err of snipers.lost) expect(err).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN' });

    // The first hold expires: the table is free again, for exactly one of many.
    await db.execute(
      sql`update holds set expires_at = now() - interval '1 second' where id = ${hold.holdId}`,
    );
    const after = await outcome(
      await Promise.allSettled(Array.from({ length: 20 }, (_, i) => book(100 + i, i % 2 === 0))),
    );
    expect(after.won).toHaveLength(1);
    expect(after.lost).toHaveLength(19);
    for (const err of after.lost) expect(['SLOT_TAKEN', 'NO_AVAILABILITY']).toContain(err.reason);
    for (const err of after.lost) expect(err.httpStatus).toBe(409);
    const late = await errorOf(
      w.clients[0]!.bookings.create.mutate({ holdId: hold.holdId, guest: { name: 'Too late' } }),
    );
    expect(late).toMatchObject({ code: 'CONFLICT', reason: 'HOLD_EXPIRED' });

    const active = await w.activeAllocations();
    expect(active.map((a) => [a.holdId === null, a.reservationId !== null])).toEqual([
      [true, true],
      [true, true],
    ]);
    expect(await overlaps()).toBe(0);
  });

  it('parallel moves onto one table: one lands, the others stay where they were', async () => {
    const w = await setup(6);
    const bookings = await Promise.all(
      w.tables.slice(1).map((t, i) =>
        w.clients[0]!.bookings.create.mutate({
          date: DAY,
          time: '19:00',
          partySize: 2,
          guest: { name: `Mover ${i}` },
          tableIds: [t.id],
        }),
      ),
    );
    const target = w.tables[0]!;
    const { won, lost } = await outcome(
      await Promise.allSettled(
        bookings.map((b, i) =>
          w.clients[i % w.clients.length]!.bookings.move.mutate({
            id: b.id,
            version: 1,
            tableIds: [target.id],
          }),
        ),
      ),
    );
    expect(won).toHaveLength(1);
    expect(won[0]!.tables).toEqual([{ id: target.id, name: 'T1' }]);
    expect(lost).toHaveLength(4);
    for (const err of lost)
      expect(err).toMatchObject({ code: 'CONFLICT', httpStatus: 409, reason: 'SLOT_TAKEN' });
    const now = await Promise.all(bookings.map((b) => w.clients[0]!.bookings.get.query({ id: b.id })));
    for (const [i, b] of now.entries()) {
      if (b.id === won[0]!.id) continue;
      expect(b).toEqual(bookings[i]);
    }
    expect(await w.activeAllocations()).toHaveLength(5);
    expect(await overlaps()).toBe(0);
  });
});
