import { pgErrorCode, tableAllocations } from '@tobeout/db';
import { testDatabaseUrl } from '@tobeout/db/testing';
import { zonedToInstant } from '@tobeout/shared';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuests, createReservation, createTables } from '../src/seed/factories';
import { errorOf, memberOf, restaurantWithMember, startServer, type TestServer } from './harness';

/**
 * The exclusion constraint under real concurrency: blocks racing blocks and bookings racing
 * blocks on one table and period. Whatever the interleaving, exactly one wins, every loser gets
 * a clear CONFLICT naming the winner (never a 500), and one active allocation remains.
 */
describe.skipIf(!testDatabaseUrl)('blocks under concurrency on PostgreSQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('postgres', { poolSize: 32 });
  });
  afterAll(() => server.close());

  async function setup() {
    const owner = await restaurantWithMember(server, 'manager');
    const rid = owner.restaurant.id;
    const db = server.app.db.db;
    const [table] = await createTables(db, rid, [
      { name: 'T1', section: 'Main', min: 1, max: 4, shape: 'square', x: 100, y: 100 },
    ]);
    const [guest] = await createGuests(db, rid, [{ name: 'Race Guest' }]);
    const staff = await Promise.all(Array.from({ length: 4 }, () => memberOf(server, rid, 'staff')));
    const activeAllocations = async () =>
      db
        .select()
        .from(tableAllocations)
        .where(and(eq(tableAllocations.tableId, table!.id), eq(tableAllocations.active, true)));
    return {
      rid,
      table: table!,
      guest: guest!,
      clients: [owner.api, ...staff.map((s) => s.api)],
      activeAllocations,
    };
  }

  it('20 concurrent blocks of the same table and time: exactly one wins, 19 CONFLICTs name it', async () => {
    const w = await setup();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        w.clients[i % w.clients.length]!.tables.block.mutate({
          tableIds: [w.table.id],
          from: '2027-05-04T18:00',
          to: '2027-05-04T22:00',
          reason: `Event ${i}`,
        }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<{ reason: string }>).value.reason;
    for (const r of results) {
      if (r.status === 'fulfilled') continue;
      const err = await errorOf(Promise.reject(r.reason));
      expect(err).toMatchObject({ code: 'CONFLICT', httpStatus: 409, reason: 'SLOT_TAKEN' });
      expect(err.message).toContain(`blocked: ${winner}`);
    }
    expect(await w.activeAllocations()).toHaveLength(1);
  });

  it('bookings racing blocks (5 rounds of 10 + 10): one holder per round, losers refused cleanly', async () => {
    const w = await setup();
    for (let round = 0; round < 5; round++) {
      const date = `2027-06-0${round + 1}`;
      const blocks = Array.from({ length: 10 }, (_, i) =>
        w.clients[i % w.clients.length]!.tables.block.mutate({
          tableIds: [w.table.id],
          from: `${date}T19:00`,
          to: `${date}T21:00`,
          reason: `Block ${i}`,
        }),
      );
      const bookings = Array.from({ length: 10 }, () =>
        server.app.db.db.transaction((tx) =>
          createReservation(tx, {
            restaurantId: w.rid,
            guestId: w.guest.id,
            tableIds: [w.table.id],
            startsAt: zonedToInstant(date, '20:00', 'Europe/Berlin'),
            endsAt: zonedToInstant(date, '22:00', 'Europe/Berlin'),
            partySize: 2,
          }),
        ),
      );
      const [blockResults, bookingResults] = await Promise.all([
        Promise.allSettled(blocks),
        Promise.allSettled(bookings),
      ]);
      const wins =
        blockResults.filter((r) => r.status === 'fulfilled').length +
        bookingResults.filter((r) => r.status === 'fulfilled').length;
      expect(wins, `round ${round}`).toBe(1);
      for (const r of blockResults) {
        if (r.status === 'rejected')
          expect(await errorOf(Promise.reject(r.reason))).toMatchObject({
            code: 'CONFLICT',
            reason: 'SLOT_TAKEN',
          });
      }
      for (const r of bookingResults)
        if (r.status === 'rejected') expect(pgErrorCode(r.reason)).toBe('23P01');
    }
    expect(await w.activeAllocations()).toHaveLength(5);
  });
});
