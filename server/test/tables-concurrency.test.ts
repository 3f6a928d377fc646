import { queryRows, tableAllocations } from '@tobeout/db';
import { testDatabaseUrl } from '@tobeout/db/testing';
import { zonedToInstant } from '@tobeout/shared';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createGuests, createReservation, createTables } from '../src/seed/factories';
import { errorOf, memberOf, restaurantWithMember } from './harness';
import { serverForSuite } from './suite';

/**
 * Blocks under real concurrency (bookings racing blocks: bookings-concurrency.test.ts): blocks
 * racing blocks on one table and period — exactly one wins, every loser gets a clear CONFLICT
 * naming the winner (never a 500), one active allocation remains — and a block that loses at the
 * exclusion constraint itself, to a direct write that took none of the app's locks.
 */
describe.skipIf(!testDatabaseUrl)('blocks under concurrency on PostgreSQL', () => {
  const server = serverForSuite('postgres', { poolSize: 32 });

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

  it('a block that loses to a booking committed while it waited on the constraint names the booking', async () => {
    const w = await setup();
    const date = '2027-07-01';
    // A direct write that takes none of the app's locks, holding its allocation uncommitted.
    let commit!: () => void;
    const committed = new Promise<void>((resolve) => {
      commit = resolve;
    });
    let inserted!: () => void;
    const holding = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const direct = server.app.db.db.transaction(async (tx) => {
      await createReservation(tx, {
        restaurantId: w.rid,
        guestId: w.guest.id,
        tableIds: [w.table.id],
        startsAt: zonedToInstant(date, '20:00', 'Europe/Berlin'),
        endsAt: zonedToInstant(date, '22:00', 'Europe/Berlin'),
        partySize: 2,
      });
      inserted();
      await committed;
    });
    await holding;
    const block = errorOf(
      w.clients[1]!.tables.block.mutate({
        tableIds: [w.table.id],
        from: `${date}T19:00`,
        to: `${date}T21:00`,
        reason: 'Late',
      }),
    );
    // The block is waiting on the uncommitted allocation (the exclusion constraint's check).
    await expect
      .poll(
        async () =>
          (
            await queryRows<{ n: number }>(
              server.app.db.db,
              sql`select count(*)::int as n from pg_stat_activity
                  where datname = current_database() and wait_event = 'transactionid'`,
            )
          )[0]!.n,
        { timeout: 5_000, interval: 20 },
      )
      .toBe(1);
    commit();
    await direct;
    expect(await block).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN' });
    expect((await block).message).toContain('T1 is booked by Race Guest');
    expect(await w.activeAllocations()).toHaveLength(1);
  });
});
