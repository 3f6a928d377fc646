import { holds } from '@tobeout/db';
import { testDbKinds } from '@tobeout/db/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookingWorld, DAY, eventsOf } from './bookings-world';
import { errorOf } from './harness';
import { serverForSuite } from './suite';

/**
 * Converting a hold and moving a booking replace allocations inside one transaction: the hold's
 * (or the booking's own) tables never stand in the way of the new ones, and what others hold does.
 */
describe.each(testDbKinds)('hold conversion and moves on %s', (kind) => {
  const server = serverForSuite(kind);

  it('a hold converted onto other tables frees its own and books those, with one booking.created', async () => {
    const w = await bookingWorld(server);
    const hold = await w.api.availability.hold.mutate({ date: DAY, time: '19:00', partySize: 2 });
    expect(hold.tableIds).toEqual([w.t1.id]);
    const booking = await w.api.bookings.create.mutate({
      holdId: hold.holdId,
      tableIds: [w.t2.id],
      partySize: 3,
      guestId: w.guest.id,
    });
    expect(booking).toMatchObject({
      date: DAY,
      time: '19:00',
      partySize: 3,
      durationMin: 90,
      tables: [{ id: w.t2.id, name: 'T2' }],
      guest: { id: w.guest.id },
    });
    expect(await w.allocations()).toEqual([
      expect.objectContaining({
        table: 'T2',
        from: `${DAY}T19:00`,
        to: `${DAY}T20:30`,
        reservationId: booking.id,
      }),
    ]);
    expect(await server.app.db.db.select().from(holds).where(eq(holds.id, hold.holdId))).toEqual([]);
    const created = (await eventsOf(w.api, (e) => e.length >= 2)).filter((e) => e.type === 'booking.created');
    expect(created.map((e) => e.payload)).toEqual([
      expect.objectContaining({ code: booking.code, tables: ['T2'], partySize: 3, time: '19:00' }),
    ]);
  });

  it('a hold converted onto a taken table is SLOT_TAKEN and keeps the hold', async () => {
    const w = await bookingWorld(server);
    const hold = await w.api.availability.hold.mutate({ date: DAY, time: '19:00', partySize: 2 });
    await w.api.bookings.create.mutate({
      date: DAY,
      time: '19:30',
      partySize: 2,
      tableIds: [w.t2.id],
      guestId: w.guest.id,
    });
    const err = await errorOf(
      w.api.bookings.create.mutate({ holdId: hold.holdId, tableIds: [w.t2.id], guestId: w.guest.id }),
    );
    expect(err).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN' });
    expect(await w.allocations({ holdId: hold.holdId })).toEqual([expect.objectContaining({ table: 'T1' })]);
  });

  it('a move that overlaps its own stay on the same table, and a longer stay, replace its allocation', async () => {
    const w = await bookingWorld(server);
    const b = await w.api.bookings.create.mutate({
      date: DAY,
      time: '19:00',
      partySize: 2,
      tableIds: [w.t1.id],
      guestId: w.guest.id,
    });
    const moved = await w.api.bookings.move.mutate({ id: b.id, time: '19:30' });
    expect(moved).toMatchObject({ time: '19:30', version: 2, tables: [{ id: w.t1.id, name: 'T1' }] });
    const longer = await w.api.bookings.update.mutate({ id: b.id, version: 2, durationMin: 150 });
    expect(longer).toMatchObject({ time: '19:30', durationMin: 150, version: 3 });
    expect(await w.allocations()).toEqual([
      expect.objectContaining({ table: 'T1', from: `${DAY}T19:30`, to: `${DAY}T22:00`, reservationId: b.id }),
    ]);
    // What the API says afterwards is what the write returned.
    expect(await w.api.bookings.get.query({ id: b.id })).toEqual(longer);
  });
});
