import { holds } from '@tobeout/db';
import { testDbKinds } from '@tobeout/db/testing';
import { addDays, type TAvailabilityCheck } from '@tobeout/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { at, bookingWorld, DAY, eventsOf, FRIDAY, MIN, MONDAY, nextWeekday, TODAY } from './bookings-world';
import { errorOf, memberOf } from './harness';
import { serverForSuite } from './suite';

const times = (c: { slots: { time: string }[] }) => c.slots.map((s) => s.time);
const labels = (slot: TAvailabilityCheck['slots'][number] | undefined) => slot?.options.map((o) => o.label);

/** Grid cells as letters per slot: f free, r reserved, o occupied, b blocked, c closed. */
const LETTER = { free: 'f', reserved: 'r', occupied: 'o', blocked: 'b', closed: 'c' } as const;

describe.each(testDbKinds)('availability on %s', (kind) => {
  const server = serverForSuite(kind);

  const world = () => bookingWorld(server);

  describe('grid', () => {
    it('one status per table and slot, aligned with the slots, with booking and block summaries', async () => {
      const w = await world();
      const staff = await memberOf(server, w.rid, 'staff');
      const booked = await w.api.bookings.create.mutate({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guestId: w.guest.id,
        tableIds: [w.t1.id],
        specialRequests: 'Window please',
      });
      await w.seed([w.t2.id], at('18:00'), at('20:00'), { status: 'seated', partySize: 3 });
      await w.seed([w.t3.id], at('12:00'), at('13:00'), { status: 'completed' });
      await w.seed([w.t4.id], at('19:00'), at('20:30'), { status: 'canceled' });
      await w.seed([w.t1.id], at('12:00', addDays(DAY, 1)), at('13:30', addDays(DAY, 1)));
      const block = await w.api.tables.block.mutate({
        tableIds: [w.t3.id],
        from: `${DAY}T20:00`,
        to: `${DAY}T22:00`,
        reason: 'Private party',
      });
      await w.api.availability.hold.mutate({ date: DAY, time: '12:00', partySize: 2, tableIds: [w.t4.id] });

      const grid = await staff.api.availability.grid.query({ date: DAY });
      expect(grid).toMatchObject({ date: DAY, timeZone: 'Europe/Berlin', slotIntervalMin: 30 });
      // From the first service's start to the last one's end, every 30 minutes.
      expect(grid.slots.map((s) => s.time)).toEqual([
        ...['12:00', '12:30', '13:00', '13:30', '14:00', '14:30'],
        ...['15:00', '15:30', '16:00', '16:30', '17:00', '17:30'],
        ...['18:00', '18:30', '19:00', '19:30', '20:00', '20:30', '21:00', '21:30', '22:00', '22:30'],
      ]);
      expect(grid.slots.map((s) => (s.open ? 1 : 0)).join('')).toBe('1111110000001111111111');
      expect(grid.slots[14]!.startsAt).toEqual(at('19:00'));
      const rows = Object.fromEntries(
        grid.tables.map((t) => [t.name, t.statuses.map((s) => LETTER[s]).join('')]),
      );
      expect(rows).toEqual({
        T1: 'ffffff' + 'cccccc' + 'ffrrrfffff',
        T2: 'ffffff' + 'cccccc' + 'oooofffff' + 'f',
        T3: 'ooffff' + 'cccccc' + 'ffffbbbbff',
        T4: 'rrrfff' + 'cccccc' + 'ffffffffff',
      });
      expect(grid.tables[2]).toMatchObject({ name: 'T3', section: 'Main', minGuests: 2, maxGuests: 6 });

      // The day's bookings (not the cancelled one, not the next day's), in start order.
      expect(grid.bookings.map((b) => [b.time, b.status, b.partySize])).toEqual([
        ['12:00', 'completed', 2],
        ['18:00', 'seated', 3],
        ['19:00', 'confirmed', 2],
      ]);
      expect(grid.bookings[2]).toEqual({
        id: booked.id,
        code: booked.code,
        tableIds: [w.t1.id],
        guestId: w.guest.id,
        guestName: 'Anna Schmidt',
        partySize: 2,
        time: '19:00',
        startsAt: at('19:00'),
        endsAt: at('20:30'),
        status: 'confirmed',
        specialRequests: 'Window please',
        version: 1,
      });
      expect(grid.blocks).toEqual([
        {
          id: block.id,
          tableIds: [w.t3.id],
          startsAt: at('20:00'),
          endsAt: at('22:00'),
          reason: 'Private party',
        },
      ]);
    });

    it('a closed day has no slots; a late Friday runs past midnight', async () => {
      const w = await world();
      const monday = await w.api.availability.grid.query({ date: MONDAY });
      expect(monday.slots).toEqual([]);
      expect(monday.tables.map((t) => [t.name, t.statuses])).toEqual([
        ['T1', []],
        ['T2', []],
        ['T3', []],
        ['T4', []],
      ]);
      const friday = await w.api.availability.grid.query({ date: FRIDAY });
      expect(friday.slots.at(-1)).toMatchObject({
        time: '00:00',
        open: true,
        startsAt: at('00:00', addDays(FRIDAY, 1)),
      });
      expect(friday.tables[0]!.statuses).toHaveLength(friday.slots.length);
    });

    it('refuses a bad date with a field error', async () => {
      const w = await world();
      const err = await errorOf(w.api.availability.grid.query({ date: '2027-02-30' }));
      expect(err).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
      expect(err.fieldErrors?.date).toBeDefined();
    });
  });

  describe('check', () => {
    it('offers the best fit first, respects min guests and online tables, combines tables for large parties', async () => {
      const w = await world();
      await w.api.tables.combinations.create.mutate({
        name: 'T2+T3',
        tableIds: [w.t2.id, w.t3.id],
        minGuests: 7,
        maxGuests: 10,
      });
      const check = (partySize: number, source: 'staff' | 'online' = 'staff') =>
        w.api.availability.check.query({ date: DAY, time: '19:00', partySize, source });
      const [two, twoOnline, one, three, eight] = await Promise.all([
        check(2),
        check(2, 'online'),
        check(1),
        check(3),
        check(8),
      ]);
      expect(two).toMatchObject({
        date: DAY,
        time: '19:00',
        partySize: 2,
        durationMin: 90,
        available: true,
        reason: null,
        message: null,
      });
      expect(two.slots[0]).toMatchObject({ time: '19:00', startsAt: at('19:00') });
      expect(two.slots[0]!.options[0]).toEqual({
        kind: 'table',
        tableIds: [w.t1.id],
        combinationId: null,
        label: 'T1',
        seats: 2,
        emptySeats: 0,
        reason: 'Best fit: 2 seats for 2 guests',
      });
      expect(labels(two.slots[0])).toEqual(['T1', 'T4', 'T2']);
      expect(labels(twoOnline.slots[0])).toEqual(['T1', 'T2', 'T3']); // T4 is not bookable online
      expect(labels(one.slots[0])).toEqual(['T1', 'T4']); // T2 and T3 seat at least 2
      expect(three).toMatchObject({ durationMin: 120 });
      expect(labels(three.slots[0])).toEqual(['T2', 'T3']);
      expect(eight).toMatchObject({ available: true, durationMin: 150 });
      expect(eight.slots[0]!.options).toEqual([
        expect.objectContaining({
          kind: 'combination',
          label: 'T2+T3',
          tableIds: expect.arrayContaining([w.t2.id, w.t3.id]),
          seats: 10,
          emptySeats: 2,
          reason: 'Combination for a large party: 10 seats for 8 guests (T2 + T3)',
        }),
      ]);
      // The requested slot first, then the nearest others.
      expect(times(two)).toEqual(['19:00', '18:30', '19:30', '18:00', '20:00', '20:30']);
    });

    it('prefers the table that leaves the evening in one piece (snug fit)', async () => {
      const w = await world();
      await w.seed([w.t4.id], at('20:30'), at('22:00'));
      const c = await w.api.availability.check.query({ date: DAY, time: '19:00', partySize: 2 });
      expect(labels(c.slots[0])).toEqual(['T4', 'T1', 'T2']);
    });

    it('says why not, with the nearest alternatives', async () => {
      const w = await world();
      await w.api.tables.combinations.create.mutate({
        name: 'T2+T3',
        tableIds: [w.t2.id, w.t3.id],
        minGuests: 7,
        maxGuests: 10,
      });
      await w.seed([w.t3.id], at('19:00'), at('21:30'), { partySize: 5 });
      const pastTuesday = nextWeekday(addDays(TODAY, -8), 2);
      const check = (date: string, time: string, partySize = 2) =>
        w.api.availability.check.query({ date, time, partySize });
      const [closed, outside, late, offGrid, full, tooLarge, past] = await Promise.all([
        check(MONDAY, '19:00'),
        check(DAY, '16:00'),
        check(DAY, '22:00'),
        check(DAY, '19:15'),
        check(DAY, '19:00', 5),
        check(DAY, '19:00', 11),
        check(pastTuesday, '19:00'),
      ]);
      expect(closed).toMatchObject({
        available: false,
        reason: 'closed',
        message: `The restaurant is closed on ${MONDAY}.`,
        slots: [],
      });
      expect(outside).toMatchObject({
        available: false,
        reason: 'outside_hours',
        message: `16:00 is outside the opening hours on ${DAY}.`,
      });
      expect(times(outside)).toEqual(['18:00', '18:30', '19:00', '19:30', '20:00', '20:30']);
      expect(late).toMatchObject({
        reason: 'after_last_seating',
        message: '22:00 is after the last seating (a stay of 90 min must fit in the service).',
      });
      expect(times(late)[0]).toBe('21:30');
      expect(offGrid).toMatchObject({
        reason: 'off_grid',
        message: '19:15 is not a bookable slot: bookings start every 30 minutes.',
      });
      expect(times(offGrid).slice(0, 1)).toEqual(['19:30']);
      expect(times(offGrid)).toContain('19:00');
      // Only T3 seats five, and it is taken all evening for a 150-minute stay: lunch is left.
      expect(full).toMatchObject({
        available: false,
        reason: 'full',
        message: `No table for 5 is free on ${DAY} at 19:00.`,
      });
      expect(times(full)).toEqual(['12:30', '12:00']);
      expect(full.slots.every((s) => s.options[0]?.label === 'T3')).toBe(true);
      expect(tooLarge).toMatchObject({
        reason: 'party_too_large',
        message: 'No table or combination seats a party of 11.',
        slots: [],
      });
      expect(past).toMatchObject({ available: false, reason: 'in_the_past' });
    });

    it('without a time: every bookable slot of the day', async () => {
      const w = await world();
      const [tuesday, friday, monday, big] = await Promise.all([
        w.api.availability.check.query({ date: DAY, partySize: 2 }),
        w.api.availability.check.query({ date: FRIDAY, partySize: 2 }),
        w.api.availability.check.query({ date: MONDAY, partySize: 2 }),
        w.api.availability.check.query({ date: DAY, partySize: 7 }),
      ]);
      expect(tuesday).toMatchObject({ time: null, available: true, reason: null });
      expect(times(tuesday)).toEqual([
        ...['12:00', '12:30', '13:00', '13:30'],
        ...['18:00', '18:30', '19:00', '19:30', '20:00', '20:30', '21:00', '21:30'],
      ]);
      expect(times(friday).at(-1)).toBe('23:00'); // 23:00 + 90 min ends at 00:30
      expect(friday.slots.at(-1)!.startsAt).toEqual(at('23:00', FRIDAY));
      expect(monday).toMatchObject({ available: false, reason: 'closed', slots: [] });
      expect(big).toMatchObject({ available: false, reason: 'party_too_large', slots: [] });
    });

    it('pacing: at most N covers start per slot, each booking counted once', async () => {
      const w = await world();
      await w.api.restaurant.update.mutate({ pacingMaxCovers: 4 });
      // A party of 3 over two tables: 3 covers, not 6.
      await w.seed([w.t2.id, w.t3.id], at('19:00'), at('21:00'), { partySize: 3 });
      const check = (time: string, partySize: number) =>
        w.api.availability.check.query({ date: DAY, time, partySize });
      const [two, one, later] = await Promise.all([check('19:00', 2), check('19:00', 1), check('19:30', 2)]);
      expect(two).toMatchObject({
        available: false,
        reason: 'pacing',
        message: 'Too many guests already arrive at 19:00: the kitchen takes at most 4 covers per slot.',
      });
      expect(times(two)).toEqual(['18:30', '19:30', '18:00', '20:00', '20:30', '21:00']);
      expect(one).toMatchObject({ available: true });
      expect(later).toMatchObject({ available: true });
      // Staff about to override see the slot with its tables.
      const anyway = await w.api.availability.check.query({
        date: DAY,
        time: '19:00',
        partySize: 2,
        overridePacing: true,
      });
      expect(anyway).toMatchObject({ available: true, reason: null });
      expect(labels(anyway.slots[0])?.[0]).toBe('T1');

      const refused = await errorOf(
        w.api.bookings.create.mutate({ date: DAY, time: '19:00', partySize: 2, guestId: w.guest.id }),
      );
      expect(refused).toMatchObject({ code: 'CONFLICT', httpStatus: 409, reason: 'NO_AVAILABILITY' });
      expect(refused.details?.reason).toBe('pacing');
      // Also on a table chosen by hand, with the same alternatives as availability.check.
      const chosen = await errorOf(
        w.api.bookings.create.mutate({
          date: DAY,
          time: '19:00',
          partySize: 2,
          guestId: w.guest.id,
          tableIds: [w.t4.id],
        }),
      );
      expect(chosen).toMatchObject({ code: 'CONFLICT', reason: 'NO_AVAILABILITY' });
      expect(chosen.details?.reason).toBe('pacing');
      expect((chosen.details?.alternatives as { time: string }[] | undefined)?.map((a) => a.time)).toEqual(
        times(two),
      );
      const overridden = await w.api.bookings.create.mutate({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guestId: w.guest.id,
        overridePacing: true,
      });
      expect(overridden.tables.map((t) => t.name)).toEqual(['T1']);

      // A hold is refused the same way, also on tables chosen by hand (converting it skips the
      // rules), unless staff override explicitly.
      const holdAt = (overridePacing: boolean) =>
        w.api.availability.hold.mutate({
          date: DAY,
          time: '19:00',
          partySize: 1,
          tableIds: [w.t4.id],
          overridePacing,
        });
      expect((await errorOf(holdAt(false))).details?.reason).toBe('pacing');
      expect((await holdAt(true)).tableIds).toEqual([w.t4.id]);
    });

    it('online: minimum lead time and booking horizon (staff are exempt)', async () => {
      const w = await world();
      await w.api.restaurant.update.mutate({ minLeadTimeMin: 7 * 24 * 60, bookingHorizonDays: 730 });
      let soon = addDays(TODAY, 1);
      if (soon === nextWeekday(soon, 1)) soon = addDays(soon, 1); // not a Monday
      const [online, staff] = await Promise.all([
        w.api.availability.check.query({ date: soon, time: '19:00', partySize: 2, source: 'online' }),
        w.api.availability.check.query({ date: soon, time: '19:00', partySize: 2, source: 'staff' }),
      ]);
      expect(online).toMatchObject({
        available: false,
        reason: 'too_soon',
        message: "Online bookings need at least 10080 minutes' notice.",
      });
      expect(staff).toMatchObject({ available: true });
      const create = await errorOf(
        w.api.bookings.create.mutate({
          date: soon,
          time: '19:00',
          partySize: 2,
          guest: { name: 'Online Guest' },
          source: 'online',
        }),
      );
      expect(create).toMatchObject({ code: 'CONFLICT', reason: 'NO_AVAILABILITY' });
      expect(create.details?.reason).toBe('too_soon');
      // A hold on a chosen table is no way around the lead time.
      const held = await errorOf(
        w.api.availability.hold.mutate({
          date: soon,
          time: '19:00',
          partySize: 2,
          tableIds: [w.t1.id],
          source: 'online',
        }),
      );
      expect(held).toMatchObject({ code: 'CONFLICT', reason: 'NO_AVAILABILITY' });
      expect(held.details?.reason).toBe('too_soon');

      await w.api.restaurant.update.mutate({ minLeadTimeMin: 0, bookingHorizonDays: 7 });
      const [far, farDay, farStaff] = await Promise.all([
        w.api.availability.check.query({ date: DAY, time: '19:00', partySize: 2, source: 'online' }),
        w.api.availability.check.query({ date: DAY, partySize: 2, source: 'online' }),
        w.api.availability.check.query({ date: DAY, time: '19:00', partySize: 2 }),
      ]);
      expect(far).toMatchObject({
        available: false,
        reason: 'beyond_horizon',
        message: `Bookings open 7 days ahead: ${DAY} is too far.`,
        slots: [],
      });
      expect(farDay).toMatchObject({ available: false, reason: 'beyond_horizon', slots: [] });
      expect(farStaff).toMatchObject({ available: true });
    });

    it('refuses bad input with field errors', async () => {
      const w = await world();
      const [party, time, source, duration] = await Promise.all([
        errorOf(w.api.availability.check.query({ date: DAY, partySize: 0 })),
        errorOf(w.api.availability.check.query({ date: DAY, time: '7pm', partySize: 2 })),
        errorOf(w.api.availability.check.query({ date: DAY, partySize: 2, source: 'fax' as 'online' })),
        errorOf(w.api.availability.check.query({ date: DAY, partySize: 2, durationMin: 5 })),
      ]);
      for (const e of [party, time, source, duration])
        expect(e).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
      expect(party.fieldErrors?.partySize).toEqual(['At least 1 guest.']);
      expect(time.fieldErrors?.time).toEqual(['Use the 24-hour form HH:mm, e.g. 19:30.']);
      expect(source.fieldErrors?.source).toBeDefined();
      expect(duration.fieldErrors?.durationMin).toEqual(['At least 15 minutes.']);
    });
  });

  describe('range', () => {
    it('per day: open or not, how many slots have a table, the first and the last', async () => {
      const w = await world();
      await w.seed([w.t1.id, w.t2.id, w.t3.id, w.t4.id], at('11:00', FRIDAY), at('16:00', FRIDAY));
      const days = await w.api.availability.range.query({ from: MONDAY, to: FRIDAY, partySize: 2 });
      expect(days).toEqual([
        { date: MONDAY, open: false, availableSlots: 0, firstTime: null, lastTime: null },
        { date: DAY, open: true, availableSlots: 12, firstTime: '12:00', lastTime: '21:30' },
        { date: addDays(DAY, 1), open: true, availableSlots: 12, firstTime: '12:00', lastTime: '21:30' },
        { date: addDays(DAY, 2), open: true, availableSlots: 12, firstTime: '12:00', lastTime: '21:30' },
        // Lunch is fully booked; dinner runs to 00:30, so the last 90-minute stay starts at 23:00.
        { date: FRIDAY, open: true, availableSlots: 11, firstTime: '18:00', lastTime: '23:00' },
      ]);
      const big = await w.api.availability.range.query({ from: DAY, to: DAY, partySize: 9 });
      expect(big).toEqual([{ date: DAY, open: true, availableSlots: 0, firstTime: null, lastTime: null }]);
    });

    it('refuses a backwards or too long range', async () => {
      const w = await world();
      const backwards = await errorOf(
        w.api.availability.range.query({ from: DAY, to: MONDAY, partySize: 2 }),
      );
      expect(backwards).toMatchObject({ code: 'BAD_REQUEST' });
      expect(backwards.fieldErrors?.to).toEqual(['The range must end on or after its start.']);
      const long = await errorOf(
        w.api.availability.range.query({ from: DAY, to: addDays(DAY, 70), partySize: 2 }),
      );
      expect(long.fieldErrors?.to).toEqual(['At most two months at a time.']);
    });
  });

  describe('hold and release', () => {
    it('held tables are not offered to others; bookings.create({ holdId }) converts the hold', async () => {
      const w = await world();
      const staff = await memberOf(server, w.rid, 'staff');
      const before = Date.now();
      const hold = await staff.api.availability.hold.mutate({ date: DAY, time: '19:00', partySize: 2 });
      expect(hold).toMatchObject({ tableIds: [w.t1.id], date: DAY, time: '19:00', partySize: 2 });
      expect(hold.expiresAt.getTime()).toBeGreaterThan(before + 4 * MIN);
      expect(hold.expiresAt.getTime()).toBeLessThan(Date.now() + 6 * MIN);
      expect(await w.allocations({ holdId: hold.holdId })).toEqual([
        expect.objectContaining({ table: 'T1', from: `${DAY}T19:00`, to: `${DAY}T20:30` }),
      ]);

      const check = await w.api.availability.check.query({ date: DAY, time: '19:00', partySize: 2 });
      expect(labels(check.slots[0])).toEqual(['T4', 'T2', 'T3']);
      // The holder re-checking with its hold sees its own tables as free.
      const mine = await staff.api.availability.check.query({
        date: DAY,
        time: '19:00',
        partySize: 2,
        holdId: hold.holdId,
      });
      expect(labels(mine.slots[0])).toEqual(['T1', 'T4', 'T2']);
      const grid = await w.api.availability.grid.query({ date: DAY });
      expect(grid.tables[0]!.statuses[14]).toBe('reserved');

      const onIt = await errorOf(
        w.api.bookings.create.mutate({
          date: DAY,
          time: '19:00',
          partySize: 2,
          guestId: w.guest.id,
          tableIds: [w.t1.id],
        }),
      );
      expect(onIt).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN' });
      const holdOnIt = await errorOf(
        w.api.availability.hold.mutate({ date: DAY, time: '19:30', partySize: 2, tableIds: [w.t1.id] }),
      );
      expect(holdOnIt).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN' });

      const booking = await staff.api.bookings.create.mutate({
        holdId: hold.holdId,
        guest: { name: 'Held Guest', phone: '0170 7654321' },
      });
      expect(booking).toMatchObject({
        status: 'confirmed',
        date: DAY,
        time: '19:00',
        partySize: 2,
        durationMin: 90,
        tables: [{ id: w.t1.id, name: 'T1' }],
        guest: { name: 'Held Guest', phone: '+491707654321' },
      });
      expect(await w.allocations()).toEqual([
        expect.objectContaining({
          table: 'T1',
          from: `${DAY}T19:00`,
          reservationId: booking.id,
          holdId: null,
        }),
      ]);
      expect(await server.app.db.db.select().from(holds).where(eq(holds.id, hold.holdId))).toEqual([]);
      const again = await errorOf(
        staff.api.bookings.create.mutate({ holdId: hold.holdId, guest: { name: 'Someone else' } }),
      );
      expect(again).toMatchObject({ code: 'CONFLICT', reason: 'HOLD_EXPIRED' });
      expect(again.fieldErrors?.holdId).toBeDefined();
      const types = (await eventsOf(w.api, (e) => e.length >= 2)).map((e) => e.type);
      expect(types).toEqual(['hold.created', 'booking.created']);
    });

    it('release frees the tables at once; releasing twice is harmless', async () => {
      const w = await world();
      const hold = await w.api.availability.hold.mutate({
        date: DAY,
        time: '19:00',
        partySize: 4,
        tableIds: [w.t3.id],
      });
      expect(hold.tableIds).toEqual([w.t3.id]);
      const held = await w.api.availability.check.query({ date: DAY, time: '19:00', partySize: 5 });
      expect(held.reason).toBe('full');
      expect(await w.api.availability.release.mutate({ holdId: hold.holdId })).toEqual({ ok: true });
      const freed = await w.api.availability.check.query({ date: DAY, time: '19:00', partySize: 5 });
      expect(labels(freed.slots[0])).toEqual(['T3']);
      expect(await w.allocations()).toEqual([]);
      expect(await w.api.availability.release.mutate({ holdId: hold.holdId })).toEqual({ ok: true });
      const types = (await eventsOf(w.api, (e) => e.length >= 2)).map((e) => e.type);
      expect(types).toEqual(['hold.created', 'hold.released']);
    });

    it('an expired hold frees itself: offered again, bookable, and no longer convertible', async () => {
      const w = await world();
      const hold = await w.api.availability.hold.mutate({
        date: DAY,
        time: '20:00',
        partySize: 5,
      });
      expect(hold.tableIds).toEqual([w.t3.id]);
      expect((await w.api.availability.check.query({ date: DAY, time: '20:00', partySize: 5 })).reason).toBe(
        'full',
      );
      await w.expireHold(hold.holdId);
      const check = await w.api.availability.check.query({ date: DAY, time: '20:00', partySize: 5 });
      expect(labels(check.slots[0])).toEqual(['T3']);
      expect((await w.api.availability.grid.query({ date: DAY })).tables[2]!.statuses[16]).toBe('free');
      const expired = await errorOf(
        w.api.bookings.create.mutate({ holdId: hold.holdId, guest: { name: 'Too late' } }),
      );
      expect(expired).toMatchObject({ code: 'CONFLICT', httpStatus: 409, reason: 'HOLD_EXPIRED' });
      const booking = await w.api.bookings.create.mutate({
        date: DAY,
        time: '20:00',
        partySize: 5,
        guestId: w.guest.id,
        tableIds: [w.t3.id],
      });
      expect(booking.tables.map((t) => t.name)).toEqual(['T3']);
      expect(await w.allocations()).toEqual([
        expect.objectContaining({ table: 'T3', from: `${DAY}T20:00`, reservationId: booking.id }),
      ]);
    });

    it('refuses what cannot be held, and holds nothing', async () => {
      const w = await world();
      await w.seed([w.t3.id], at('19:00'), at('21:30'), { partySize: 5 });
      const [full, online, closed, unknown, small] = await Promise.all([
        errorOf(w.api.availability.hold.mutate({ date: DAY, time: '19:00', partySize: 5 })),
        errorOf(
          w.api.availability.hold.mutate({
            date: DAY,
            time: '19:00',
            partySize: 2,
            tableIds: [w.t4.id],
            source: 'online',
          }),
        ),
        errorOf(w.api.availability.hold.mutate({ date: MONDAY, time: '19:00', partySize: 2 })),
        errorOf(
          w.api.availability.hold.mutate({
            date: DAY,
            time: '19:00',
            partySize: 2,
            tableIds: [crypto.randomUUID()],
          }),
        ),
        errorOf(
          w.api.availability.hold.mutate({ date: DAY, time: '19:00', partySize: 4, tableIds: [w.t1.id] }),
        ),
      ]);
      expect(full).toMatchObject({ code: 'CONFLICT', reason: 'NO_AVAILABILITY' });
      expect(full.details?.reason).toBe('full');
      expect(full.details?.alternatives).toEqual([
        expect.objectContaining({ time: '12:30' }),
        expect.objectContaining({ time: '12:00' }),
      ]);
      expect(online).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION' });
      expect(online.fieldErrors?.['tableIds.0']).toEqual(['T4 is not bookable online.']);
      expect(closed).toMatchObject({ code: 'CONFLICT', reason: 'NO_AVAILABILITY' });
      expect(closed.details?.reason).toBe('closed');
      expect(unknown.fieldErrors?.['tableIds.0']).toEqual(['This table does not exist in this restaurant.']);
      expect(small.fieldErrors?.tableIds).toEqual(['These tables seat 2, the party is 4.']);
      expect(await server.app.db.db.select().from(holds)).not.toContainEqual(
        expect.objectContaining({ restaurantId: w.rid }),
      );
      const bad = await errorOf(w.api.availability.release.mutate({ holdId: 'nope' }));
      expect(bad).toMatchObject({ code: 'BAD_REQUEST' });
      expect(bad.fieldErrors?.holdId).toBeDefined();
    });
  });
});
