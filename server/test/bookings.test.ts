import { guests } from '@tobeout/db';
import { testDbKinds } from '@tobeout/db/testing';
import { addDays, instantToZoned, type TBooking, weekdayOf } from '@tobeout/shared';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { at, bookingWorld, DAY, eventsOf, FRIDAY, MIN, nextWeekday, TODAY, TZ } from './bookings-world';
import { errorOf, memberOf } from './harness';
import { serverForSuite } from './suite';

/** Confirmation codes: six characters without look-alikes (0/O, 1/I/L). */
const CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{6}$/;

/** The last Sunday of `month` (DST changes in the EU) that is still ahead. */
function nextLastSunday(month: '03' | '10'): string {
  for (let year = Number(TODAY.slice(0, 4)); ; year++) {
    let d = `${year}-${month}-31`;
    while (weekdayOf(d) !== 7) d = addDays(d, -1);
    if (d > addDays(TODAY, 1)) return d;
  }
}

describe.each(testDbKinds)('bookings on %s', (kind) => {
  const server = serverForSuite(kind);

  const world = () => bookingWorld(server);

  async function guestRow(id: string) {
    const [g] = await server.app.db.db.select().from(guests).where(eq(guests.id, id));
    return g!;
  }

  describe('create', () => {
    it('books an existing guest on the best free table, and logs it', async () => {
      const w = await world();
      const staff = await memberOf(server, w.rid, 'staff');
      const b = await staff.api.bookings.create.mutate({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guestId: w.guest.id,
        specialRequests: '  Birthday  ',
      });
      expect(b).toMatchObject({
        status: 'confirmed',
        source: 'staff',
        date: DAY,
        time: '19:00',
        startsAt: at('19:00'),
        endsAt: at('20:30'),
        durationMin: 90,
        partySize: 2,
        guest: { id: w.guest.id, name: 'Anna Schmidt', phone: '+491701234567', email: null },
        tables: [{ id: w.t1.id, name: 'T1' }],
        specialRequests: 'Birthday',
        cancelReason: null,
        version: 1,
        seatedAt: null,
        completedAt: null,
        canceledAt: null,
      });
      expect(b.code).toMatch(CODE);
      expect(await w.api.bookings.get.query({ id: b.id })).toEqual(b);
      expect(await w.allocations()).toEqual([
        expect.objectContaining({
          table: 'T1',
          from: `${DAY}T19:00`,
          to: `${DAY}T20:30`,
          reservationId: b.id,
        }),
      ]);
      const [event] = await eventsOf(w.api);
      expect(event).toMatchObject({
        type: 'booking.created',
        entity: 'booking',
        entityId: b.id,
        actor: { kind: 'user', id: staff.user.id },
        payload: {
          code: b.code,
          guestName: 'Anna Schmidt',
          partySize: 2,
          date: DAY,
          time: '19:00',
          tables: ['T1'],
          status: 'confirmed',
          source: 'staff',
        },
      });
      // Party sizes take their turn times.
      const [three, five] = await Promise.all([
        w.api.bookings.create.mutate({ date: DAY, time: '12:00', partySize: 3, guestId: w.guest.id }),
        w.api.bookings.create.mutate({ date: DAY, time: '18:00', partySize: 5, guestId: w.guest.id }),
      ]);
      expect([three.durationMin, three.tables[0]?.name]).toEqual([120, 'T2']);
      expect([five.durationMin, five.tables[0]?.name, five.endsAt]).toEqual([150, 'T3', at('20:30')]);
    });

    it('a new guest is found again by the normalised phone number', async () => {
      const w = await world();
      const first = await w.api.bookings.create.mutate({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guest: { name: 'Max Muster', phone: '0170 2345678', email: ' MAX@Example.com ', language: 'de' },
      });
      expect(first.guest).toMatchObject({
        name: 'Max Muster',
        phone: '+491702345678',
        email: 'max@example.com',
      });
      const second = await w.api.bookings.create.mutate({
        date: addDays(DAY, 1),
        time: '19:00',
        partySize: 2,
        guest: { name: 'Maximilian M.', phone: '+49 (170) 234-5678' },
      });
      expect(second.guest).toEqual(first.guest);
      const rows = await server.app.db.db
        .select()
        .from(guests)
        .where(and(eq(guests.restaurantId, w.rid), eq(guests.phone, '+491702345678')));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ name: 'Max Muster', language: 'de' });
      // Without a phone, every booking gets its own guest.
      const [a, b] = await Promise.all([
        w.api.bookings.create.mutate({ date: DAY, time: '12:00', partySize: 2, guest: { name: 'No Phone' } }),
        w.api.bookings.create.mutate({ date: DAY, time: '13:00', partySize: 2, guest: { name: 'No Phone' } }),
      ]);
      expect(a.guest.id).not.toBe(b.guest.id);
      const bad = await errorOf(
        w.api.bookings.create.mutate({
          date: DAY,
          time: '20:00',
          partySize: 2,
          guest: { name: 'Bad Phone', phone: '12' },
        }),
      );
      expect(bad).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400, reason: 'VALIDATION' });
      expect(bad.fieldErrors?.['guest.phone']).toEqual([
        '"12" is not a valid phone number for DE (or add the +country code).',
      ]);
    });

    it('chosen tables, online-only tables, a duration override and a group over several tables', async () => {
      const w = await world();
      const chosen = await w.api.bookings.create.mutate({
        date: DAY,
        time: '12:00',
        partySize: 2,
        guestId: w.guest.id,
        tableIds: [w.t3.id],
        durationMin: 45,
      });
      expect(chosen).toMatchObject({
        tables: [{ id: w.t3.id, name: 'T3' }],
        durationMin: 45,
        endsAt: at('12:45'),
      });

      const online = await errorOf(
        w.api.bookings.create.mutate({
          date: DAY,
          time: '19:00',
          partySize: 2,
          guest: { name: 'Web Guest' },
          tableIds: [w.t4.id],
          source: 'online',
        }),
      );
      expect(online).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION' });
      expect(online.fieldErrors?.['tableIds.0']).toEqual(['T4 is not bookable online.']);
      // Online auto-assignment never picks T4 either; staff may book it.
      await w.api.bookings.create.mutate({ date: DAY, time: '19:00', partySize: 2, guestId: w.guest.id });
      const web = await w.api.bookings.create.mutate({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guest: { name: 'Web Guest' },
        source: 'online',
      });
      expect(web).toMatchObject({ source: 'online', tables: [{ name: 'T2' }] });
      const bar = await w.api.bookings.create.mutate({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guestId: w.guest.id,
        tableIds: [w.t4.id],
      });
      expect(bar.tables).toEqual([{ id: w.t4.id, name: 'T4' }]);

      const group = await w.api.bookings.create.mutate({
        date: addDays(DAY, 2),
        time: '18:00',
        partySize: 8,
        guest: { name: 'Big Party' },
        tableIds: [w.t3.id, w.t2.id],
      });
      expect(group).toMatchObject({ partySize: 8, durationMin: 150 });
      expect(group.tables.map((t) => t.name)).toEqual(['T2', 'T3']);
      expect(await w.allocations({ reservationId: group.id })).toEqual([
        expect.objectContaining({
          table: 'T2',
          from: `${addDays(DAY, 2)}T18:00`,
          to: `${addDays(DAY, 2)}T20:30`,
        }),
        expect.objectContaining({
          table: 'T3',
          from: `${addDays(DAY, 2)}T18:00`,
          to: `${addDays(DAY, 2)}T20:30`,
        }),
      ]);
      // Without tables, a combination seats a large party.
      await w.api.tables.combinations.create.mutate({
        name: 'Long table',
        tableIds: [w.t2.id, w.t3.id],
        minGuests: 7,
        maxGuests: 10,
      });
      const combined = await w.api.bookings.create.mutate({
        date: addDays(DAY, 1),
        time: '19:00',
        partySize: 9,
        guest: { name: 'Another Party' },
      });
      expect(combined.tables.map((t) => t.name)).toEqual(['T2', 'T3']);
      const grid = await w.api.availability.grid.query({ date: addDays(DAY, 1) });
      expect(grid.bookings).toEqual([
        expect.objectContaining({ id: combined.id, tableIds: expect.arrayContaining([w.t2.id, w.t3.id]) }),
      ]);
    });

    it('a walk-in is seated now, on a free table', async () => {
      const w = await world();
      const before = Date.now();
      const b = await w.api.bookings.create.mutate({
        source: 'walk_in',
        partySize: 2,
        guest: { name: 'Walk In' },
      });
      const after = Date.now();
      expect(b).toMatchObject({ status: 'seated', source: 'walk_in', partySize: 2, durationMin: 90 });
      expect(b.tables).toHaveLength(1);
      expect(b.seatedAt!.getTime()).toBeGreaterThanOrEqual(before);
      expect(b.seatedAt!.getTime()).toBeLessThanOrEqual(after);
      expect(b.startsAt.getTime() % MIN).toBe(0);
      expect(b.startsAt.getTime()).toBeGreaterThan(before - MIN);
      expect(b.startsAt.getTime()).toBeLessThanOrEqual(after);
      expect(b.date).toBe(instantToZoned(b.startsAt, TZ).date);
      expect(await w.allocations({ reservationId: b.id })).toEqual([
        expect.objectContaining({
          table: b.tables[0]!.name,
          from: instantToLocal(b.startsAt),
          to: instantToLocal(new Date(b.startsAt.getTime() + 90 * MIN)),
        }),
      ]);
      // A second walk-in for the same table now is refused; another table is found.
      const same = await errorOf(
        w.api.bookings.create.mutate({
          source: 'walk_in',
          partySize: 2,
          guest: { name: 'Walk In 2' },
          tableIds: b.tables.map((t) => t.id),
        }),
      );
      expect(same).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN' });
      const other = await w.api.bookings.create.mutate({
        source: 'walk_in',
        partySize: 2,
        guest: { name: 'Walk In 3' },
      });
      expect(other.tables[0]!.id).not.toBe(b.tables[0]!.id);
    });

    it('an idempotency key returns the first booking for the same request and refuses a different one', async () => {
      const w = await world();
      const request = {
        date: DAY,
        time: '19:00',
        partySize: 2,
        guest: { name: 'Ida Idem', phone: '0170 3456789' },
        idempotencyKey: 'agent-call-42',
      };
      const first = await w.api.bookings.create.mutate(request);
      const again = await w.api.bookings.create.mutate({ ...request, guest: { ...request.guest } });
      expect(again).toEqual(first);
      expect(await w.reservationCount()).toBe(1);

      const differences = [
        { time: '20:00' },
        { partySize: 3 },
        { guest: { name: 'Someone Else', phone: '0170 3456789' } },
        { guest: { name: 'Ida Idem', phone: '0170 9999999' } },
        { specialRequests: 'Vegan' },
      ];
      for (const diff of differences) {
        const err = await errorOf(w.api.bookings.create.mutate({ ...request, ...diff }));
        expect(err, JSON.stringify(diff)).toMatchObject({
          code: 'CONFLICT',
          httpStatus: 409,
          reason: 'IDEMPOTENCY_MISMATCH',
        });
        expect(err.fieldErrors?.idempotencyKey).toEqual(['Already used for a different request.']);
      }
      expect(await w.reservationCount()).toBe(1);
      const types = (await eventsOf(w.api)).map((e) => e.type);
      expect(types).toEqual(['booking.created']);
      // A key whose request failed is not used up.
      await w.seed([w.t1.id, w.t2.id, w.t3.id, w.t4.id], at('12:00'), at('15:00'));
      const failed = { ...request, time: '12:00', idempotencyKey: 'agent-call-43' };
      expect(await errorOf(w.api.bookings.create.mutate(failed))).toMatchObject({
        reason: 'NO_AVAILABILITY',
      });
      const retried = await w.api.bookings.create.mutate({ ...failed, time: '20:00' });
      expect(retried.time).toBe('20:00');
    });

    it('a taken table is a CONFLICT naming it, with alternatives; nothing is half-written', async () => {
      const w = await world();
      const first = await w.api.bookings.create.mutate({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guestId: w.guest.id,
        tableIds: [w.t1.id],
      });
      const [exact, overlapping] = await Promise.all([
        errorOf(
          w.api.bookings.create.mutate({
            date: DAY,
            time: '19:00',
            partySize: 2,
            guest: { name: 'Ghost Guest', phone: '0170 5555555' },
            tableIds: [w.t1.id],
          }),
        ),
        errorOf(
          w.api.bookings.create.mutate({
            date: DAY,
            time: '18:00',
            partySize: 2,
            guestId: w.guest.id,
            tableIds: [w.t2.id, w.t1.id],
          }),
        ),
      ]);
      expect(exact).toMatchObject({ code: 'CONFLICT', httpStatus: 409, reason: 'SLOT_TAKEN' });
      expect(exact.message).toMatch(
        new RegExp(`^T1 is already taken at 19:00 on ${DAY}\\. Nearest free: 19:00 \\(T4\\)`),
      );
      const alternatives = exact.details?.alternatives as { time: string; options: { label: string }[] }[];
      expect(alternatives.map((s) => s.time)).toEqual(['19:00', '18:30', '19:30', '18:00', '20:00', '20:30']);
      expect(alternatives[0]!.options.map((o) => o.label)).toEqual(['T4', 'T2', 'T3']);
      expect(alternatives.every((s) => s.time === '20:30' || s.options.every((o) => o.label !== 'T1'))).toBe(
        true,
      );
      expect(overlapping).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN' });
      expect(overlapping.message).toMatch(/^T1 is already taken at 18:00/); // only the taken one

      expect(await w.reservationCount()).toBe(1);
      expect(await w.allocations()).toEqual([expect.objectContaining({ reservationId: first.id })]);
      const ghost = await server.app.db.db
        .select()
        .from(guests)
        .where(and(eq(guests.restaurantId, w.rid), eq(guests.name, 'Ghost Guest')));
      expect(ghost).toEqual([]);
      expect((await eventsOf(w.api)).map((e) => e.type)).toEqual(['booking.created']);

      // Auto-assignment with nothing left: NO_AVAILABILITY with the reason and the alternatives.
      await w.seed([w.t3.id], at('19:00'), at('21:30'), { partySize: 5 });
      const full = await errorOf(
        w.api.bookings.create.mutate({ date: DAY, time: '19:00', partySize: 5, guestId: w.guest.id }),
      );
      expect(full).toMatchObject({ code: 'CONFLICT', reason: 'NO_AVAILABILITY' });
      expect(full.message).toBe(`No table for 5 is free on ${DAY} at 19:00.`);
      expect(full.fieldErrors?.time).toEqual([full.message]);
      expect(full.details).toMatchObject({
        reason: 'full',
        alternatives: [
          expect.objectContaining({ time: '12:30' }),
          expect.objectContaining({ time: '12:00' }),
        ],
      });
    });

    it('bad input gets field errors (never a 500) and writes nothing', async () => {
      const w = await world();
      const base = { date: DAY, time: '19:00', partySize: 2, guestId: w.guest.id };
      const pastTuesday = nextWeekday(addDays(TODAY, -8), 2);
      const create = (input: Record<string, unknown>) =>
        errorOf(w.api.bookings.create.mutate(input as Parameters<typeof w.api.bookings.create.mutate>[0]));
      const cases: [Record<string, unknown>, string, string, string | RegExp][] = [
        [{ guestId: w.guest.id }, 'BAD_REQUEST', 'date', 'Required.'],
        [{ guestId: w.guest.id, date: DAY }, 'BAD_REQUEST', 'time', 'Required.'],
        [{ guestId: w.guest.id, date: DAY, time: '19:00' }, 'BAD_REQUEST', 'partySize', 'Required.'],
        [
          { ...base, guest: { name: 'Both' } },
          'BAD_REQUEST',
          'guest',
          'Give an existing guest or a new guest’s name.',
        ],
        [
          { ...base, guestId: undefined },
          'BAD_REQUEST',
          'guest',
          'Give an existing guest or a new guest’s name.',
        ],
        [{ ...base, partySize: 0 }, 'BAD_REQUEST', 'partySize', 'At least 1 guest.'],
        [{ ...base, partySize: 2.5 }, 'BAD_REQUEST', 'partySize', 'Whole guests only.'],
        [{ ...base, partySize: 201 }, 'BAD_REQUEST', 'partySize', 'At most 200 guests.'],
        [{ ...base, durationMin: 5 }, 'BAD_REQUEST', 'durationMin', 'At least 15 minutes.'],
        [{ ...base, time: '25:00' }, 'BAD_REQUEST', 'time', 'Use the 24-hour form HH:mm, e.g. 19:30.'],
        [{ ...base, date: '02/03/2027' }, 'BAD_REQUEST', 'date', 'Use a date in the form YYYY-MM-DD.'],
        [{ ...base, tableIds: [] }, 'BAD_REQUEST', 'tableIds', 'Choose at least one table.'],
        [
          { ...base, tableIds: [w.t1.id, w.t1.id] },
          'BAD_REQUEST',
          'tableIds',
          'Each table may appear only once.',
        ],
        [{ ...base, tableIds: ['T1'] }, 'BAD_REQUEST', 'tableIds.0', 'Must be an id (UUID).'],
        [{ ...base, guestId: undefined, guest: { name: '  ' } }, 'BAD_REQUEST', 'guest.name', 'Required.'],
        [
          { ...base, guestId: undefined, guest: { name: 'X', email: 'nope' } },
          'BAD_REQUEST',
          'guest.email',
          'Enter a valid e-mail address.',
        ],
        [
          { ...base, specialRequests: 'x'.repeat(1001) },
          'BAD_REQUEST',
          'specialRequests',
          'At most 1000 characters.',
        ],
        [{ ...base, source: 'fax' }, 'BAD_REQUEST', 'source', /./],
        [{ ...base, idempotencyKey: ' ' }, 'BAD_REQUEST', 'idempotencyKey', /./],
        [
          { ...base, guestId: crypto.randomUUID() },
          'NOT_FOUND',
          'guestId',
          'This guest does not exist in this restaurant.',
        ],
        [
          { ...base, tableIds: [crypto.randomUUID()] },
          'BAD_REQUEST',
          'tableIds.0',
          'This table does not exist in this restaurant.',
        ],
        [
          { ...base, partySize: 5, tableIds: [w.t1.id] },
          'BAD_REQUEST',
          'tableIds',
          'These tables seat 2, the party is 5.',
        ],
        [
          { ...base, time: '19:15' },
          'CONFLICT',
          'time',
          '19:15 is not a bookable slot: bookings start every 30 minutes.',
        ],
        [{ ...base, date: pastTuesday }, 'CONFLICT', 'time', `${pastTuesday} at 19:00 has already passed.`],
        [{ ...base, holdId: crypto.randomUUID() }, 'CONFLICT', 'holdId', 'Expired or unknown hold.'],
      ];
      const errors = await Promise.all(cases.map(([input]) => create(input)));
      errors.forEach((err, i) => {
        const [input, code, field, message] = cases[i]!;
        const label = JSON.stringify(input).slice(0, 120);
        expect(err.code, label).toBe(code);
        expect(err.httpStatus, label).toBeLessThan(500);
        expect(err.fieldErrors?.[field]?.[0], label).toMatch(
          typeof message === 'string'
            ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
            : message,
        );
      });
      expect(await w.reservationCount()).toBe(0);
      const all = await server.app.db.db.select().from(guests).where(eq(guests.restaurantId, w.rid));
      expect(all.map((g) => g.name)).toEqual(['Anna Schmidt']);
      expect(await w.allocations()).toEqual([]);
    });
  });

  describe('read', () => {
    /** Seven bookings: three at DAY 19:00 (same instant), one canceled, one in the past. */
    async function bookedWorld() {
      const w = await world();
      const create = (input: Parameters<typeof w.api.bookings.create.mutate>[0]) =>
        w.api.bookings.create.mutate(input);
      const annaLunch = await create({ date: DAY, time: '12:00', partySize: 2, guestId: w.guest.id });
      const annaDinner = await create({
        date: DAY,
        time: '19:00',
        partySize: 3,
        guestId: w.guest.id,
        tableIds: [w.t2.id],
      });
      const bob = await create({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guest: { name: 'Bob Becker', phone: '0170 9876543' },
        tableIds: [w.t1.id],
      });
      const cara = await create({
        date: DAY,
        time: '19:00',
        partySize: 4,
        guest: { name: 'Cara 100% Real_Name' },
        tableIds: [w.t3.id],
      });
      await w.api.bookings.cancel.mutate({ id: cara.id, reason: 'Ill' });
      const bobAgain = await create({
        date: addDays(DAY, 1),
        time: '19:00',
        partySize: 5,
        guestId: bob.guest.id,
      });
      const caraFriday = await create({
        date: FRIDAY,
        time: '23:00',
        partySize: 2,
        guestId: cara.guest.id,
        tableIds: [w.t1.id],
      });
      const past = await w.seed(
        [w.t2.id],
        new Date('2020-01-07T18:00:00Z'),
        new Date('2020-01-07T20:00:00Z'),
        {
          status: 'completed',
        },
      );
      return { ...w, annaLunch, annaDinner, bob, cara, bobAgain, caraFriday, pastId: past.id };
    }

    it('get, and list by date, range, status, table, guest and text', async () => {
      const w = await bookedWorld();
      const staff = await memberOf(server, w.rid, 'staff');
      const api = staff.api;
      const ids = (page: { items: TBooking[] }) => page.items.map((b) => b.id);
      const sameStart = [w.annaDinner, w.bob, w.cara].map((b) => b.id).sort();

      expect(await api.bookings.get.query({ id: w.bob.id })).toEqual(w.bob);
      const missing = await errorOf(api.bookings.get.query({ id: crypto.randomUUID() }));
      expect(missing).toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
      expect(missing.fieldErrors?.id).toEqual(['This booking does not exist in this restaurant.']);

      const [day, range, all, canceled, confirmedOnDay, t1, bobs] = await Promise.all([
        api.bookings.list.query({ date: DAY }),
        api.bookings.list.query({ from: DAY, to: FRIDAY }),
        api.bookings.list.query({}),
        api.bookings.list.query({ status: ['canceled'] }),
        api.bookings.list.query({ date: DAY, status: ['confirmed'] }),
        api.bookings.list.query({ tableId: w.t1.id }),
        api.bookings.list.query({ guestId: w.bob.guest.id }),
      ]);
      expect(ids(day)).toEqual([w.annaLunch.id, ...sameStart]);
      expect(day.nextCursor).toBeNull();
      expect(ids(range)).toEqual([...ids(day), w.bobAgain.id, w.caraFriday.id]);
      expect(ids(all)).toEqual([w.pastId, ...ids(range)]);
      expect(ids(canceled)).toEqual([w.cara.id]);
      expect(canceled.items[0]).toMatchObject({ status: 'canceled', cancelReason: 'Ill' });
      expect(ids(confirmedOnDay).sort()).toEqual([w.annaLunch.id, w.annaDinner.id, w.bob.id].sort());
      expect(ids(t1)).toEqual([w.annaLunch.id, w.bob.id, w.caraFriday.id]);
      expect(ids(bobs)).toEqual([w.bob.id, w.bobAgain.id]);

      const q = (text: string) => api.bookings.list.query({ q: text }).then(ids);
      const [byName, byPhone, byNationalPhone, byCode, bySpecial, byUnderscore, none, codeLike] =
        await Promise.all([
          q('BECK'),
          q('9876543'),
          q('0170 98765'),
          q(` ${w.caraFriday.code.toLowerCase()} `),
          q('100%'),
          q('b_b'),
          q('zzz'),
          q('XK170Z'), // a code nobody has; its digits are in every phone here
        ]);
      expect(byName).toEqual([w.bob.id, w.bobAgain.id]);
      expect(byPhone).toEqual([w.bob.id, w.bobAgain.id]);
      expect(byNationalPhone).toEqual([w.bob.id, w.bobAgain.id]);
      expect(byCode).toEqual([w.caraFriday.id]);
      expect(bySpecial).toEqual([w.cara.id, w.caraFriday.id]);
      expect(byUnderscore).toEqual([]); // '_' is a character, not a wildcard
      expect(none).toEqual([]);
      expect(codeLike).toEqual([]);
    });

    it('cursor pages: every booking exactly once, in order, also across equal start times', async () => {
      const w = await bookedWorld();
      const all = await w.api.bookings.list.query({});
      expect(all.items).toHaveLength(7);
      for (const limit of [1, 2, 3]) {
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: { items: TBooking[]; nextCursor: string | null } = await w.api.bookings.list.query({
            limit,
            cursor,
          });
          expect(page.items.length).toBeLessThanOrEqual(limit);
          seen.push(...page.items.map((b) => b.id));
          cursor = page.nextCursor;
          pages++;
        } while (cursor && pages < 20);
        expect(seen, `limit ${limit}`).toEqual(all.items.map((b) => b.id));
        expect(pages).toBe(Math.ceil(7 / limit));
      }
      // Filters apply on every page.
      const first = await w.api.bookings.list.query({ date: DAY, limit: 2 });
      const second = await w.api.bookings.list.query({ date: DAY, limit: 2, cursor: first.nextCursor });
      expect([...first.items, ...second.items].map((b) => b.date)).toEqual([DAY, DAY, DAY, DAY]);
      expect(second.nextCursor).toBeNull();

      const bad = await errorOf(w.api.bookings.list.query({ cursor: 'nope' }));
      expect(bad).toMatchObject({ code: 'BAD_REQUEST', reason: 'INVALID_CURSOR' });
      const tooMany = await errorOf(w.api.bookings.list.query({ limit: 500 }));
      expect(tooMany.fieldErrors?.limit).toBeDefined();
    });

    it('findByPhone (any format, from today on) and findByCode', async () => {
      const w = await bookedWorld();
      const [anna, annaIntl, bob, nobody] = await Promise.all([
        w.api.bookings.findByPhone.query({ phone: '0170 1234567' }),
        w.api.bookings.findByPhone.query({ phone: '+49 170 123 45 67' }),
        w.api.bookings.findByPhone.query({ phone: '01709876543' }),
        w.api.bookings.findByPhone.query({ phone: '0170 1111111' }),
      ]);
      // The 2020 booking of Anna is history, not listed.
      expect(anna.map((b) => b.id)).toEqual([w.annaLunch.id, w.annaDinner.id]);
      expect(annaIntl).toEqual(anna);
      expect(bob.map((b) => b.id)).toEqual([w.bob.id, w.bobAgain.id]);
      expect(nobody).toEqual([]);
      const invalid = await errorOf(w.api.bookings.findByPhone.query({ phone: '123' }));
      expect(invalid).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION' });
      expect(invalid.fieldErrors?.phone?.[0]).toMatch(/is not a valid phone number/);

      expect(await w.api.bookings.findByCode.query({ code: ` ${w.bob.code.toLowerCase()} ` })).toEqual(w.bob);
      const unknown = await errorOf(w.api.bookings.findByCode.query({ code: 'zzzzzz' }));
      expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: 'No booking has the code ZZZZZZ.' });
      expect(unknown.fieldErrors?.code).toBeDefined();
      const short = await errorOf(w.api.bookings.findByCode.query({ code: 'ab' }));
      expect(short).toMatchObject({ code: 'BAD_REQUEST' });
    });
  });

  describe('update and move', () => {
    it('updates with the version seen; a stale version is a CONFLICT with the current booking', async () => {
      const w = await world();
      const b = await w.api.bookings.create.mutate({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guestId: w.guest.id,
      });
      const u = await w.api.bookings.update.mutate({
        id: b.id,
        version: 1,
        partySize: 1,
        specialRequests: 'Allergic to nuts',
      });
      expect(u).toMatchObject({
        version: 2,
        partySize: 1,
        specialRequests: 'Allergic to nuts',
        time: '19:00',
      });
      expect(u.updatedAt.getTime()).toBeGreaterThanOrEqual(b.updatedAt.getTime());

      const stale = await errorOf(
        w.api.bookings.update.mutate({ id: b.id, version: 1, specialRequests: 'Mine' }),
      );
      expect(stale).toMatchObject({ code: 'CONFLICT', httpStatus: 409, reason: 'VERSION_CONFLICT' });
      expect(stale.message).toBe(
        'Someone else changed this booking (version 2, you had 1): review their change and try again.',
      );
      expect(stale.details?.current).toEqual(u);
      expect(await w.api.bookings.get.query({ id: b.id })).toEqual(u);

      // A new time moves the allocation; the old slot is free again.
      const later = await w.api.bookings.update.mutate({
        id: b.id,
        version: 2,
        time: '20:30',
        durationMin: 120,
      });
      expect(later).toMatchObject({ version: 3, time: '20:30', startsAt: at('20:30'), endsAt: at('22:30') });
      expect(await w.allocations()).toEqual([
        expect.objectContaining({ table: 'T1', from: `${DAY}T20:30`, to: `${DAY}T22:30` }),
      ]);
      const grid = await w.api.availability.grid.query({ date: DAY });
      expect(grid.tables[0]!.statuses.slice(14, 18)).toEqual(['free', 'free', 'free', 'reserved']);
      // Removing the special requests.
      const cleared = await w.api.bookings.update.mutate({ id: b.id, version: 3, specialRequests: null });
      expect(cleared.specialRequests).toBeNull();

      const too = await errorOf(w.api.bookings.update.mutate({ id: b.id, version: 4, partySize: 5 }));
      expect(too).toMatchObject({ code: 'BAD_REQUEST' });
      expect(too.fieldErrors?.tableIds).toEqual(['These tables seat 2, the party is 5.']);
      const noVersion = await errorOf(w.api.bookings.update.mutate({ id: b.id, partySize: 1 } as never));
      expect(noVersion.fieldErrors?.version).toBeDefined();

      const events = await eventsOf(w.api, (items) => items.length >= 4);
      const updated = events.filter((e) => e.type === 'booking.updated');
      expect(updated).toHaveLength(3);
      // Every booking event carries the booking as it is now, plus what changed.
      expect(updated[0]!.payload).toEqual({
        code: b.code,
        guestName: 'Anna Schmidt',
        partySize: 1,
        date: DAY,
        time: '19:00',
        tables: ['T1'],
        changes: {
          partySize: { from: 2, to: 1 },
          specialRequests: { from: null, to: 'Allergic to nuts' },
        },
      });
      expect(updated[1]!.payload.changes).toEqual({
        time: { from: '19:00', to: '20:30' },
        durationMin: { from: 90, to: 120 },
      });
    });

    it('moves to another table and/or time; onto a taken table is SLOT_TAKEN and nothing changes', async () => {
      const w = await world();
      const b = await w.api.bookings.create.mutate({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guestId: w.guest.id,
      });
      const other = await w.api.bookings.create.mutate({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guest: { name: 'Other Guest' },
        tableIds: [w.t2.id],
      });
      const moved = await w.api.bookings.move.mutate({ id: b.id, tableIds: [w.t4.id] });
      expect(moved).toMatchObject({ version: 2, tables: [{ id: w.t4.id, name: 'T4' }], time: '19:00' });
      const both = await w.api.bookings.move.mutate({
        id: b.id,
        version: 2,
        tableIds: [w.t3.id],
        date: addDays(DAY, 1),
        time: '12:30',
      });
      expect(both).toMatchObject({
        version: 3,
        date: addDays(DAY, 1),
        time: '12:30',
        startsAt: at('12:30', addDays(DAY, 1)),
        durationMin: 90,
        tables: [{ name: 'T3' }],
      });
      const back = await w.api.bookings.move.mutate({
        id: b.id,
        date: DAY,
        time: '18:00',
        tableIds: [w.t1.id],
      });
      expect(back).toMatchObject({ version: 4, time: '18:00', tables: [{ name: 'T1' }] });

      const before = await w.allocations();
      const taken = await errorOf(w.api.bookings.move.mutate({ id: b.id, tableIds: [w.t2.id] }));
      expect(taken).toMatchObject({ code: 'CONFLICT', httpStatus: 409, reason: 'SLOT_TAKEN' });
      expect(taken.message).toMatch(new RegExp(`^T2 is already taken at 18:00 on ${DAY}`));
      expect(Array.isArray(taken.details?.alternatives)).toBe(true);
      const takenLater = await errorOf(
        w.api.bookings.move.mutate({ id: b.id, time: '19:30', tableIds: [w.t2.id] }),
      );
      expect(takenLater).toMatchObject({ code: 'CONFLICT', reason: 'SLOT_TAKEN' });
      const offGrid = await errorOf(w.api.bookings.move.mutate({ id: b.id, time: '19:10' }));
      expect(offGrid).toMatchObject({ code: 'CONFLICT', reason: 'NO_AVAILABILITY' });
      expect(offGrid.details?.reason).toBe('off_grid');
      const nowhere = await errorOf(w.api.bookings.move.mutate({ id: b.id }));
      expect(nowhere.fieldErrors?.tableIds).toEqual([
        'Say where to: new tables, a new time or a new duration.',
      ]);
      const unknown = await errorOf(
        w.api.bookings.move.mutate({ id: b.id, tableIds: [crypto.randomUUID()] }),
      );
      expect(unknown.fieldErrors?.['tableIds.0']).toEqual(['This table does not exist in this restaurant.']);
      const stale = await errorOf(w.api.bookings.move.mutate({ id: b.id, version: 1, tableIds: [w.t3.id] }));
      expect(stale).toMatchObject({ reason: 'VERSION_CONFLICT' });
      const missing = await errorOf(
        w.api.bookings.move.mutate({ id: crypto.randomUUID(), tableIds: [w.t3.id] }),
      );
      expect(missing).toMatchObject({ code: 'NOT_FOUND' });

      expect(await w.api.bookings.get.query({ id: b.id })).toEqual(back);
      expect(await w.api.bookings.get.query({ id: other.id })).toEqual(other);
      expect(await w.allocations()).toEqual(before);

      const moves = (await eventsOf(w.api, (items) => items.length >= 5)).filter(
        (e) => e.type === 'booking.moved',
      );
      expect(moves.map((e) => e.payload.changes)).toEqual([
        { tables: { from: ['T1'], to: ['T4'] } },
        {
          date: { from: DAY, to: addDays(DAY, 1) },
          time: { from: '19:00', to: '12:30' },
          tables: { from: ['T4'], to: ['T3'] },
        },
        {
          date: { from: addDays(DAY, 1), to: DAY },
          time: { from: '12:30', to: '18:00' },
          tables: { from: ['T3'], to: ['T1'] },
        },
      ]);
    });

    it('a seated party may change tables but not its start; a finished booking cannot change', async () => {
      const w = await world();
      const b = await w.api.bookings.create.mutate({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guestId: w.guest.id,
      });
      await w.api.bookings.setStatus.mutate({ id: b.id, status: 'seated' });
      const start = await errorOf(w.api.bookings.move.mutate({ id: b.id, time: '19:30' }));
      expect(start).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(start.fieldErrors?.time).toEqual(['The party is already seated: its start time cannot move.']);
      const reseated = await w.api.bookings.move.mutate({ id: b.id, tableIds: [w.t4.id], durationMin: 120 });
      expect(reseated).toMatchObject({ status: 'seated', tables: [{ name: 'T4' }], endsAt: at('21:00') });

      const c = await w.api.bookings.create.mutate({
        date: DAY,
        time: '20:00',
        partySize: 2,
        guestId: w.guest.id,
      });
      await w.api.bookings.cancel.mutate({ id: c.id, reason: 'Changed plans' });
      const canceled = await errorOf(w.api.bookings.move.mutate({ id: c.id, time: '21:00' }));
      expect(canceled).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
      expect(canceled.message).toBe('A canceled booking cannot be changed.');
      // Notes on a finished booking are still fine.
      const noted = await w.api.bookings.update.mutate({
        id: c.id,
        version: 2,
        specialRequests: 'Call back',
      });
      expect(noted).toMatchObject({ status: 'canceled', specialRequests: 'Call back' });
      expect(await w.allocations({ reservationId: c.id })).toEqual([]);
    });
  });

  describe('status and cancel', () => {
    it('follows the lifecycle, stamps times and moves the guest counters; invalid moves are clear CONFLICTs', async () => {
      const w = await world();
      const book = (time: string, tableId: string) =>
        w.api.bookings.create.mutate({
          date: DAY,
          time,
          partySize: 2,
          guestId: w.guest.id,
          tableIds: [tableId],
        });
      const [a, c, d] = await Promise.all([
        book('19:00', w.t1.id),
        book('19:00', w.t2.id),
        book('19:00', w.t3.id),
      ]);

      const seated = await w.api.bookings.setStatus.mutate({ id: a.id, status: 'seated', version: 1 });
      expect(seated).toMatchObject({ status: 'seated', version: 2 });
      expect(seated.seatedAt).toBeInstanceOf(Date);
      const done = await w.api.bookings.setStatus.mutate({ id: a.id, status: 'completed' });
      expect(done).toMatchObject({ status: 'completed', version: 3, endsAt: at('20:30') });
      expect(done.completedAt).toBeInstanceOf(Date);

      const canceled = await w.api.bookings.cancel.mutate({ id: c.id, reason: ' Guest called ' });
      expect(canceled).toMatchObject({ status: 'canceled', cancelReason: 'Guest called', version: 2 });
      expect(canceled.canceledAt).toBeInstanceOf(Date);
      const noShow = await w.api.bookings.setStatus.mutate({ id: d.id, status: 'no_show' });
      expect(noShow.status).toBe('no_show');

      const g = await guestRow(w.guest.id);
      expect(g).toMatchObject({ visitCount: 1, cancelCount: 1, noShowCount: 1, lastVisitAt: at('19:00') });

      // Cancelled and no-show bookings free their tables: both can be booked again at once.
      const [again2, again3] = await Promise.all([book('19:00', w.t2.id), book('19:00', w.t3.id)]);
      expect(again2.tables[0]!.name).toBe('T2');
      expect(again3.tables[0]!.name).toBe('T3');
      // The completed booking keeps its table (it is history), so T1 is still taken at 19:00.
      expect(await errorOf(book('19:00', w.t1.id))).toMatchObject({ reason: 'SLOT_TAKEN' });

      const refusals = await Promise.all([
        errorOf(w.api.bookings.setStatus.mutate({ id: again2.id, status: 'completed' })),
        errorOf(w.api.bookings.setStatus.mutate({ id: a.id, status: 'completed' })),
        errorOf(w.api.bookings.cancel.mutate({ id: c.id, reason: 'Again' })),
        errorOf(w.api.bookings.setStatus.mutate({ id: c.id, status: 'seated' })),
        errorOf(w.api.bookings.setStatus.mutate({ id: d.id, status: 'no_show' })),
        errorOf(w.api.bookings.setStatus.mutate({ id: again3.id, status: 'confirmed' })),
      ]);
      expect(refusals.map((e) => e.message)).toEqual([
        'A booking must be seated before it can be completed.',
        'This booking is already completed.',
        'This booking is already canceled.',
        'A canceled booking cannot be seated.',
        'This booking is already marked as a no-show.',
        'This booking is already confirmed.',
      ]);
      for (const e of refusals) {
        expect(e).toMatchObject({ code: 'CONFLICT', httpStatus: 409, reason: 'INVALID_TRANSITION' });
        expect(e.fieldErrors?.status).toEqual([e.message]);
      }
      await w.api.bookings.setStatus.mutate({ id: again3.id, status: 'seated' });
      const [cancelSeated, noShowSeated] = await Promise.all([
        errorOf(w.api.bookings.cancel.mutate({ id: again3.id, reason: 'x' })),
        errorOf(w.api.bookings.setStatus.mutate({ id: again3.id, status: 'no_show' })),
      ]);
      expect(cancelSeated.message).toBe('A seated booking cannot be canceled; complete it instead.');
      expect(noShowSeated.message).toBe(
        'A seated booking cannot be marked as a no-show; complete it instead.',
      );
      // Refusals moved no counter.
      expect(await guestRow(w.guest.id)).toMatchObject({ visitCount: 1, cancelCount: 1, noShowCount: 1 });

      const events = await eventsOf(w.api, (items) => items.length >= 10);
      const status = events.filter(
        (e) => e.type === 'booking.statusChanged' || e.type === 'booking.canceled',
      );
      expect(status.map((e) => [e.type, e.payload.from, e.payload.to])).toEqual([
        ['booking.statusChanged', 'confirmed', 'seated'],
        ['booking.statusChanged', 'seated', 'completed'],
        ['booking.canceled', 'confirmed', 'canceled'],
        ['booking.statusChanged', 'confirmed', 'no_show'],
        ['booking.statusChanged', 'confirmed', 'seated'],
      ]);
      expect(status[2]).toMatchObject({
        entityId: c.id,
        payload: {
          code: c.code,
          guestName: 'Anna Schmidt',
          partySize: 2,
          date: DAY,
          time: '19:00',
          tables: ['T2'],
          from: 'confirmed',
          to: 'canceled',
          reason: 'Guest called',
        },
      });
    });

    it('cancel needs a reason; a stale version or an unknown booking is refused', async () => {
      const w = await world();
      const b = await w.api.bookings.create.mutate({
        date: DAY,
        time: '19:00',
        partySize: 2,
        guestId: w.guest.id,
      });
      const noReason = await errorOf(w.api.bookings.cancel.mutate({ id: b.id, reason: '  ' }));
      expect(noReason).toMatchObject({ code: 'BAD_REQUEST' });
      expect(noReason.fieldErrors?.reason).toEqual(['Say why the booking is cancelled.']);
      await w.api.bookings.update.mutate({ id: b.id, version: 1, partySize: 1 });
      const stale = await errorOf(w.api.bookings.cancel.mutate({ id: b.id, reason: 'x', version: 1 }));
      expect(stale).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT' });
      expect(stale.details?.current).toMatchObject({ id: b.id, version: 2, status: 'confirmed' });
      const unknown = await errorOf(
        w.api.bookings.setStatus.mutate({ id: crypto.randomUUID(), status: 'seated' }),
      );
      expect(unknown).toMatchObject({ code: 'NOT_FOUND' });
      const badStatus = await errorOf(
        w.api.bookings.setStatus.mutate({ id: b.id, status: 'canceled' as 'seated' }),
      );
      expect(badStatus.fieldErrors?.status).toBeDefined();
      expect(await w.api.bookings.get.query({ id: b.id })).toMatchObject({ status: 'confirmed', version: 2 });
      expect((await guestRow(w.guest.id)).cancelCount).toBe(0);
    });

    it('completing early shortens the stay, so the table is free for the next party now', async () => {
      const w = await world();
      const start = new Date(Math.floor(Date.now() / MIN) * MIN - 30 * MIN);
      const r = await w.seed([w.t1.id], start, new Date(start.getTime() + 90 * MIN), { status: 'seated' });
      const done = await w.api.bookings.setStatus.mutate({ id: r.id, status: 'completed' });
      expect(done.endsAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(done.endsAt.getTime() % MIN).toBe(0);
      expect(done.durationMin).toBeGreaterThanOrEqual(30);
      expect(done.durationMin).toBeLessThan(33);
      const [allocation] = await w.allocations({ reservationId: r.id });
      expect(allocation!.to).toBe(instantToLocal(done.endsAt));
      const next = await w.api.bookings.create.mutate({
        source: 'walk_in',
        partySize: 2,
        guest: { name: 'Next Party' },
        tableIds: [w.t1.id],
      });
      expect(next).toMatchObject({ status: 'seated', tables: [{ name: 'T1' }] });
      expect((await guestRow(w.guest.id)).visitCount).toBe(1);
    });
  });

  describe('time zones', () => {
    it('bookings on DST change days get the right instants', async () => {
      const w = await world();
      const spring = nextLastSunday('03');
      const fall = nextLastSunday('10');
      const book = (date: string, time: string, partySize = 2) =>
        w.api.bookings.create.mutate({ date, time, partySize, guestId: w.guest.id, tableIds: [w.t3.id] });
      const [springDay, springEve, fallDay, fallEve] = await Promise.all([
        book(spring, '19:00'),
        book(addDays(spring, -1), '19:00'),
        book(fall, '19:00'),
        book(addDays(fall, -1), '19:00'),
      ]);
      expect(springDay.startsAt.toISOString()).toBe(`${spring}T17:00:00.000Z`); // CEST, UTC+2
      expect(springEve.startsAt.toISOString()).toBe(`${addDays(spring, -1)}T18:00:00.000Z`); // CET
      expect(fallDay.startsAt.toISOString()).toBe(`${fall}T18:00:00.000Z`); // CET, UTC+1
      expect(fallEve.startsAt.toISOString()).toBe(`${addDays(fall, -1)}T17:00:00.000Z`); // CEST
      for (const b of [springDay, springEve, fallDay, fallEve]) {
        expect(b.time).toBe('19:00');
        expect(b.endsAt.getTime() - b.startsAt.getTime()).toBe(90 * MIN);
      }

      // A night service across the spring-forward gap: 01:30 CET + 90 real minutes = 04:00 CEST,
      // and 02:30 does not exist that night.
      const saturday = addDays(spring, -1);
      await w.api.restaurant.specialDays.set.mutate({
        date: saturday,
        name: 'Long night',
        closed: false,
        services: [{ name: 'Night', start: '22:00', end: '05:00' }],
      });
      const night = await w.api.bookings.create.mutate({
        date: saturday,
        time: '01:30',
        partySize: 2,
        guestId: w.guest.id,
        tableIds: [w.t1.id],
      });
      expect(night.startsAt.toISOString()).toBe(`${spring}T00:30:00.000Z`);
      expect(night.endsAt.toISOString()).toBe(`${spring}T02:00:00.000Z`);
      expect(instantToLocal(night.endsAt)).toBe(`${spring}T04:00`);
      // Its service day is Saturday's (the service started then), like the date it was booked with.
      expect(night).toMatchObject({ date: saturday, time: '01:30', durationMin: 90 });
      const gap = await errorOf(
        w.api.bookings.create.mutate({ date: saturday, time: '02:30', partySize: 2, guestId: w.guest.id }),
      );
      expect(gap).toMatchObject({ code: 'CONFLICT', reason: 'NO_AVAILABILITY' });
      expect(gap.details?.reason).toBe('off_grid');
      expect((await w.api.bookings.list.query({ date: fall })).items.map((b) => b.id)).toEqual([fallDay.id]);
    });

    it('moves to the second of two repeated autumn times by instant; the history tells the story', async () => {
      const w = await world();
      const fall = nextLastSunday('10');
      const saturday = addDays(fall, -1);
      await w.api.restaurant.specialDays.set.mutate({
        date: saturday,
        name: 'Long night',
        closed: false,
        services: [{ name: 'Night', start: '22:00', end: '05:00' }],
      });
      const b = await w.api.bookings.create.mutate({
        date: saturday,
        time: '01:00',
        partySize: 2,
        durationMin: 30,
        guestId: w.guest.id,
        tableIds: [w.t1.id],
      });
      // 02:00 happens twice that night: first at 00:00Z (CEST), then at 01:00Z (CET).
      expect(b.startsAt.toISOString()).toBe(`${saturday}T23:00:00.000Z`); // 01:00 CEST
      const byTime = await w.api.bookings.move.mutate({ id: b.id, version: b.version, time: '02:00' });
      expect(byTime.startsAt.toISOString()).toBe(`${fall}T00:00:00.000Z`);
      const second = new Date(`${fall}T01:00:00.000Z`);
      const byInstant = await w.api.bookings.move.mutate({
        id: b.id,
        version: byTime.version,
        startsAt: second,
      });
      expect(byInstant).toMatchObject({ date: saturday, time: '02:00', startsAt: second });
      const offGrid = await errorOf(
        w.api.bookings.move.mutate({ id: b.id, startsAt: new Date(`${fall}T01:10:00.000Z`) }),
      );
      expect(offGrid).toMatchObject({ code: 'CONFLICT', reason: 'NO_AVAILABILITY' });

      const history = await w.api.bookings.history.query({ id: b.id });
      expect(history.map((e) => e.type)).toEqual(['booking.created', 'booking.moved', 'booking.moved']);
      expect(history[1]?.payload).toMatchObject({ changes: { time: { from: '01:00', to: '02:00' } } });
      const staff = await memberOf(server, w.restaurant.id, 'staff');
      expect(await staff.api.bookings.history.query({ id: b.id })).toHaveLength(3);
    });
  });
});

function instantToLocal(d: Date): string {
  const { date, time } = instantToZoned(d, TZ);
  return `${date}T${time}`;
}
