import { holds } from '@tobeout/db';
import { testDbKinds } from '@tobeout/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/routers';
import { createGuests, createReservation } from '../src/seed/factories';
import {
  type Client,
  errorOf,
  eventsOf,
  login,
  memberOf,
  PASSWORD,
  recordingClient,
  restaurantWithMember,
  startServer,
  type TestServer,
  tokenClient,
} from './harness';

/**
 * Cross-restaurant isolation: A's owner — by session and by an owner token scoped to A — calls
 * every procedure of restaurant.*, tables.*, events.*, availability.*, bookings.* and guests.*
 * aimed at B's data (B's user ids, token id, special day, tables, combination, block, event cursor,
 * booking id, code, guests, phones, e-mail, guest-list cursor and hold; plus a smuggled
 * `restaurantId: B` in the input) and must neither see nor change anything of B. The restaurant
 * always comes from the session or token, never from input. The guest CSV export is checked too.
 *
 * Every procedure under these areas must have a case here: adding one without a case fails.
 */
const AREAS = ['restaurant.', 'events.', 'tables.', 'availability.', 'bookings.', 'guests.'];
/** Subscriptions are covered by the events tests (they stream only the caller's restaurant). */
const NOT_HERE = new Set(['events.stream']);

/** Text that only B's data contains: seeing it anywhere in A's results is a leak. */
const SECRET = 'B-secret';
const B_DAY = '2032-02-02';
/** B's guest's phone and B's idempotency key, which A tries to use too. */
const B_PHONE = '+49 170 5550001';
const B_KEY = 'b-booking-key';
/** A special day of A's (open all day), so A's own bookings do not depend on A's weekly hours. */
const A_DAY = '2032-02-03';
const A_PHONE = '+491705550100';
const B_PHONE_E164 = '+491705550001';
/**
 * B's guest-book guest (created through B's API, SECRET in name, e-mail, tags and notes): A tries
 * its id, phone and e-mail. Phones are unique per restaurant only, so A may have a guest with the
 * same number — its own.
 */
const B_GUEST_PHONE = '+49 170 5550009';
const B_GUEST_E164 = '+491705550009';
const B_GUEST_EMAIL = `${SECRET}@guests.example`; // stored lower-cased
/** B's guest with an e-mail but no phone (import matches those by e-mail). */
const B_MAIL_ONLY = 'b-secret-mail@guests.example';
/** B's guest with neither phone nor e-mail (import matches those by exact name). */
const B_WALK_IN = `${SECRET} walk-in`;
const NO_GUEST = 'This guest does not exist in this restaurant.';

type World = {
  server: TestServer;
  a: {
    restaurantId: string;
    ownerId: string;
    tableIds: [string, string];
    /** A's own guest (name 'Anna Alpha', phone A_PHONE). */
    guestId: string;
    cookie: string;
    token: string;
  };
  b: {
    tableId: string;
    combinationId: string;
    blockId: string;
    bookingId: string;
    bookingCode: string;
    guestId: string;
    /** The guest-book guest (SECRET in name, e-mail, tags, notes; phone B_GUEST_PHONE). */
    guestbookId: string;
    /** The factory guest (name SECRET, e-mail B_MAIL_ONLY, no phone) with a completed visit. */
    mailGuestId: string;
    /** The factory guest named B_WALK_IN, without phone or e-mail. */
    walkInGuestId: string;
    /** A position in B's guest list (the first guest by name). */
    guestCursor: string;
    holdId: string;
    restaurantId: string;
    owner: Awaited<ReturnType<typeof restaurantWithMember>>;
    manager: Awaited<ReturnType<typeof memberOf>>;
    token: { token: string; id: string; prefix: string };
    cursor: string;
  };
};

/** What must never appear in anything A gets back. */
function bMarkers(w: World): string[] {
  const b = w.b;
  // (B's manager is not listed: the members.add case legitimately adds that account to A.)
  return [
    SECRET,
    b.restaurantId,
    b.owner.user.id,
    b.owner.email,
    b.token.id,
    b.token.prefix,
    b.tableId,
    b.combinationId,
    b.blockId,
    b.bookingId,
    b.bookingCode,
    b.guestId,
    b.guestbookId,
    b.mailGuestId,
    b.walkInGuestId,
    B_GUEST_EMAIL.toLowerCase(),
    B_MAIL_ONLY,
    b.holdId,
  ];
}

function expectNoLeak(w: World, value: unknown) {
  const text = JSON.stringify(value);
  for (const marker of bMarkers(w)) expect(text, `leaked ${marker}`).not.toContain(marker);
}

/** Extra input that tries to aim a call at B; the server must ignore it. */
function aimAtB<T extends object>(w: World, input: T): T {
  return {
    ...input,
    restaurantId: w.b.restaurantId,
    restaurant_id: w.b.restaurantId,
    id: (input as { id?: string }).id ?? w.b.restaurantId,
  };
}

const B_EVENT_COUNT = 12;

/** Everything of B, as B's owner sees it (lastUsedAt of B's token moves when we prove it still works). */
async function snapshotOfB(w: World) {
  const api = w.b.owner.api;
  return {
    restaurant: await api.restaurant.get.query(),
    hours: await api.restaurant.hours.get.query(),
    specialDays: await api.restaurant.specialDays.list.query({}),
    members: await api.restaurant.members.list.query(),
    tokens: (await api.restaurant.tokens.list.query()).map(({ lastUsedAt: _, ...t }) => t),
    tables: await api.tables.list.query(),
    table: await api.tables.get.query({ id: w.b.tableId }),
    combinations: await api.tables.combinations.list.query(),
    blocks: await api.tables.blocks.query({ from: B_DAY, to: B_DAY }),
    history: await api.tables.history.query({ tableId: w.b.tableId }),
    bookings: await api.bookings.list.query({}),
    grid: await api.availability.grid.query({ date: B_DAY }),
    guests: await api.guests.list.query({ limit: 200 }),
    guestbookGuest: await api.guests.get.query({ id: w.b.guestbookId }),
    mailGuest: await api.guests.get.query({ id: w.b.mailGuestId }),
    guestBookings: await api.guests.bookings.query({ guestId: w.b.mailGuestId }),
    bookingGuestBookings: await api.guests.bookings.query({ guestId: w.b.guestId }),
    events: (await eventsOf(api, (items) => items.length >= B_EVENT_COUNT)).map((e) => [
      e.id,
      e.type,
      e.entityId,
    ]),
  };
}

type Case = (api: Client, w: World) => Promise<void>;

/** One attack per procedure path. */
const cases: Record<string, Case> = {
  'restaurant.get': async (api, w) => {
    const r = await api.restaurant.get.query();
    expect(r.id).toBe(w.a.restaurantId);
    expectNoLeak(w, r);
  },

  'restaurant.update': async (api, w) => {
    const r = await api.restaurant.update.mutate(aimAtB(w, { name: 'A renamed', cuisine: 'Pwned B' }));
    expect(r.id).toBe(w.a.restaurantId);
    expect(r.name).toBe('A renamed');
    expectNoLeak(w, r);
  },

  'restaurant.hours.get': async (api, w) => {
    const hours = await api.restaurant.hours.get.query();
    expectNoLeak(w, hours);
  },

  'restaurant.hours.set': async (api, w) => {
    const saved = await api.restaurant.hours.set.mutate(
      aimAtB(w, { services: [{ weekday: 3, name: 'A lunch', start: '11:00', end: '14:00' }] }),
    );
    expect(saved.services.map((s) => s.name)).toEqual(['A lunch']);
  },

  'restaurant.specialDays.list': async (api, w) => {
    const days = await api.restaurant.specialDays.list.query(aimAtB(w, { from: B_DAY, to: B_DAY }));
    expect(days).toEqual([]);
    expectNoLeak(w, await api.restaurant.specialDays.list.query({}));
  },

  'restaurant.specialDays.set': async (api, w) => {
    // Same date as B's: it creates A's own day and leaves B's alone.
    const day = await api.restaurant.specialDays.set.mutate(
      aimAtB(w, { date: B_DAY, name: 'A closed', closed: true, services: [] }),
    );
    expect(day).toEqual({ date: B_DAY, name: 'A closed', closed: true, services: [] });
    expect(await api.restaurant.specialDays.list.query({ from: B_DAY, to: B_DAY })).toEqual([day]);
    await api.restaurant.specialDays.delete.mutate({ date: B_DAY }); // A's own, so the next attacker starts clean
  },

  'restaurant.specialDays.delete': async (api, w) => {
    const err = await errorOf(api.restaurant.specialDays.delete.mutate(aimAtB(w, { date: B_DAY })));
    expect(err).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(err.fieldErrors?.date).toBeDefined();
  },

  'restaurant.members.list': async (api, w) => {
    const members = await api.restaurant.members.list.query();
    expect(members.map((m) => m.userId)).toContain(w.a.ownerId);
    expectNoLeak(w, members);
  },

  'restaurant.members.add': async (api, w) => {
    // Adding B's manager's account to A is allowed (accounts are global), but it must not touch
    // their membership in B, their password or anything else of B.
    const added = await api.restaurant.members.add.mutate(
      aimAtB(w, {
        email: w.b.manager.email,
        name: 'Renamed by A',
        role: 'owner',
        password: 'a password chosen by A',
      }),
    );
    expect(added).toMatchObject({ userId: w.b.manager.user.id, role: 'owner' });
    expect(added.name).not.toBe('Renamed by A');
    await login(w.server.url, w.b.manager.email, PASSWORD); // password unchanged
    const inB = (await w.b.owner.api.restaurant.members.list.query()).find(
      (m) => m.userId === w.b.manager.user.id,
    );
    expect(inB?.role).toBe('manager');
    // The new membership is A's only: the manager still cannot manage B's tokens.
    expect(await errorOf(w.b.manager.api.restaurant.tokens.list.query())).toMatchObject({
      reason: 'ROLE_REQUIRED',
    });
    await api.restaurant.members.remove.mutate({ userId: w.b.manager.user.id }); // clean up A
  },

  'restaurant.members.updateRole': async (api, w) => {
    const err = await errorOf(
      api.restaurant.members.updateRole.mutate(aimAtB(w, { userId: w.b.owner.user.id, role: 'staff' })),
    );
    expect(err).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expectNoLeak(w, err.message);
  },

  'restaurant.members.remove': async (api, w) => {
    const err = await errorOf(api.restaurant.members.remove.mutate(aimAtB(w, { userId: w.b.owner.user.id })));
    expect(err).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    const err2 = await errorOf(api.restaurant.members.remove.mutate({ userId: w.b.manager.user.id }));
    expect(err2).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
  },

  'restaurant.tokens.list': async (api, w) => {
    const tokens = await api.restaurant.tokens.list.query();
    expect(tokens.length).toBeGreaterThan(0);
    expectNoLeak(w, tokens);
  },

  'restaurant.tokens.create': async (api, w) => {
    const created = await api.restaurant.tokens.create.mutate(aimAtB(w, { name: 'A extra', role: 'owner' }));
    const asNew = tokenClient(w.server, created.token);
    expect((await asNew.restaurant.get.query()).id).toBe(w.a.restaurantId);
    await api.restaurant.tokens.revoke.mutate({ id: created.apiToken.id });
  },

  'restaurant.tokens.revoke': async (api, w) => {
    const err = await errorOf(api.restaurant.tokens.revoke.mutate({ id: w.b.token.id }));
    expect(err).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    // B's token still works, for B.
    expect((await tokenClient(w.server, w.b.token.token).restaurant.get.query()).id).toBe(w.b.restaurantId);
  },

  'tables.list': async (api, w) => {
    const list = await api.tables.list.query(aimAtB(w, {}));
    expect(
      list.items
        .filter((t) => t.active)
        .map((t) => t.id)
        .sort(),
    ).toEqual([...w.a.tableIds].sort());
    expectNoLeak(w, list);
  },

  'tables.get': async (api, w) => {
    const err = await errorOf(api.tables.get.query(aimAtB(w, { id: w.b.tableId })));
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
    expectNoLeak(w, err.message);
  },

  'tables.create': async (api, w) => {
    // B's table name is free in A: names are unique per restaurant only.
    const t = await api.tables.create.mutate(aimAtB(w, { name: 'B Table', maxGuests: 2 }));
    expect((await api.tables.list.query()).items.map((x) => x.id)).toContain(t.id);
    await api.tables.deactivate.mutate({ id: t.id });
    await api.tables.update.mutate({ id: t.id, name: `old ${t.id.slice(0, 8)}` });
  },

  'tables.update': async (api, w) => {
    const err = await errorOf(api.tables.update.mutate(aimAtB(w, { id: w.b.tableId, name: 'Pwned' })));
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
  },

  'tables.deactivate': async (api, w) => {
    expect(await errorOf(api.tables.deactivate.mutate(aimAtB(w, { id: w.b.tableId })))).toMatchObject({
      code: 'NOT_FOUND',
    });
  },

  'tables.reactivate': async (api, w) => {
    expect(await errorOf(api.tables.reactivate.mutate(aimAtB(w, { id: w.b.tableId })))).toMatchObject({
      code: 'NOT_FOUND',
    });
  },

  'tables.reorder': async (api, w) => {
    const err = await errorOf(api.tables.reorder.mutate(aimAtB(w, { ids: [w.a.tableIds[0], w.b.tableId] })));
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
    expect(err.fieldErrors?.['ids.1']).toBeDefined();
  },

  'tables.renameSection': async (api, w) => {
    const err = await errorOf(
      api.tables.renameSection.mutate(aimAtB(w, { from: `${SECRET} room`, to: 'Pwned' })),
    );
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
  },

  'tables.savePositions': async (api, w) => {
    const err = await errorOf(
      api.tables.savePositions.mutate(aimAtB(w, { positions: [{ id: w.b.tableId, x: 1, y: 1 }] })),
    );
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
  },

  'tables.setFloor': async (api, w) => {
    expect(await api.tables.setFloor.mutate(aimAtB(w, { width: 1100, height: 700 }))).toEqual({
      width: 1100,
      height: 700,
    });
  },

  'tables.combinations.list': async (api, w) => {
    const list = await api.tables.combinations.list.query();
    expectNoLeak(w, list);
  },

  'tables.combinations.create': async (api, w) => {
    const err = await errorOf(
      api.tables.combinations.create.mutate(
        aimAtB(w, { name: 'Mixed', tableIds: [w.a.tableIds[0], w.b.tableId], minGuests: 2, maxGuests: 4 }),
      ),
    );
    expect(err.fieldErrors?.['tableIds.1']).toEqual(['This table does not exist in this restaurant.']);
  },

  'tables.combinations.update': async (api, w) => {
    const err = await errorOf(
      api.tables.combinations.update.mutate(aimAtB(w, { id: w.b.combinationId, name: 'Pwned' })),
    );
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
  },

  'tables.combinations.delete': async (api, w) => {
    expect(
      await errorOf(api.tables.combinations.delete.mutate(aimAtB(w, { id: w.b.combinationId }))),
    ).toMatchObject({ code: 'NOT_FOUND' });
  },

  'tables.block': async (api, w) => {
    // B's table is booked and blocked at this time: A's block of it must not even see that.
    const err = await errorOf(
      api.tables.block.mutate(
        aimAtB(w, { tableIds: [w.b.tableId], from: `${B_DAY}T18:00`, to: `${B_DAY}T23:00`, reason: 'x' }),
      ),
    );
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
    expectNoLeak(w, err);
  },

  'tables.unblock': async (api, w) => {
    expect(await errorOf(api.tables.unblock.mutate(aimAtB(w, { blockId: w.b.blockId })))).toMatchObject({
      code: 'NOT_FOUND',
    });
  },

  'tables.blocks': async (api, w) => {
    expect(await api.tables.blocks.query(aimAtB(w, { from: B_DAY, to: B_DAY }))).toEqual([]);
    expect(await api.tables.blocks.query({ from: B_DAY, to: B_DAY, tableId: w.b.tableId })).toEqual([]);
  },

  'tables.history': async (api, w) => {
    const err = await errorOf(api.tables.history.query(aimAtB(w, { tableId: w.b.tableId })));
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
  },

  'tables.utilisation': async (api, w) => {
    const u = await api.tables.utilisation.query(
      aimAtB(w, { from: '2020-01-01', to: '2020-01-31', tableIds: [w.b.tableId] }),
    );
    expect(u.items).toEqual([]);
    const all = await api.tables.utilisation.query({ from: '2020-01-01', to: '2020-01-31' });
    expectNoLeak(w, all);
    expect(all.items.every((i) => i.seatedMinutes === 0)).toBe(true);
  },

  'events.list': async (api, w) => {
    const all = await api.events.list.query({ limit: 1000 });
    expect(all.items.length).toBeGreaterThan(0);
    expectNoLeak(w, all);
    // B's cursor is only a position: reading "after" it still yields A's events only.
    const after = await api.events.list.query(aimAtB(w, { after: w.b.cursor, limit: 1000 }));
    expectNoLeak(w, after);
    const bIds = new Set((await eventsOf(w.b.owner.api)).map((e) => e.id));
    const aIds = new Set((await api.events.list.query({ limit: 1000 })).items.map((e) => e.id));
    for (const e of [...all.items, ...after.items]) expect(bIds.has(e.id), `B's event ${e.id}`).toBe(false);
    for (const e of after.items) expect(aIds.has(e.id)).toBe(true);
  },

  'events.log': async (api, w) => {
    // Every filter aimed at B's data (its booking's id, its owner, its token, its cursor) yields
    // A's events or nothing, never one of B's.
    const bIds = new Set((await eventsOf(w.b.owner.api)).map((e) => e.id));
    const filters = [
      {},
      { entity: 'booking' },
      { entity: 'booking', entityId: w.b.bookingId },
      { entityId: w.b.bookingId },
      { entityId: w.b.tableId },
      { entityId: w.b.restaurantId },
      { type: 'booking.created' },
      { type: 'table.blocked' },
      { actorId: w.b.owner.user.id },
      { actorId: w.b.token.id },
      { from: '2000-01-01', to: '2099-12-31' },
      { cursor: w.b.cursor },
    ];
    for (const filter of filters) {
      const page = await api.events.log.query(aimAtB(w, { ...filter, limit: 200 }));
      expectNoLeak(w, page);
      for (const e of page.items)
        expect(bIds.has(e.id), `B's event ${e.id} via ${JSON.stringify(filter)}`).toBe(false);
    }
    for (const filter of [
      { entityId: w.b.bookingId },
      { actorId: w.b.owner.user.id },
      { actorId: w.b.token.id },
    ])
      expect((await api.events.log.query(filter)).items, JSON.stringify(filter)).toEqual([]);
    expect((await api.events.log.query({ limit: 200 })).items.length).toBeGreaterThan(0);
  },

  'availability.grid': async (api, w) => {
    const grid = await api.availability.grid.query(aimAtB(w, { date: B_DAY }));
    expect(grid.tables.map((t) => t.id).sort()).toEqual([...w.a.tableIds].sort());
    expect(grid.bookings).toEqual([]);
    expect(grid.blocks).toEqual([]);
    expectNoLeak(w, grid);
    expectNoLeak(w, await api.availability.grid.query({ date: A_DAY }));
  },

  'availability.check': async (api, w) => {
    const check = await api.availability.check.query(aimAtB(w, { date: A_DAY, time: '19:00', partySize: 2 }));
    expect(check.available).toBe(true);
    const offered = check.slots.flatMap((s) => s.options.flatMap((o) => o.tableIds));
    for (const id of offered) expect(w.a.tableIds).toContain(id);
    expectNoLeak(w, check);
    // B's busy day is A's own (closed or free) day: nothing of B's bookings, block or hold.
    expectNoLeak(w, await api.availability.check.query({ date: B_DAY, partySize: 2 }));
  },

  'availability.range': async (api, w) => {
    const days = await api.availability.range.query(aimAtB(w, { from: B_DAY, to: A_DAY, partySize: 2 }));
    expect(days.map((d) => d.date)).toEqual([B_DAY, A_DAY]);
    expect(days[1]).toMatchObject({ open: true });
    expectNoLeak(w, days);
  },

  'availability.hold': async (api, w) => {
    const err = await errorOf(
      api.availability.hold.mutate(
        aimAtB(w, { date: A_DAY, time: '19:00', partySize: 2, tableIds: [w.b.tableId] }),
      ),
    );
    expect(err.fieldErrors?.['tableIds.0']).toEqual(['This table does not exist in this restaurant.']);
    const hold = await api.availability.hold.mutate(aimAtB(w, { date: A_DAY, time: '19:00', partySize: 2 }));
    expect(w.a.tableIds).toContain(hold.tableIds[0]);
    expectNoLeak(w, hold);
    await api.availability.release.mutate({ holdId: hold.holdId }); // A's own, so the next attacker starts clean
  },

  'availability.release': async (api, w) => {
    // Releasing is idempotent (unknown holds are fine), but B's hold is not A's to release.
    expect(await api.availability.release.mutate(aimAtB(w, { holdId: w.b.holdId }))).toEqual({ ok: true });
    const [row] = await w.server.app.db.db.select().from(holds).where(eq(holds.id, w.b.holdId));
    expect(row?.restaurantId).toBe(w.b.restaurantId);
  },

  'bookings.create': async (api, w) => {
    const base = { date: A_DAY, time: '19:00', partySize: 2 };
    const table = await errorOf(
      api.bookings.create.mutate(aimAtB(w, { ...base, guest: { name: 'A guest' }, tableIds: [w.b.tableId] })),
    );
    expect(table.fieldErrors?.['tableIds.0']).toEqual(['This table does not exist in this restaurant.']);
    const guest = await errorOf(api.bookings.create.mutate(aimAtB(w, { ...base, guestId: w.b.guestId })));
    expect(guest).toMatchObject({ code: 'NOT_FOUND' });
    expect(guest.fieldErrors?.guestId).toEqual(['This guest does not exist in this restaurant.']);
    const hold = await errorOf(
      api.bookings.create.mutate(aimAtB(w, { holdId: w.b.holdId, guest: { name: 'A' } })),
    );
    expect(hold).toMatchObject({ code: 'CONFLICT', reason: 'HOLD_EXPIRED' });
    for (const e of [table, guest, hold]) expectNoLeak(w, e);
    // B's guest's phone and B's idempotency key, used in A: A's own new guest and booking.
    const booking = await api.bookings.create.mutate(
      aimAtB(w, {
        ...base,
        guest: { name: 'A guest', phone: B_PHONE, email: 'a-guest@test.local' },
        idempotencyKey: B_KEY,
      }),
    );
    expect(booking.guest).toMatchObject({ name: 'A guest', email: 'a-guest@test.local' });
    expect(w.a.tableIds).toContain(booking.tables[0]!.id);
    expectNoLeak(w, booking);
    if (booking.status !== 'canceled')
      await api.bookings.cancel.mutate({ id: booking.id, reason: 'clean up' });
  },

  'bookings.get': async (api, w) => {
    const err = await errorOf(api.bookings.get.query(aimAtB(w, { id: w.b.bookingId })));
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
    expectNoLeak(w, err);
  },

  'bookings.list': async (api, w) => {
    const all = await api.bookings.list.query(aimAtB(w, { limit: 200 }));
    expectNoLeak(w, all);
    const empty = [
      { q: SECRET },
      { q: w.b.bookingCode },
      { guestId: w.b.guestId },
      { tableId: w.b.tableId },
      { date: B_DAY },
      { from: '2020-01-01', to: '2020-01-31' },
    ];
    for (const input of empty) expect((await api.bookings.list.query(aimAtB(w, input))).items).toEqual([]);
    // A's own guest may share B's guest's phone (see bookings.create); B's never shows.
    const byPhone = await api.bookings.list.query({ q: '170 5550001' });
    for (const b of byPhone.items) expect(b.guest.name).toBe('A guest');
    expectNoLeak(w, byPhone);
  },

  'bookings.findByPhone': async (api, w) => {
    const found = await api.bookings.findByPhone.query(aimAtB(w, { phone: B_PHONE }));
    for (const b of found) expect(b.guest.name).toBe('A guest');
    expectNoLeak(w, found);
  },

  'bookings.findByCode': async (api, w) => {
    const err = await errorOf(api.bookings.findByCode.query(aimAtB(w, { code: w.b.bookingCode })));
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
  },

  'bookings.history': async (api, w) => {
    const err = await errorOf(api.bookings.history.query(aimAtB(w, { id: w.b.bookingId })));
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
    expectNoLeak(w, err);
  },

  'bookings.update': async (api, w) => {
    const err = await errorOf(
      api.bookings.update.mutate(aimAtB(w, { id: w.b.bookingId, version: 1, specialRequests: 'Pwned' })),
    );
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
    expectNoLeak(w, err);
  },

  'bookings.move': async (api, w) => {
    const err = await errorOf(
      api.bookings.move.mutate(aimAtB(w, { id: w.b.bookingId, tableIds: [w.a.tableIds[0]] })),
    );
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
  },

  'bookings.setStatus': async (api, w) => {
    const err = await errorOf(
      api.bookings.setStatus.mutate(aimAtB(w, { id: w.b.bookingId, status: 'no_show' })),
    );
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
  },

  'bookings.cancel': async (api, w) => {
    const err = await errorOf(api.bookings.cancel.mutate(aimAtB(w, { id: w.b.bookingId, reason: 'Pwned' })));
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
  },

  'guests.list': async (api, w) => {
    const all = await api.guests.list.query(aimAtB(w, { limit: 200 }));
    expect(all.items.map((g) => g.id)).toContain(w.a.guestId);
    expectNoLeak(w, all);
    const aIds = new Set(all.items.map((g) => g.id));
    // B's names (exact, typo'd, partial), tag and e-mail: nothing.
    const empty = [
      { q: SECRET },
      { q: 'secret' },
      { q: `${SECRET} Schmitt` },
      { q: 'Schmidt' },
      { q: B_GUEST_EMAIL },
      { tag: SECRET },
    ];
    for (const input of empty)
      expect((await api.guests.list.query(aimAtB(w, input))).items, JSON.stringify(input)).toEqual([]);
    // Phones (A may have its own guest with one of B's numbers), segments, sorts and B's cursor:
    // A's guests only.
    const mixed = [
      { q: '5550009' },
      { q: B_GUEST_PHONE },
      { q: '0170 555' },
      { segment: 'vip' as const },
      { segment: 'new' as const },
      { language: 'de' },
      { minVisits: 1 },
      { sort: 'visits' as const },
      { sort: 'lastVisit' as const },
      { sort: 'created' as const, dir: 'desc' as const },
      { cursor: w.b.guestCursor },
    ];
    for (const input of mixed) {
      const page = await api.guests.list.query(aimAtB(w, { ...input, limit: 200 }));
      expectNoLeak(w, page);
      for (const g of page.items) expect(aIds.has(g.id), JSON.stringify(input)).toBe(true);
    }
  },

  'guests.get': async (api, w) => {
    for (const id of [w.b.guestbookId, w.b.guestId, w.b.mailGuestId, w.b.walkInGuestId]) {
      const err = await errorOf(api.guests.get.query(aimAtB(w, { id })));
      expect(err).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
      expect(err.fieldErrors?.id).toEqual([NO_GUEST]);
      expectNoLeak(w, err);
    }
    // A's own guest, with statistics from A's bookings only.
    const mine = await api.guests.get.query(aimAtB(w, { id: w.a.guestId }));
    expect(mine).toMatchObject({ id: w.a.guestId, name: 'Anna Alpha' });
    expectNoLeak(w, mine);
  },

  'guests.findByPhone': async (api, w) => {
    // B's guest-book number: A has no guest with it (the create and import cases free theirs).
    expect(await api.guests.findByPhone.query(aimAtB(w, { phone: B_GUEST_PHONE }))).toBeNull();
    expect(await api.guests.findByPhone.query({ phone: '0170 5550009' })).toBeNull();
    // B's booking guest's number: only A's own guest with that number (see bookings.create).
    const shared = await api.guests.findByPhone.query(aimAtB(w, { phone: B_PHONE }));
    if (shared) expect(shared).toMatchObject({ name: 'A guest', phone: B_PHONE_E164 });
    expectNoLeak(w, shared);
  },

  'guests.bookings': async (api, w) => {
    for (const guestId of [w.b.guestId, w.b.mailGuestId, w.b.guestbookId]) {
      const err = await errorOf(api.guests.bookings.query(aimAtB(w, { guestId })));
      expect(err).toMatchObject({ code: 'NOT_FOUND' });
      expect(err.fieldErrors?.id).toEqual([NO_GUEST]);
      expectNoLeak(w, err);
    }
    const mine = await api.guests.bookings.query(aimAtB(w, { guestId: w.a.guestId, limit: 200 }));
    expectNoLeak(w, mine);
  },

  'guests.create': async (api, w) => {
    // A's own 'A guest' already has B's booking guest's number: the clash names A's guest, not B's.
    const dup = await errorOf(api.guests.create.mutate(aimAtB(w, { name: 'A copycat', phone: B_PHONE })));
    expect(dup).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    expect(dup.fieldErrors?.phone).toEqual([`${B_PHONE_E164} already belongs to A guest.`]);
    expectNoLeak(w, dup);
    // B's guest-book guest's number is free in A: A gets a guest of its own.
    const created = await api.guests.create.mutate(
      aimAtB(w, { name: 'A namesake', phone: B_GUEST_PHONE, email: 'namesake@a.example', tags: ['A'] }),
    );
    expect(created).toMatchObject({ name: 'A namesake', phone: B_GUEST_E164, visitCount: 0 });
    expectNoLeak(w, created);
    expect((await api.guests.get.query({ id: created.id })).id).toBe(created.id);
    expect(await w.b.owner.api.guests.findByPhone.query({ phone: B_GUEST_PHONE })).toMatchObject({
      id: w.b.guestbookId,
      name: `${SECRET} Schmidt`,
    });
    await api.guests.update.mutate({ id: created.id, phone: null }); // free the number for the next attacker
  },

  'guests.update': async (api, w) => {
    for (const id of [w.b.guestbookId, w.b.guestId, w.b.mailGuestId]) {
      const err = await errorOf(
        api.guests.update.mutate(aimAtB(w, { id, name: 'Pwned', phone: null, notes: 'Pwned', tags: [] })),
      );
      expect(err).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
      expect(err.fieldErrors?.id).toEqual([NO_GUEST]);
      expectNoLeak(w, err);
    }
    // A's own guest may take B's guest's number: it is A's own number space.
    const mine = await api.guests.update.mutate(aimAtB(w, { id: w.a.guestId, phone: B_GUEST_PHONE }));
    expect(mine).toMatchObject({ id: w.a.guestId, phone: B_GUEST_E164 });
    expectNoLeak(w, mine);
    await api.guests.update.mutate({ id: w.a.guestId, phone: A_PHONE }); // back as it was
  },

  'guests.merge': async (api, w) => {
    const attempts = [
      { keepId: w.a.guestId, mergeId: w.b.guestbookId, field: 'mergeId' },
      { keepId: w.b.guestbookId, mergeId: w.a.guestId, field: 'keepId' },
      { keepId: w.b.guestId, mergeId: w.b.mailGuestId, field: 'keepId' },
    ] as const;
    for (const { field, ...ids } of attempts) {
      const err = await errorOf(api.guests.merge.mutate(aimAtB(w, ids)));
      expect(err).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
      expect(err.fieldErrors?.[field]).toEqual([NO_GUEST]);
      expectNoLeak(w, err);
    }
    // The refused merges left A's guest in place (and B's, see the snapshot).
    expect(await api.guests.get.query({ id: w.a.guestId })).toMatchObject({
      name: 'Anna Alpha',
      phone: A_PHONE,
    });
  },

  'guests.import': async (api, w) => {
    // Rows that would match B's guests by phone, by e-mail (B's phone-less guest) and by exact
    // name (B's guest without phone or e-mail): in A they match nothing, so all are new.
    const phoneRow = { name: 'A imported', phone: '0170 5550009', tags: ['A'] };
    const dry = await api.guests.import.mutate(
      aimAtB(w, {
        rows: [phoneRow, { name: 'A by mail', email: B_MAIL_ONLY, tags: [] }, { name: B_WALK_IN, tags: [] }],
        dryRun: true,
      }),
    );
    expect(dry).toEqual({ created: 3, updated: 0, unchanged: 0, errors: [] });
    const done = await api.guests.import.mutate(aimAtB(w, { rows: [phoneRow] }));
    expect(done).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });
    const imported = await api.guests.findByPhone.query({ phone: B_GUEST_PHONE });
    expect(imported).toMatchObject({ name: 'A imported', phone: B_GUEST_E164, tags: ['A'] });
    expectNoLeak(w, imported);
    expect(await w.b.owner.api.guests.get.query({ id: w.b.guestbookId })).toMatchObject({
      name: `${SECRET} Schmidt`,
      tags: [SECRET, 'VIP'],
    });
    await api.guests.update.mutate({ id: imported!.id, phone: null }); // free the number for the next attacker
  },
};

function requiredPaths(): string[] {
  return Object.keys(appRouter._def.procedures)
    .filter((p) => AREAS.some((area) => p.startsWith(area)) && !NOT_HERE.has(p))
    .sort();
}

it('has an isolation case for every restaurant.*, tables.*, events.*, availability.*, bookings.* and guests.* procedure', () => {
  expect(requiredPaths().length).toBeGreaterThan(10);
  expect(Object.keys(cases).sort()).toEqual(requiredPaths());
});

describe.each(testDbKinds)('cross-restaurant isolation on %s', (kind) => {
  let server: TestServer;
  let w: World;
  let before: Awaited<ReturnType<typeof snapshotOfB>>;
  const attackers: Record<string, { api: Client; seen: Set<string> }> = {};

  beforeAll(async () => {
    server = await startServer(kind);
    const a = await restaurantWithMember(server, 'owner', { name: 'Alpha' });
    const aToken = await a.api.restaurant.tokens.create.mutate({ name: 'A owner token', role: 'owner' });
    await a.api.restaurant.hours.set.mutate({
      services: [{ weekday: 1, name: 'A dinner', start: '18:00', end: '22:00' }],
    });
    await a.api.restaurant.specialDays.set.mutate({
      date: A_DAY,
      name: 'A long day',
      closed: false,
      services: [{ name: 'A all day', start: '11:00', end: '23:00' }],
    });

    const aTable1 = await a.api.tables.create.mutate({ name: 'A1', maxGuests: 4 });
    const aTable2 = await a.api.tables.create.mutate({ name: 'A2', maxGuests: 4 });
    const aGuest = await a.api.guests.create.mutate({ name: 'Anna Alpha', phone: A_PHONE, language: 'de' });

    const bOwner = await restaurantWithMember(server, 'owner', { name: `Beta ${SECRET}` });
    const bManager = await memberOf(server, bOwner.restaurant.id, 'manager');
    const bApi = bOwner.api;
    await bApi.restaurant.update.mutate({ address: `${SECRET} street 1`, cuisine: SECRET });
    await bApi.restaurant.hours.set.mutate({
      services: [
        { weekday: 5, name: `${SECRET} dinner`, start: '18:00', end: '01:00', lastSeating: '23:30' },
      ],
    });
    await bApi.restaurant.specialDays.set.mutate({
      date: B_DAY,
      name: `${SECRET} gala`,
      closed: false,
      services: [{ name: `${SECRET} gala`, start: '19:00', end: '23:00' }],
    });
    await bApi.restaurant.members.add.mutate({
      email: `${SECRET.toLowerCase()}-${Date.now()}@test.local`,
      name: SECRET,
      role: 'staff',
      password: PASSWORD,
    });
    const bToken = await bApi.restaurant.tokens.create.mutate({ name: `${SECRET} token`, role: 'owner' });
    const bTable = await bApi.tables.create.mutate({
      name: `${SECRET} T`,
      section: `${SECRET} room`,
      maxGuests: 4,
    });
    const bTable2 = await bApi.tables.create.mutate({ name: `${SECRET} T2`, maxGuests: 4 });
    const bCombination = await bApi.tables.combinations.create.mutate({
      name: `${SECRET} combo`,
      tableIds: [bTable.id, bTable2.id],
      minGuests: 4,
      maxGuests: 8,
    });
    const bBlock = await bApi.tables.block.mutate({
      tableIds: [bTable.id],
      from: `${B_DAY}T18:00`,
      to: `${B_DAY}T20:00`,
      reason: `${SECRET} repair`,
    });
    const [bGuest, bWalkIn] = await createGuests(server.app.db.db, bOwner.restaurant.id, [
      { name: SECRET, email: B_MAIL_ONLY },
      { name: B_WALK_IN },
    ]);
    await createReservation(server.app.db.db, {
      restaurantId: bOwner.restaurant.id,
      guestId: bGuest!.id,
      tableIds: [bTable.id],
      startsAt: new Date('2020-01-07T19:00:00Z'),
      endsAt: new Date('2020-01-07T21:00:00Z'),
      partySize: 4,
      status: 'completed',
    });
    const bBooking = await bApi.bookings.create.mutate({
      date: B_DAY,
      time: '21:00',
      partySize: 2,
      tableIds: [bTable.id],
      guest: { name: `${SECRET} guest`, phone: B_PHONE },
      specialRequests: `${SECRET} request`,
      idempotencyKey: B_KEY,
    });
    const bGuestbook = await bApi.guests.create.mutate({
      name: `${SECRET} Schmidt`,
      phone: B_GUEST_PHONE,
      email: B_GUEST_EMAIL,
      language: 'de',
      tags: [SECRET, 'VIP'],
      notes: `${SECRET} notes`,
    });
    const bGuestCursor = (await bApi.guests.list.query({ limit: 1 })).nextCursor!;
    const bHold = await bApi.availability.hold.mutate({
      date: B_DAY,
      time: '19:00',
      partySize: 2,
      tableIds: [bTable2.id],
    });
    const bEvents = await eventsOf(bApi, (items) => items.length >= B_EVENT_COUNT);
    expect(bEvents).toHaveLength(B_EVENT_COUNT);

    w = {
      server,
      a: {
        restaurantId: a.restaurant.id,
        ownerId: a.user.id,
        tableIds: [aTable1.id, aTable2.id],
        guestId: aGuest.id,
        cookie: a.cookie,
        token: aToken.token,
      },
      b: {
        tableId: bTable.id,
        combinationId: bCombination.id,
        blockId: bBlock.id,
        bookingId: bBooking.id,
        bookingCode: bBooking.code,
        guestId: bBooking.guest.id,
        guestbookId: bGuestbook.id,
        mailGuestId: bGuest!.id,
        walkInGuestId: bWalkIn!.id,
        guestCursor: bGuestCursor,
        holdId: bHold.holdId,
        restaurantId: bOwner.restaurant.id,
        owner: bOwner,
        manager: bManager,
        token: { token: bToken.token, id: bToken.apiToken.id, prefix: bToken.apiToken.prefix },
        cursor: bEvents.at(-1)!.cursor,
      },
    };
    before = await snapshotOfB(w);
    const attacker = (headers: Record<string, string>) => {
      const seen = new Set<string>();
      return { seen, api: recordingClient(server.url, headers, seen) };
    };
    attackers['A owner session'] = attacker({ cookie: a.cookie, origin: server.url });
    attackers['A owner token'] = attacker({ authorization: `Bearer ${aToken.token}` });
  });
  afterAll(() => server.close());

  describe.each(['A owner session', 'A owner token'])('%s', (who) => {
    it.each(Object.keys(cases))('%s cannot see or change B', async (path) => {
      const attacker = attackers[who]!;
      attacker.seen.clear();
      await cases[path]!(attacker.api, w);
      expect([...attacker.seen], 'the case must call its own procedure').toContain(path);
    });
  });

  it("A's guest CSV export (session or token) holds A's guests only, whatever the query says", async () => {
    const url = (query: string) => `${server.url}/export/guests.csv${query}`;
    const queries = [
      '',
      `?restaurantId=${w.b.restaurantId}&restaurant_id=${w.b.restaurantId}`,
      `?q=${encodeURIComponent(SECRET)}`,
      '?q=5550009',
      '?segment=vip',
      `?tag=${encodeURIComponent(SECRET)}`,
    ];
    const callers: Record<string, string>[] = [
      { cookie: w.a.cookie },
      { authorization: `Bearer ${w.a.token}` },
    ];
    for (const headers of callers) {
      for (const query of queries) {
        const res = await fetch(url(query), { headers });
        expect(res.status, query).toBe(200);
        const text = await res.text();
        expectNoLeak(w, text);
        expect(text, query).not.toContain(B_GUEST_E164);
        expect(text.toLowerCase(), query).not.toContain(SECRET.toLowerCase());
        if (query === '' || query.startsWith('?restaurantId')) expect(text, query).toContain('Anna Alpha');
      }
    }
    // The check is meaningful: B's own export does contain B's guests.
    const theirs = await fetch(url(''), { headers: { authorization: `Bearer ${w.b.token.token}` } });
    const text = await theirs.text();
    expect(text).toContain(`${SECRET} Schmidt`);
    expect(text).toContain(B_GUEST_E164);
  });

  it("B's data is exactly as before, and B's owner and token still work", async () => {
    expect(await snapshotOfB(w)).toEqual(before);
    expect((await tokenClient(server, w.b.token.token).restaurant.get.query()).id).toBe(w.b.restaurantId);
    expect((await w.b.owner.api.auth.me.query()).activeRestaurant).toMatchObject({
      restaurantId: w.b.restaurantId,
      role: 'owner',
    });
  });
});
