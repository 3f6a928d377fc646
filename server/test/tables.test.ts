import { tables as tablesTable } from '@tobeout/db';
import { testDbKinds } from '@tobeout/db/testing';
import { type TEvent, tableFootprint, zonedToInstant } from '@tobeout/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createGuests, createReservation, createTables, createWeeklyHours } from '../src/seed/factories';
import { type Client, errorOf, eventsOf, memberOf, restaurantWithMember } from './harness';
import { serverForSuite } from './suite';

/** A Tuesday (lunch 12–15, dinner 18–23 with the factory hours), safely in the future. */
const DAY = '2027-03-02';
const at = (time: string, date = DAY) => zonedToInstant(date, time, 'Europe/Berlin');

describe.each(testDbKinds)('tables on %s', (kind) => {
  const server = serverForSuite(kind);

  /** A restaurant with three tables, opening hours and a guest; `api` is its manager. */
  async function world() {
    const owner = await restaurantWithMember(server, 'manager');
    const db = server.app.db.db;
    const rid = owner.restaurant.id;
    const [t1, t2, t3] = await createTables(db, rid, [
      { name: 'T1', section: 'Window', min: 1, max: 2, shape: 'round', x: 100, y: 100 },
      { name: 'T2', section: 'Window', min: 2, max: 4, shape: 'square', x: 300, y: 100 },
      { name: 'T3', section: 'Main', min: 2, max: 6, shape: 'rectangle', x: 600, y: 400 },
    ]);
    await createWeeklyHours(db, rid);
    const [guest] = await createGuests(db, rid, [{ name: 'Anna Schmidt', phone: '+491701234567' }]);
    const book = (
      tableIds: string[],
      from: string,
      to: string,
      status: 'confirmed' | 'seated' | 'completed' = 'confirmed',
      date = DAY,
    ) =>
      createReservation(db, {
        restaurantId: rid,
        guestId: guest!.id,
        tableIds,
        startsAt: at(from, date),
        endsAt: at(to, date),
        partySize: 2,
        status,
      });
    return { ...owner, rid, t1: t1!, t2: t2!, t3: t3!, guest: guest!, book };
  }

  async function tableCount(rid: string) {
    return (await server.app.db.db.select().from(tablesTable).where(eq(tablesTable.restaurantId, rid)))
      .length;
  }

  /** Event types of the restaurant, once all of `expected` are visible. */
  async function eventTypes(api: Client, ...expected: string[]) {
    const types = (items: TEvent[]) => items.map((e) => e.type);
    return types(await eventsOf(api, (items) => expected.every((t) => types(items).includes(t))));
  }

  describe('list, create, update', () => {
    it('lists tables in display order with the room, sections and every field', async () => {
      const w = await world();
      const staff = await memberOf(server, w.rid, 'staff');
      const list = await staff.api.tables.list.query();
      expect(list.floor).toEqual({ width: 1200, height: 800 });
      expect(list.sections).toEqual(['Main', 'Window']);
      expect(list.items.map((t) => t.name)).toEqual(['T1', 'T2', 'T3']);
      expect(list.items[2]).toMatchObject({
        name: 'T3',
        section: 'Main',
        minGuests: 2,
        maxGuests: 6,
        shape: 'rectangle',
        x: 600,
        y: 400,
        notes: null,
        active: true,
        bookableOnline: true,
      });
    });

    it('creates a table with defaults at a free spot inside the room, and logs it', async () => {
      const w = await world();
      const t = await w.api.tables.create.mutate({ name: ' Patio 1 ', maxGuests: 4 });
      expect(t).toMatchObject({ name: 'Patio 1', minGuests: 1, maxGuests: 4, shape: 'square', active: true });
      const size = tableFootprint('square', 4);
      const others = (await w.api.tables.list.query()).items.filter((o) => o.id !== t.id);
      for (const o of others) {
        const os = tableFootprint(o.shape, o.maxGuests);
        const apart =
          Math.abs(o.x - t.x) >= (os.width + size.width) / 2 ||
          Math.abs(o.y - t.y) >= (os.height + size.height) / 2;
        expect(apart, `overlaps ${o.name}`).toBe(true);
      }
      expect(t.x + size.width / 2).toBeLessThanOrEqual(1200);
      expect(t.y + size.height / 2).toBeLessThanOrEqual(800);
      expect(t.sortOrder).toBe(3);
      expect(await eventTypes(w.api, 'table.created')).toContain('table.created');
    });

    it('refuses bad input with field errors and saves nothing', async () => {
      const w = await world();
      const before = await tableCount(w.rid);
      const dup = await errorOf(w.api.tables.create.mutate({ name: 'T1', maxGuests: 2 }));
      expect(dup).toMatchObject({ code: 'CONFLICT', httpStatus: 409, reason: 'DUPLICATE' });
      expect(dup.fieldErrors?.name?.[0]).toMatch(/"T1" already exists/);

      const minMax = await errorOf(w.api.tables.create.mutate({ name: 'X', minGuests: 6, maxGuests: 4 }));
      expect(minMax).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
      expect(minMax.fieldErrors?.minGuests).toEqual(['Min guests must not exceed max guests.']);

      const zero = await errorOf(w.api.tables.create.mutate({ name: 'X', maxGuests: 0 }));
      expect(zero.fieldErrors?.maxGuests).toEqual(['At least 1 guest.']);

      const outside = await errorOf(w.api.tables.create.mutate({ name: 'X', maxGuests: 2, x: 1500, y: 100 }));
      expect(outside).toMatchObject({ code: 'BAD_REQUEST' });
      expect(outside.fieldErrors?.x?.[0]).toMatch(/outside the room/);

      // The centre is inside, but a 4-seat square is 98 cm wide: half of it would be in the wall.
      const wall = await errorOf(w.api.tables.create.mutate({ name: 'X', maxGuests: 4, x: 1180, y: 400 }));
      expect(wall.fieldErrors?.x?.[0]).toMatch(/98 × 98 cm must fit in 1200 × 800 cm/);

      const negative = await errorOf(w.api.tables.create.mutate({ name: 'X', maxGuests: 2, x: -5, y: 100 }));
      expect(negative.fieldErrors?.x).toEqual(['The table must be inside the room.']);
      expect(await tableCount(w.rid)).toBe(before);
    });

    it('staff may read but not change tables', async () => {
      const w = await world();
      const staff = await memberOf(server, w.rid, 'staff');
      const err = await errorOf(staff.api.tables.create.mutate({ name: 'X', maxGuests: 2 }));
      expect(err).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    });

    it('updates fields with a diff event; a clash or min > max on the merged values is refused', async () => {
      const w = await world();
      const t = await w.api.tables.update.mutate({
        id: w.t2.id,
        name: 'T2a',
        notes: 'Wobbly leg',
        section: 'Bar',
      });
      expect(t).toMatchObject({ name: 'T2a', notes: 'Wobbly leg', section: 'Bar', maxGuests: 4 });
      const items = await eventsOf(w.api, (all) => all.some((e) => e.type === 'table.updated'));
      const ev = items.find((e) => e.type === 'table.updated');
      expect(ev?.payload).toMatchObject({
        name: 'T2a',
        changes: { name: { from: 'T2', to: 'T2a' }, notes: { from: null, to: 'Wobbly leg' } },
      });

      const dup = await errorOf(w.api.tables.update.mutate({ id: w.t2.id, name: 'T1' }));
      expect(dup).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
      expect(dup.fieldErrors?.name).toBeDefined();
      // T2 seats 2–4: raising min to 5 alone breaks min ≤ max.
      const merged = await errorOf(w.api.tables.update.mutate({ id: w.t2.id, minGuests: 5 }));
      expect(merged.fieldErrors?.minGuests?.[0]).toMatch(/must not exceed max guests \(4\)/);
      const after = await w.api.tables.get.query({ id: w.t2.id });
      expect(after).toMatchObject({ name: 'T2a', minGuests: 2 });
    });

    it('reorders tables and renames a section', async () => {
      const w = await world();
      await w.api.tables.reorder.mutate({ ids: [w.t3.id, w.t1.id] });
      expect((await w.api.tables.list.query()).items.map((t) => t.name)).toEqual(['T3', 'T1', 'T2']);
      const unknown = await errorOf(w.api.tables.reorder.mutate({ ids: [w.t1.id, crypto.randomUUID()] }));
      expect(unknown).toMatchObject({ code: 'NOT_FOUND' });
      expect(unknown.fieldErrors?.['ids.1']).toBeDefined();

      expect(await w.api.tables.renameSection.mutate({ from: 'Window', to: 'Terrace' })).toEqual({
        updated: 2,
      });
      expect((await w.api.tables.list.query()).sections).toEqual(['Main', 'Terrace']);
      const none = await errorOf(w.api.tables.renameSection.mutate({ from: 'Nope', to: 'X' }));
      expect(none).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('floor plan', () => {
    it('saves a whole drag session in one call, with one event', async () => {
      const w = await world();
      await w.api.tables.savePositions.mutate({
        positions: [
          { id: w.t1.id, x: 150, y: 175 },
          { id: w.t3.id, x: 900, y: 650 },
        ],
      });
      const list = await w.api.tables.list.query();
      expect(list.items.find((t) => t.id === w.t1.id)).toMatchObject({ x: 150, y: 175 });
      expect(list.items.find((t) => t.id === w.t3.id)).toMatchObject({ x: 900, y: 650 });
      expect((await eventTypes(w.api, 'tables.moved')).filter((t) => t === 'tables.moved')).toHaveLength(1);
    });

    it('a position outside the room or an unknown table saves nothing of the session', async () => {
      const w = await world();
      const outside = await errorOf(
        w.api.tables.savePositions.mutate({
          positions: [
            { id: w.t1.id, x: 500, y: 500 },
            { id: w.t2.id, x: 1300, y: 100 },
          ],
        }),
      );
      expect(outside.fieldErrors?.['positions.1']?.[0]).toMatch(/outside the room/);
      const other = await restaurantWithMember(server, 'manager');
      const [foreign] = await createTables(server.app.db.db, other.restaurant.id, [
        { name: 'F', section: 'x', min: 1, max: 2, shape: 'round', x: 10, y: 10 },
      ]);
      const unknown = await errorOf(
        w.api.tables.savePositions.mutate({
          positions: [
            { id: w.t1.id, x: 500, y: 500 },
            { id: foreign!.id, x: 20, y: 20 },
          ],
        }),
      );
      expect(unknown).toMatchObject({ code: 'NOT_FOUND' });
      expect((await w.api.tables.get.query({ id: w.t1.id })).x).toBe(100);
      expect((await other.api.tables.get.query({ id: foreign!.id })).x).toBe(10);
    });

    it('resizes the room, but not so small that a table would be outside', async () => {
      const w = await world();
      expect(await w.api.tables.setFloor.mutate({ width: 1000, height: 600 })).toEqual({
        width: 1000,
        height: 600,
      });
      const err = await errorOf(w.api.tables.setFloor.mutate({ width: 500, height: 600 }));
      expect(err).toMatchObject({ code: 'BAD_REQUEST' });
      expect(err.message).toMatch(/T3/);
      expect(err.fieldErrors?.width).toBeDefined();
      expect((await w.api.tables.list.query()).floor).toEqual({ width: 1000, height: 600 });
      // T3 (6-seat rectangle, 250 cm long) stands at x 600: its end is at 725 cm.
      expect(await errorOf(w.api.tables.setFloor.mutate({ width: 720, height: 600 }))).toMatchObject({
        code: 'BAD_REQUEST',
      });
      await w.api.tables.deactivate.mutate({ id: w.t3.id });
      await w.api.tables.setFloor.mutate({ width: 500, height: 600 });
      // Back in service, it is brought inside the smaller room.
      const back = await w.api.tables.reactivate.mutate({ id: w.t3.id });
      expect(back).toMatchObject({ x: 375, y: 400 });
      const tiny = await errorOf(w.api.tables.setFloor.mutate({ width: 50, height: 600 }));
      expect(tiny.fieldErrors?.width).toEqual(['At least 200 cm.']);
    });
  });

  describe('deactivate and reactivate', () => {
    it('a table with upcoming bookings cannot be deactivated; with only past history it can, and is never deleted', async () => {
      const w = await world();
      const booking = await w.book([w.t1.id], '19:00', '21:00');
      const err = await errorOf(w.api.tables.deactivate.mutate({ id: w.t1.id }));
      expect(err).toMatchObject({ code: 'CONFLICT', reason: 'IN_USE' });
      expect(err.message).toContain(booking.confirmationCode);

      await w.book([w.t2.id], '19:00', '21:00', 'completed', '2020-03-03');
      const off = await w.api.tables.deactivate.mutate({ id: w.t2.id });
      expect(off.active).toBe(false);
      const list = await w.api.tables.list.query();
      expect(list.items.find((t) => t.id === w.t2.id)?.active).toBe(false);
      expect((await w.api.tables.list.query({ includeInactive: false })).items.map((t) => t.name)).toEqual([
        'T1',
        'T3',
      ]);
      expect((await w.api.tables.history.query({ tableId: w.t2.id })).items).toHaveLength(1);
      expect((await w.api.tables.reactivate.mutate({ id: w.t2.id })).active).toBe(true);
      expect(await eventTypes(w.api, 'table.deactivated', 'table.reactivated')).toEqual(
        expect.arrayContaining(['table.deactivated', 'table.reactivated']),
      );
    });
  });

  describe('combinations', () => {
    it('creates, updates and deletes a combination; it becomes unusable when a member is deactivated', async () => {
      const w = await world();
      const c = await w.api.tables.combinations.create.mutate({
        name: 'T1+T2',
        tableIds: [w.t1.id, w.t2.id],
        minGuests: 4,
        maxGuests: 6,
      });
      expect(c).toMatchObject({ name: 'T1+T2', minGuests: 4, maxGuests: 6, usable: true });
      expect(c.tableIds.sort()).toEqual([w.t1.id, w.t2.id].sort());
      const u = await w.api.tables.combinations.update.mutate({
        id: c.id,
        tableIds: [w.t2.id, w.t3.id],
        maxGuests: 10,
      });
      expect(u.tableIds.sort()).toEqual([w.t2.id, w.t3.id].sort());
      expect((await w.api.tables.get.query({ id: w.t3.id })).combinations.map((x) => x.name)).toEqual([
        'T1+T2',
      ]);

      await w.api.tables.deactivate.mutate({ id: w.t3.id });
      expect((await w.api.tables.combinations.list.query())[0]?.usable).toBe(false);
      await w.api.tables.combinations.delete.mutate({ id: c.id });
      expect(await w.api.tables.combinations.list.query()).toEqual([]);
      const types = await eventTypes(
        w.api,
        'combination.created',
        'combination.updated',
        'combination.deleted',
      );
      expect(types).toEqual(
        expect.arrayContaining(['combination.created', 'combination.updated', 'combination.deleted']),
      );
    });

    it("refuses another restaurant's table, a deactivated table, too many guests and a duplicate name", async () => {
      const w = await world();
      const other = await restaurantWithMember(server, 'manager');
      const [foreign] = await createTables(server.app.db.db, other.restaurant.id, [
        { name: 'F', section: 'x', min: 1, max: 8, shape: 'round', x: 10, y: 10 },
      ]);
      const cross = await errorOf(
        w.api.tables.combinations.create.mutate({
          name: 'C',
          tableIds: [w.t1.id, foreign!.id],
          minGuests: 2,
          maxGuests: 4,
        }),
      );
      expect(cross).toMatchObject({ code: 'BAD_REQUEST' });
      expect(cross.fieldErrors?.['tableIds.1']).toEqual(['This table does not exist in this restaurant.']);

      await server.app.db.db.update(tablesTable).set({ active: false }).where(eq(tablesTable.id, w.t3.id));
      const inactive = await errorOf(
        w.api.tables.combinations.create.mutate({
          name: 'C',
          tableIds: [w.t1.id, w.t3.id],
          minGuests: 2,
          maxGuests: 4,
        }),
      );
      expect(inactive.fieldErrors?.['tableIds.1']).toEqual(['T3 is deactivated.']);

      const big = await errorOf(
        w.api.tables.combinations.create.mutate({
          name: 'C',
          tableIds: [w.t1.id, w.t2.id],
          minGuests: 2,
          maxGuests: 7,
        }),
      );
      expect(big.fieldErrors?.maxGuests).toEqual(['These tables seat at most 6 together.']);

      const one = await errorOf(
        w.api.tables.combinations.create.mutate({
          name: 'C',
          tableIds: [w.t1.id],
          minGuests: 1,
          maxGuests: 2,
        }),
      );
      expect(one.fieldErrors?.tableIds).toEqual(['Choose at least two tables.']);

      await w.api.tables.combinations.create.mutate({
        name: 'C',
        tableIds: [w.t1.id, w.t2.id],
        minGuests: 2,
        maxGuests: 6,
      });
      const dup = await errorOf(
        w.api.tables.combinations.create.mutate({
          name: 'C',
          tableIds: [w.t1.id, w.t2.id],
          minGuests: 2,
          maxGuests: 6,
        }),
      );
      expect(dup).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
      expect(dup.fieldErrors?.name).toEqual(['A combination named "C" already exists.']);
      expect(await w.api.tables.combinations.list.query()).toHaveLength(1);
    });
  });

  describe('blocks', () => {
    it('a block over a booking is refused naming the booking; nothing is written', async () => {
      const w = await world();
      const booking = await w.book([w.t2.id], '19:00', '21:00');
      const err = await errorOf(
        w.api.tables.block.mutate({
          tableIds: [w.t1.id, w.t2.id],
          from: `${DAY}T20:00`,
          to: `${DAY}T23:00`,
          reason: 'Private party',
        }),
      );
      expect(err).toMatchObject({ code: 'CONFLICT', httpStatus: 409, reason: 'SLOT_TAKEN' });
      expect(err.message).toContain('T2 is booked by Anna Schmidt ×2');
      expect(err.message).toContain(booking.confirmationCode);
      expect(err.details?.clashes).toEqual([
        expect.objectContaining({
          tableName: 'T2',
          kind: 'booking',
          id: booking.id,
          from: `${DAY}T19:00`,
          to: `${DAY}T21:00`,
        }),
      ]);
      expect(await w.api.tables.blocks.query({ from: DAY, to: DAY })).toEqual([]);
    });

    it('a booking over a block is impossible in the database; unblocking frees the table and keeps the history', async () => {
      const w = await world();
      const block = await w.api.tables.block.mutate({
        tableIds: [w.t1.id],
        from: `${DAY}T17:00`,
        to: `${DAY}T23:00`,
        reason: 'Repainting',
      });
      expect(block).toMatchObject({
        tableIds: [w.t1.id],
        from: `${DAY}T17:00`,
        to: `${DAY}T23:00`,
        releasedAt: null,
      });
      expect(block.startsAt).toEqual(at('17:00'));
      await expect(w.book([w.t1.id], '19:00', '21:00')).rejects.toMatchObject({ cause: { code: '23P01' } });

      const again = await errorOf(
        w.api.tables.block.mutate({
          tableIds: [w.t1.id],
          from: `${DAY}T22:00`,
          to: `${DAY}T23:30`,
          reason: 'x',
        }),
      );
      expect(again.message).toBe(`T1 is already blocked: Repainting from ${DAY} 17:00 to 23:00.`);

      expect((await w.api.tables.get.query({ id: w.t1.id })).upcomingBlocks.map((b) => b.id)).toEqual([
        block.id,
      ]);
      const lifted = await w.api.tables.unblock.mutate({ blockId: block.id });
      expect(lifted.releasedAt).toBeInstanceOf(Date);
      await w.book([w.t1.id], '19:00', '21:00');
      const history = await w.api.tables.history.query({ tableId: w.t1.id });
      expect(history.items.map((i) => [i.kind, i.status])).toEqual([
        ['booking', 'confirmed'],
        ['block', 'released'],
      ]);
      expect(await eventTypes(w.api, 'table.blocked', 'table.unblocked')).toEqual(
        expect.arrayContaining(['table.blocked', 'table.unblocked']),
      );
    });

    it('refuses a block that ends before it starts, an empty reason and unknown tables', async () => {
      const w = await world();
      const backwards = await errorOf(
        w.api.tables.block.mutate({
          tableIds: [w.t1.id],
          from: `${DAY}T18:00`,
          to: `${DAY}T17:00`,
          reason: 'x',
        }),
      );
      expect(backwards.fieldErrors?.to).toEqual(['The block must end after it starts.']);
      const noReason = await errorOf(
        w.api.tables.block.mutate({
          tableIds: [w.t1.id],
          from: `${DAY}T18:00`,
          to: `${DAY}T19:00`,
          reason: ' ',
        }),
      );
      expect(noReason.fieldErrors?.reason).toEqual(['Say why the table is blocked.']);
      const past = await errorOf(
        w.api.tables.block.mutate({
          tableIds: [w.t1.id],
          from: '2020-01-01T18:00',
          to: '2020-01-01T19:00',
          reason: 'x',
        }),
      );
      expect(past.fieldErrors?.to).toEqual(['This period is already over: a block must end in the future.']);
      const badDate = await errorOf(
        w.api.tables.block.mutate({
          tableIds: [w.t1.id],
          from: '2027-02-30T18:00',
          to: `${DAY}T19:00`,
          reason: 'x',
        }),
      );
      expect(badDate.fieldErrors?.from).toEqual(['Not a calendar date.']);
      const unknown = await errorOf(
        w.api.tables.block.mutate({
          tableIds: [crypto.randomUUID()],
          from: `${DAY}T18:00`,
          to: `${DAY}T19:00`,
          reason: 'x',
        }),
      );
      expect(unknown).toMatchObject({ code: 'NOT_FOUND' });
      expect(unknown.fieldErrors?.['tableIds.0']).toBeDefined();
    });

    it('block times are restaurant-local and DST-correct (spring-forward night lasts one hour less)', async () => {
      const w = await world();
      const block = await w.api.tables.block.mutate({
        tableIds: [w.t3.id],
        from: '2027-03-28T01:00',
        to: '2027-03-28T04:00',
        reason: 'Deep clean',
      });
      expect(block.startsAt.toISOString()).toBe('2027-03-28T00:00:00.000Z');
      expect(block.endsAt.getTime() - block.startsAt.getTime()).toBe(2 * 3600_000);
    });
  });

  describe('details', () => {
    it('pages through the history of a table, newest first', async () => {
      const w = await world();
      for (let day = 1; day <= 5; day++)
        await w.book([w.t3.id], '19:00', '21:00', 'completed', `2026-0${day}-06`);
      const first = await w.api.tables.history.query({ tableId: w.t3.id, limit: 2 });
      expect(first.items.map((i) => i.from)).toEqual(['2026-05-06T19:00', '2026-04-06T19:00']);
      expect(first.items[0]).toMatchObject({
        kind: 'booking',
        title: 'Anna Schmidt',
        partySize: 2,
        status: 'completed',
      });
      const second = await w.api.tables.history.query({
        tableId: w.t3.id,
        limit: 2,
        cursor: first.nextCursor,
      });
      const third = await w.api.tables.history.query({
        tableId: w.t3.id,
        limit: 2,
        cursor: second.nextCursor,
      });
      expect([...second.items, ...third.items].map((i) => i.from.slice(0, 7))).toEqual([
        '2026-03',
        '2026-02',
        '2026-01',
      ]);
      expect(third.nextCursor).toBeNull();
      const bad = await errorOf(w.api.tables.history.query({ tableId: w.t3.id, cursor: 'nope' }));
      expect(bad).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_CURSOR' });
    });

    it('utilisation is seated minutes over open minutes; only seated and completed bookings count', async () => {
      const w = await world();
      await w.book([w.t1.id], '12:00', '14:00', 'completed');
      await w.book([w.t1.id], '18:00', '19:00', 'seated');
      await w.book([w.t2.id], '19:00', '21:00', 'confirmed');
      const u = await w.api.tables.utilisation.query({ from: DAY, to: DAY });
      expect(u.openMinutes).toBe(180 + 300);
      expect(u.items).toEqual([
        { tableId: w.t1.id, name: 'T1', seatedMinutes: 180, ratio: 0.375 },
        { tableId: w.t2.id, name: 'T2', seatedMinutes: 0, ratio: 0 },
        { tableId: w.t3.id, name: 'T3', seatedMinutes: 0, ratio: 0 },
      ]);
      const week = await w.api.tables.utilisation.query({ from: DAY, to: '2027-03-08', tableIds: [w.t1.id] });
      // Tue–Sun open (Fri and Sat dinner until 00:30), Monday closed.
      expect(week.openMinutes).toBe(6 * 480 + 2 * 90);
      expect(week.items).toHaveLength(1);
      const backwards = await errorOf(w.api.tables.utilisation.query({ from: DAY, to: '2027-03-01' }));
      expect(backwards.fieldErrors?.to).toBeDefined();
    });
  });
});
