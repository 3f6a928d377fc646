import { testDbKinds } from '@tobeout/db/testing';
import { describe, expect, it } from 'vitest';
import { errorOf, eventsOf, memberOf, restaurantWithMember } from './harness';
import { serverForSuite } from './suite';

describe.each(testDbKinds)('restaurant settings on %s', (kind) => {
  const server = serverForSuite(kind);

  describe('profile and rules', () => {
    it('staff can read the profile and rules of their restaurant', async () => {
      const { restaurant, api } = await restaurantWithMember(server, 'staff', {
        name: 'Chez Test',
        timezone: 'America/New_York',
      });
      const r = await api.restaurant.get.query();
      expect(r).toMatchObject({
        id: restaurant.id,
        name: 'Chez Test',
        timezone: 'America/New_York',
        country: 'DE',
        slotIntervalMin: 30,
        turnTimes: [
          { minParty: 1, maxParty: 2, minutes: 90 },
          { minParty: 3, maxParty: 4, minutes: 120 },
          { minParty: 5, maxParty: 100, minutes: 150 },
        ],
      });
      expect(r.updatedAt).toBeInstanceOf(Date);
    });

    it('a manager updates profile and rules; the change persists and is logged with a from/to diff', async () => {
      const { restaurant } = await restaurantWithMember(server, 'owner', { name: 'Before' });
      const manager = await memberOf(server, restaurant.id, 'manager');
      const updated = await manager.api.restaurant.update.mutate({
        name: '  After  ',
        address: 'Hauptstr. 1, Berlin',
        website: 'https://after.example',
        priceRange: 3,
        country: 'at',
        timezone: 'Europe/Vienna',
        slotIntervalMin: 15,
        turnTimes: [
          { minParty: 1, maxParty: 4, minutes: 105 },
          { minParty: 5, maxParty: 12, minutes: 180 },
        ],
        pacingMaxCovers: 40,
        noShowGraceMin: 15, // unchanged value: not part of the diff
      });
      expect(updated).toMatchObject({
        name: 'After',
        address: 'Hauptstr. 1, Berlin',
        country: 'AT',
        timezone: 'Europe/Vienna',
        slotIntervalMin: 15,
        pacingMaxCovers: 40,
        noShowGraceMin: 15,
      });
      const again = await manager.api.restaurant.get.query();
      expect(again).toEqual(updated);

      const events = await eventsOf(manager.api, (items) =>
        items.some((e) => e.type === 'restaurant.updated'),
      );
      const ev = events.filter((e) => e.type === 'restaurant.updated');
      expect(ev).toHaveLength(1);
      expect(ev[0]).toMatchObject({
        entity: 'restaurant',
        entityId: restaurant.id,
        actor: { kind: 'user', id: manager.user.id },
      });
      const changes = (ev[0]!.payload as { changes: Record<string, { from: unknown; to: unknown }> }).changes;
      expect(changes).toEqual({
        name: { from: 'Before', to: 'After' },
        address: { from: null, to: 'Hauptstr. 1, Berlin' },
        website: { from: null, to: 'https://after.example' },
        priceRange: { from: null, to: 3 },
        country: { from: 'DE', to: 'AT' },
        timezone: { from: 'Europe/Berlin', to: 'Europe/Vienna' },
        slotIntervalMin: { from: 30, to: 15 },
        turnTimes: {
          from: restaurant.turnTimes,
          to: [
            { minParty: 1, maxParty: 4, minutes: 105 },
            { minParty: 5, maxParty: 12, minutes: 180 },
          ],
        },
        pacingMaxCovers: { from: null, to: 40 },
      });
    });

    it('an update that changes nothing is accepted, writes nothing and logs nothing', async () => {
      const { api } = await restaurantWithMember(server, 'owner', { name: 'Same' });
      const before = await api.restaurant.get.query();
      expect(await api.restaurant.update.mutate({})).toEqual(before);
      const sameRules = {
        name: 'Same',
        slotIntervalMin: 30 as const,
        // jsonb returns keys in its own order; the same rules in another key order are no change.
        turnTimes: before.turnTimes.map((r) => ({
          minParty: r.minParty,
          maxParty: r.maxParty,
          minutes: r.minutes,
        })),
      };
      expect(await api.restaurant.update.mutate(sameRules)).toEqual(before);
      expect(await api.restaurant.get.query()).toEqual(before);
      await api.restaurant.update.mutate({ name: 'Changed' }); // a later real change is the only event
      const events = await eventsOf(api, (items) => items.length > 0);
      expect(events.map((e) => e.payload)).toEqual([{ changes: { name: { from: 'Same', to: 'Changed' } } }]);
    });

    it('clears optional profile fields with an empty string', async () => {
      const { api } = await restaurantWithMember(server, 'owner');
      await api.restaurant.update.mutate({
        email: 'hi@bistro.example',
        website: 'https://bistro.example',
        cuisine: 'French',
      });
      const cleared = await api.restaurant.update.mutate({ email: '', website: '', cuisine: '' });
      expect(cleared).toMatchObject({ email: null, website: null, cuisine: null });
    });

    it('rejects an unknown time zone with a field error and changes nothing', async () => {
      const { api } = await restaurantWithMember(server, 'owner');
      const before = await api.restaurant.get.query();
      const err = await errorOf(
        api.restaurant.update.mutate({ name: 'Renamed', timezone: 'Mars/Olympus_Mons' }),
      );
      expect(err).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION', httpStatus: 400 });
      expect(Object.keys(err.fieldErrors ?? {})).toEqual(['timezone']);
      expect(err.fieldErrors?.timezone?.[0]).toMatch(/time zone/i);
      expect(await api.restaurant.get.query()).toEqual(before);
    });

    it('stores a time zone typed in the wrong case under its canonical name', async () => {
      const { api } = await restaurantWithMember(server, 'owner');
      expect((await api.restaurant.update.mutate({ timezone: 'europe/lisbon' })).timezone).toBe(
        'Europe/Lisbon',
      );
      expect((await api.restaurant.update.mutate({ timezone: 'utc' })).timezone).toBe('UTC');
    });

    it('rejects overlapping turn-time rules (and an inverted one) with field errors at the rule', async () => {
      const { api } = await restaurantWithMember(server, 'owner');
      const before = await api.restaurant.get.query();
      const overlap = await errorOf(
        api.restaurant.update.mutate({
          turnTimes: [
            { minParty: 5, maxParty: 8, minutes: 150 },
            { minParty: 1, maxParty: 4, minutes: 90 },
            { minParty: 4, maxParty: 6, minutes: 120 }, // 4 is in rule 1, 5–6 in rule 0
          ],
        }),
      );
      expect(overlap).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION' });
      expect(overlap.fieldErrors).toHaveProperty(['turnTimes.2.minParty']);
      expect(overlap.fieldErrors?.['turnTimes.2.minParty']?.[0]).toMatch(/overlap/i);

      const inverted = await errorOf(
        api.restaurant.update.mutate({ turnTimes: [{ minParty: 6, maxParty: 2, minutes: 90 }] }),
      );
      expect(Object.keys(inverted.fieldErrors ?? {})).toEqual(['turnTimes.0.maxParty']);

      const bad = await errorOf(
        api.restaurant.update.mutate({ slotIntervalMin: 25 as 30, defaultDurationMin: 5 }),
      );
      expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['defaultDurationMin', 'slotIntervalMin']);
      expect(await api.restaurant.get.query()).toEqual(before);
    });

    it('staff can read but not update (FORBIDDEN, ROLE_REQUIRED); nothing changes', async () => {
      const { restaurant, api: owner } = await restaurantWithMember(server, 'owner', { name: 'Staffed' });
      const staff = await memberOf(server, restaurant.id, 'staff');
      expect((await staff.api.restaurant.get.query()).name).toBe('Staffed');
      const err = await errorOf(staff.api.restaurant.update.mutate({ name: 'By staff' }));
      expect(err).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED', httpStatus: 403 });
      for (const attempt of [
        () => staff.api.restaurant.hours.set.mutate({ services: [] }),
        () => staff.api.restaurant.specialDays.set.mutate({ date: '2030-01-01', closed: true }),
        () => staff.api.restaurant.specialDays.delete.mutate({ date: '2030-01-01' }),
      ]) {
        expect(await errorOf(attempt())).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
      }
      expect((await owner.restaurant.get.query()).name).toBe('Staffed');
      // Staff may read hours and special days (the floor needs them).
      expect(await staff.api.restaurant.hours.get.query()).toEqual({ services: [] });
      expect(await staff.api.restaurant.specialDays.list.query({})).toEqual([]);
    });
  });

  describe('opening hours', () => {
    const week = [
      { weekday: 2, name: 'Lunch', start: '12:00', end: '15:00', lastSeating: '14:00' },
      { weekday: 2, name: 'Dinner', start: '18:00', end: '23:00', lastSeating: null },
      { weekday: 5, name: 'Dinner', start: '18:00', end: '01:00', lastSeating: '00:15' }, // Friday, past midnight
      { weekday: 7, name: 'Night', start: '22:00', end: '02:00', lastSeating: null }, // Sunday into Monday…
      { weekday: 1, name: 'Breakfast', start: '02:00', end: '10:00', lastSeating: '09:30' }, // …which ends as this starts
    ];

    it('round-trips a weekly schedule, keeping services that cross midnight and last seatings', async () => {
      const { api } = await restaurantWithMember(server, 'manager');
      const saved = await api.restaurant.hours.set.mutate({ services: week });
      const expected = [
        { weekday: 1, name: 'Breakfast', start: '02:00', end: '10:00', lastSeating: '09:30' },
        { weekday: 2, name: 'Lunch', start: '12:00', end: '15:00', lastSeating: '14:00' },
        { weekday: 2, name: 'Dinner', start: '18:00', end: '23:00', lastSeating: null },
        { weekday: 5, name: 'Dinner', start: '18:00', end: '01:00', lastSeating: '00:15' },
        { weekday: 7, name: 'Night', start: '22:00', end: '02:00', lastSeating: null },
      ];
      expect(saved).toEqual({ services: expected });
      expect(await api.restaurant.hours.get.query()).toEqual({ services: expected });

      // Saving replaces the whole schedule.
      await api.restaurant.hours.set.mutate({
        services: [{ weekday: 3, name: 'Only', start: '11:00', end: '14:00' }],
      });
      expect(await api.restaurant.hours.get.query()).toEqual({
        services: [{ weekday: 3, name: 'Only', start: '11:00', end: '14:00', lastSeating: null }],
      });
      const events = await eventsOf(api, (items) => items.filter((e) => e.type === 'hours.set').length >= 2);
      expect(events.filter((e) => e.type === 'hours.set').map((e) => e.payload)).toEqual([
        { services: 5 },
        { services: 1 },
      ]);
    });

    it('rejects overlapping services on one weekday at services.<i>.start, and saves nothing', async () => {
      const { api } = await restaurantWithMember(server, 'manager');
      const original = await api.restaurant.hours.set.mutate({
        services: [{ weekday: 4, name: 'Dinner', start: '18:00', end: '22:00' }],
      });
      const err = await errorOf(
        api.restaurant.hours.set.mutate({
          services: [
            { weekday: 3, name: 'Lunch', start: '12:00', end: '15:00' },
            { weekday: 3, name: 'Afternoon', start: '15:00', end: '17:00' }, // touching is fine
            { weekday: 3, name: 'Brunch', start: '10:00', end: '12:30' }, // overlaps Lunch
          ],
        }),
      );
      expect(err).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION' });
      expect(Object.keys(err.fieldErrors ?? {})).toEqual(['services.2.start']);
      expect(await api.restaurant.hours.get.query()).toEqual(original);
    });

    it("rejects Sunday's late service running into Monday's early one, in either order, and saves nothing", async () => {
      const { api } = await restaurantWithMember(server, 'manager');
      const original = await api.restaurant.hours.get.query();
      const sunday = { weekday: 7, name: 'Night', start: '22:00', end: '02:00' };
      const monday = { weekday: 1, name: 'Early', start: '01:30', end: '06:00' };
      const a = await errorOf(api.restaurant.hours.set.mutate({ services: [sunday, monday] }));
      expect(Object.keys(a.fieldErrors ?? {})).toEqual(['services.1.start']);
      const b = await errorOf(api.restaurant.hours.set.mutate({ services: [monday, sunday] }));
      expect(Object.keys(b.fieldErrors ?? {})).toEqual(['services.1.start']);
      // Friday into Saturday the same way.
      const c = await errorOf(
        api.restaurant.hours.set.mutate({
          services: [
            { weekday: 5, name: 'Dinner', start: '18:00', end: '01:00' },
            { weekday: 6, name: 'Brunch', start: '00:30', end: '03:00' },
          ],
        }),
      );
      expect(Object.keys(c.fieldErrors ?? {})).toEqual(['services.1.start']);
      expect(await api.restaurant.hours.get.query()).toEqual(original);
      expect(await eventsOf(api, () => true)).toEqual([]);
    });

    it('rejects a zero-length service at services.<i>.end and a last seating outside the service', async () => {
      const { api } = await restaurantWithMember(server, 'manager');
      const zero = await errorOf(
        api.restaurant.hours.set.mutate({
          services: [{ weekday: 6, name: 'Late', start: '20:00', end: '20:00' }],
        }),
      );
      expect(zero).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION' });
      expect(zero.fieldErrors?.['services.0.end']).toEqual(['A service must last longer than zero minutes.']);

      const late = await errorOf(
        api.restaurant.hours.set.mutate({
          services: [
            { weekday: 1, name: 'Lunch', start: '12:00', end: '15:00', lastSeating: '11:00' }, // 11:00 is "tomorrow"
            { weekday: 5, name: 'Dinner', start: '18:00', end: '01:00', lastSeating: '01:30' },
          ],
        }),
      );
      expect(Object.keys(late.fieldErrors ?? {}).sort()).toEqual([
        'services.0.lastSeating',
        'services.1.lastSeating',
      ]);

      const format = await errorOf(
        api.restaurant.hours.set.mutate({
          services: [{ weekday: 8, name: '', start: '24:00', end: '7:00' }],
        }),
      );
      expect(Object.keys(format.fieldErrors ?? {}).sort()).toEqual([
        'services.0.end',
        'services.0.name',
        'services.0.start',
        'services.0.weekday',
      ]);
      expect(await api.restaurant.hours.get.query()).toEqual({ services: [] });
    });
  });

  describe('special days', () => {
    it('sets (upserts), lists by range and deletes special days; a closed day keeps no services', async () => {
      const { api } = await restaurantWithMember(server, 'manager');
      const xmas = await api.restaurant.specialDays.set.mutate({
        date: '2030-12-24',
        name: 'Christmas Eve',
        closed: true,
      });
      expect(xmas).toEqual({ date: '2030-12-24', name: 'Christmas Eve', closed: true, services: [] });
      const nye = await api.restaurant.specialDays.set.mutate({
        date: '2030-12-31',
        name: 'New Year’s Eve',
        closed: false,
        services: [
          { name: 'Early', start: '17:00', end: '19:30' },
          { name: 'Gala', start: '20:00', end: '03:00', lastSeating: '22:00' },
        ],
      });
      expect(nye.services).toEqual([
        { name: 'Early', start: '17:00', end: '19:30', lastSeating: null },
        { name: 'Gala', start: '20:00', end: '03:00', lastSeating: '22:00' },
      ]);
      // A closed day ignores services sent along.
      const closed = await api.restaurant.specialDays.set.mutate({
        date: '2031-01-01',
        closed: true,
        services: [{ name: 'Ignored', start: '12:00', end: '14:00' }],
      });
      expect(closed).toEqual({ date: '2031-01-01', name: null, closed: true, services: [] });

      expect((await api.restaurant.specialDays.list.query({})).map((d) => d.date)).toEqual([
        '2030-12-24',
        '2030-12-31',
        '2031-01-01',
      ]);
      expect(await api.restaurant.specialDays.list.query({ from: '2030-12-25', to: '2030-12-31' })).toEqual([
        nye,
      ]);
      expect(
        (await api.restaurant.specialDays.list.query({ from: '2030-12-31' })).map((d) => d.date),
      ).toEqual(['2030-12-31', '2031-01-01']);
      expect((await api.restaurant.specialDays.list.query({ to: '2030-12-24' })).map((d) => d.date)).toEqual([
        '2030-12-24',
      ]);

      // Setting the same date again replaces it (closed → open with a service).
      const reopened = await api.restaurant.specialDays.set.mutate({
        date: '2030-12-24',
        name: 'Christmas Eve dinner',
        closed: false,
        services: [{ name: 'Dinner', start: '18:00', end: '22:00' }],
      });
      expect(reopened).toEqual({
        date: '2030-12-24',
        name: 'Christmas Eve dinner',
        closed: false,
        services: [{ name: 'Dinner', start: '18:00', end: '22:00', lastSeating: null }],
      });
      const all = await api.restaurant.specialDays.list.query({});
      expect(all).toHaveLength(3);
      expect(all[0]).toEqual(reopened);

      expect(await api.restaurant.specialDays.delete.mutate({ date: '2030-12-31' })).toEqual({ ok: true });
      expect((await api.restaurant.specialDays.list.query({})).map((d) => d.date)).toEqual([
        '2030-12-24',
        '2031-01-01',
      ]);

      const events = await eventsOf(api, (items) => items.length >= 5);
      expect(events.map((e) => [e.type, e.entityId])).toEqual([
        ['specialDay.set', '2030-12-24'],
        ['specialDay.set', '2030-12-31'],
        ['specialDay.set', '2031-01-01'],
        ['specialDay.set', '2030-12-24'],
        ['specialDay.deleted', '2030-12-31'],
      ]);
    });

    it('rejects a day that is neither closed nor has services, and invalid services, saving nothing', async () => {
      const { api } = await restaurantWithMember(server, 'manager');
      const empty = await errorOf(
        api.restaurant.specialDays.set.mutate({ date: '2030-05-01', closed: false, services: [] }),
      );
      expect(empty).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION' });
      expect(Object.keys(empty.fieldErrors ?? {})).toEqual(['services']);

      const overlapping = await errorOf(
        api.restaurant.specialDays.set.mutate({
          date: '2030-05-01',
          closed: false,
          services: [
            { name: 'A', start: '12:00', end: '15:00' },
            { name: 'B', start: '14:00', end: '16:00' },
          ],
        }),
      );
      expect(Object.keys(overlapping.fieldErrors ?? {})).toEqual(['services.1.start']);

      const zero = await errorOf(
        api.restaurant.specialDays.set.mutate({
          date: '2030-05-01',
          closed: false,
          services: [{ name: 'Z', start: '12:00', end: '12:00' }],
        }),
      );
      expect(zero.fieldErrors).toHaveProperty(['services.0.end']);

      const badDate = await errorOf(
        api.restaurant.specialDays.set.mutate({ date: '2030-02-30', closed: true }),
      );
      expect(Object.keys(badDate.fieldErrors ?? {})).toEqual(['date']);
      expect(await api.restaurant.specialDays.list.query({})).toEqual([]);
    });

    it('deleting a date without special hours is NOT_FOUND with a field error on date', async () => {
      const { api } = await restaurantWithMember(server, 'manager');
      await api.restaurant.specialDays.set.mutate({ date: '2030-07-14', closed: true });
      const err = await errorOf(api.restaurant.specialDays.delete.mutate({ date: '2030-07-15' }));
      expect(err).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND', httpStatus: 404 });
      expect(err.fieldErrors?.date).toHaveLength(1);
      expect((await api.restaurant.specialDays.list.query({})).map((d) => d.date)).toEqual(['2030-07-14']);
      const events = await eventsOf(api, (items) => items.length >= 1);
      expect(events.map((e) => e.type)).toEqual(['specialDay.set']);
    });
  });
});
