import { guests as guestsTable, reservations } from '@tobeout/db';
import { testDbKinds } from '@tobeout/db/testing';
import { zonedToInstant } from '@tobeout/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createGuests, createReservation, createTables } from '../src/seed/factories';
import { errorOf, eventsOf, memberOf, restaurantWithMember } from './harness';
import { serverForSuite } from './suite';

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

describe.each(testDbKinds)('guests on %s', (kind) => {
  const server = serverForSuite(kind);

  async function world() {
    const owner = await restaurantWithMember(server, 'manager');
    const db = server.app.db.db;
    const [table] = await createTables(db, owner.restaurant.id, [
      { name: 'T1', section: 'Main', min: 1, max: 8, shape: 'square', x: 100, y: 100 },
    ]);
    /** A past or future booking of a guest, in a given status. */
    const visit = (
      guestId: string,
      when: Date,
      status: 'completed' | 'canceled' | 'no_show' | 'confirmed',
      party = 2,
    ) =>
      createReservation(db, {
        restaurantId: owner.restaurant.id,
        guestId,
        tableIds: [table!.id],
        startsAt: when,
        endsAt: new Date(when.getTime() + 3600_000),
        partySize: party,
        status,
      });
    return { ...owner, db, visit };
  }

  it('creates guests with E.164 phones, refuses bad and duplicate phones naming the owner', async () => {
    const w = await world();
    const anna = await w.api.guests.create.mutate({
      name: ' Anna Schmidt ',
      phone: '0170 1234567',
      tags: ['VIP', 'vip'],
    });
    expect(anna).toMatchObject({
      name: 'Anna Schmidt',
      phone: '+491701234567',
      tags: ['VIP'],
      segments: ['vip', 'new'],
    });
    const dup = await errorOf(w.api.guests.create.mutate({ name: 'Someone', phone: '+49 170 123 4567' }));
    expect(dup).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    expect(dup.fieldErrors?.phone).toEqual(['+491701234567 already belongs to Anna Schmidt.']);
    const bad = await errorOf(w.api.guests.create.mutate({ name: 'X', phone: '12' }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST' });
    expect(bad.fieldErrors?.phone?.[0]).toMatch(/not a valid phone number for DE/);
    const empty = await errorOf(w.api.guests.create.mutate({ name: '  ', phone: null }));
    expect(empty.fieldErrors?.name).toEqual(['Required.']);
    expect((await w.api.guests.list.query({})).items).toHaveLength(1);
  });

  it('updates with a diff event; a phone clash leaves nothing changed', async () => {
    const w = await world();
    const [a, b] = await createGuests(w.db, w.restaurant.id, [
      { name: 'Anna', phone: '+491701234567' },
      { name: 'Ben', phone: '+491609876543' },
    ]);
    const updated = await w.api.guests.update.mutate({ id: a!.id, notes: 'Window seat', tags: ['regular'] });
    expect(updated).toMatchObject({ notes: 'Window seat', tags: ['regular'] });
    // Fields not sent stay as they are (tags included).
    expect(await w.api.guests.update.mutate({ id: a!.id, language: 'de' })).toMatchObject({
      notes: 'Window seat',
      tags: ['regular'],
      language: 'de',
    });
    const clash = await errorOf(
      w.api.guests.update.mutate({ id: a!.id, name: 'Anna B', phone: '0160 9876543' }),
    );
    expect(clash.fieldErrors?.phone).toEqual(['+491609876543 already belongs to Ben.']);
    expect((await w.api.guests.get.query({ id: a!.id })).name).toBe('Anna');
    const items = await eventsOf(w.api, (all) => all.some((e) => e.type === 'guest.updated'));
    expect(items.find((e) => e.type === 'guest.updated')?.payload).toMatchObject({
      name: 'Anna',
      changes: { notes: { from: null, to: 'Window seat' } },
    });
    expect(b).toBeDefined();
  });

  it('searches names typo-tolerantly and phones by partial digits in any format', async () => {
    const w = await world();
    await createGuests(w.db, w.restaurant.id, [
      { name: 'Anna Schmidt', phone: '+491701234567' },
      { name: 'Jonas Weber', phone: '+491609876543' },
      { name: 'Maria Rossi', phone: '+393331234567' },
      { name: 'Jürgen Müller' },
      { name: 'Piotr Wiśniewski' },
      { name: 'Anna Schmidt' }, // a second guest of the same name
    ]);
    const names = async (q: string) => (await w.api.guests.list.query({ q })).items.map((g) => g.name);
    expect(await names('Schmit')).toEqual(['Anna Schmidt', 'Anna Schmidt']);
    // Spelling variants: umlauts spelled out or left off, accents dropped, any case.
    expect(await names('Mueller')).toEqual(['Jürgen Müller']);
    expect(await names('jurgen')).toEqual(['Jürgen Müller']);
    expect(await names('Wisniewski')).toEqual(['Piotr Wiśniewski']);
    // Nearest name first, then the rest, each page continuing where the last ended.
    expect(await names('Anna')).toEqual(['Anna Schmidt', 'Anna Schmidt']);
    const first = await w.api.guests.list.query({ q: 'Schmidt', limit: 1 });
    const second = await w.api.guests.list.query({ q: 'Schmidt', limit: 1, cursor: first.nextCursor });
    expect(new Set([first.items[0]!.id, second.items[0]!.id]).size).toBe(2);
    expect(second.nextCursor).toBeNull();
    expect(await names('weber')).toEqual(['Jonas Weber']);
    expect(await names('0160 987')).toEqual(['Jonas Weber']);
    expect(await names('+39 333')).toEqual(['Maria Rossi']);
    expect((await names('1234567')).sort()).toEqual(['Anna Schmidt', 'Maria Rossi']);
    expect(await names('zzzz')).toEqual([]);
  });

  it('filters by language, tag, segment, visits and last visit; sorts and pages without gaps', async () => {
    const w = await world();
    const [vip, frequent, fresh, risky] = await createGuests(w.db, w.restaurant.id, [
      { name: 'Vera VIP', language: 'de', tags: ['VIP'] },
      { name: 'Fred Frequent', language: 'en' },
      { name: 'Nina New', language: 'de' },
      { name: 'Rick Risk', language: 'it' },
    ]);
    for (const d of [10, 20, 30]) await w.visit(frequent!.id, daysAgo(d), 'completed');
    await w.db
      .update(guestsTable)
      .set({ visitCount: 3, lastVisitAt: daysAgo(10) })
      .where(eq(guestsTable.id, frequent!.id));
    await w.db
      .update(guestsTable)
      .set({ visitCount: 4, noShowCount: 2, lastVisitAt: daysAgo(200) })
      .where(eq(guestsTable.id, risky!.id));
    await w.db
      .update(guestsTable)
      .set({ visitCount: 2, lastVisitAt: daysAgo(5) })
      .where(eq(guestsTable.id, vip!.id));
    const names = async (input: Parameters<typeof w.api.guests.list.query>[0]) =>
      (await w.api.guests.list.query(input)).items.map((g) => g.name);

    expect(await names({ segment: 'vip' })).toEqual(['Vera VIP']);
    expect(await names({ segment: 'frequent' })).toEqual(['Fred Frequent']);
    expect(await names({ segment: 'new' })).toEqual(['Nina New']);
    expect(await names({ segment: 'at_risk' })).toEqual(['Rick Risk']);
    expect(await names({ language: 'de' })).toEqual(['Nina New', 'Vera VIP']);
    expect(await names({ tag: 'vip' })).toEqual(['Vera VIP']);
    expect(await names({ minVisits: 3 })).toEqual(['Fred Frequent', 'Rick Risk']);
    const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    expect(await names({ lastVisitFrom: lastWeek })).toEqual(['Vera VIP']);
    expect(await names({ sort: 'visits' })).toEqual(['Rick Risk', 'Fred Frequent', 'Vera VIP', 'Nina New']);
    expect(await names({ sort: 'lastVisit' })).toEqual([
      'Vera VIP',
      'Fred Frequent',
      'Rick Risk',
      'Nina New',
    ]);
    // The badge rule (shared) and the filter (SQL) agree on every guest.
    const all = (await w.api.guests.list.query({})).items;
    expect(Object.fromEntries(all.map((g) => [g.name, g.segments[0]]))).toEqual({
      'Vera VIP': 'vip',
      'Fred Frequent': 'frequent',
      'Nina New': 'new',
      'Rick Risk': 'at_risk',
    });
    expect(fresh).toBeDefined();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await w.api.guests.list.query({ sort: 'visits', limit: 3, cursor });
      seen.push(...page.items.map((g) => g.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Rick Risk', 'Fred Frequent', 'Vera VIP', 'Nina New']);
    expect(await errorOf(w.api.guests.list.query({ cursor: 'garbage' }))).toMatchObject({
      reason: 'INVALID_CURSOR',
    });
  });

  it('get gives statistics; bookings pages the history newest first; findByPhone takes any format', async () => {
    const w = await world();
    const [g] = await createGuests(w.db, w.restaurant.id, [{ name: 'Stat Guest', phone: '+491701112223' }]);
    await w.visit(g!.id, daysAgo(30), 'completed', 4);
    await w.visit(g!.id, daysAgo(20), 'completed', 2);
    await w.visit(g!.id, daysAgo(10), 'canceled');
    await w.visit(g!.id, daysAgo(5), 'no_show');
    await w.visit(g!.id, new Date(Date.now() + 5 * 86_400_000), 'confirmed');
    await w.db
      .update(guestsTable)
      .set({ visitCount: 2, noShowCount: 1, cancelCount: 1, lastVisitAt: daysAgo(20) })
      .where(eq(guestsTable.id, g!.id));
    const details = await w.api.guests.get.query({ id: g!.id });
    expect(details.stats).toEqual({
      totalVisits: 2,
      upcomingBookings: 1,
      lastVisitAt: details.lastVisitAt,
      cancellationRate: 0.2,
      noShowCount: 1,
      averagePartySize: 3,
    });
    const first = await w.api.guests.bookings.query({ guestId: g!.id, limit: 3 });
    const rest = await w.api.guests.bookings.query({ guestId: g!.id, limit: 3, cursor: first.nextCursor });
    const starts = [...first.items, ...rest.items].map((b) => b.startsAt.getTime());
    expect(starts).toHaveLength(5);
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    expect((await w.api.guests.findByPhone.query({ phone: '0170 111 2223' }))?.id).toBe(g!.id);
    expect(await w.api.guests.findByPhone.query({ phone: '0170 999 9999' })).toBeNull();
    expect((await errorOf(w.api.guests.findByPhone.query({ phone: 'abc' }))).code).toBe('BAD_REQUEST');
  });

  it('merges two records: bookings move, counters add, tags and notes combine, one event', async () => {
    const w = await world();
    const [keep, gone] = await createGuests(w.db, w.restaurant.id, [
      { name: 'Anna Schmidt', phone: '+491701234567', tags: ['VIP'], notes: 'Window.' },
      {
        name: 'A. Schmidt',
        email: 'anna@example.com',
        tags: ['vip', 'allergy: nuts'],
        notes: 'Nut allergy.',
      },
    ]);
    await w.visit(gone!.id, daysAgo(40), 'completed');
    await w.visit(gone!.id, daysAgo(30), 'no_show');
    await w.db
      .update(guestsTable)
      .set({ visitCount: 1, noShowCount: 1, lastVisitAt: daysAgo(40) })
      .where(eq(guestsTable.id, gone!.id));
    const merged = await w.api.guests.merge.mutate({ keepId: keep!.id, mergeId: gone!.id });
    expect(merged).toMatchObject({
      phone: '+491701234567',
      email: 'anna@example.com',
      tags: ['VIP', 'allergy: nuts'],
      notes: 'Window.\n\nNut allergy.',
      visitCount: 1,
      noShowCount: 1,
    });
    const moved = await w.db.select().from(reservations).where(eq(reservations.guestId, keep!.id));
    expect(moved).toHaveLength(2);
    expect(await errorOf(w.api.guests.get.query({ id: gone!.id }))).toMatchObject({ code: 'NOT_FOUND' });
    const same = await errorOf(w.api.guests.merge.mutate({ keepId: keep!.id, mergeId: keep!.id }));
    expect(same.fieldErrors?.mergeId).toEqual(['Choose two different guests.']);
    const staff = await memberOf(server, w.restaurant.id, 'staff');
    expect(
      await errorOf(staff.api.guests.merge.mutate({ keepId: keep!.id, mergeId: gone!.id })),
    ).toMatchObject({
      reason: 'ROLE_REQUIRED',
    });
  });

  it('exports the filtered guests as CSV with a BOM and proper quoting, for the session or a token', async () => {
    const w = await world();
    await createGuests(w.db, w.restaurant.id, [
      { name: 'Müller, Hans', phone: '+491765554443', tags: ['VIP', 'wine'], notes: 'Says "hello"\nalways' },
      { name: 'Zoe Zed' },
    ]);
    const res = await fetch(`${server.url}/export/guests.csv?segment=vip`, { headers: { cookie: w.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="guests-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    // One header line, one guest (the notes keep their quote and line break, quoted per RFC 4180).
    expect(text).toMatch(
      /^Name,Phone,Email,Language,Tags,Visits,No-shows,Cancellations,Last visit,Notes,Created\n"Müller, Hans",\+491765554443,,,"VIP, wine",0,0,0,,"Says ""hello""\nalways",\d{4}-\d{2}-\d{2}T[\d:.]+Z\n$/,
    );

    const owner = await memberOf(server, w.restaurant.id, 'owner');
    const { token } = await owner.api.restaurant.tokens.create.mutate({ name: 'export', role: 'manager' });
    const viaToken = await fetch(`${server.url}/export/guests.csv`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect((await viaToken.text()).trim().split('\n')).toHaveLength(1 + 3);
    expect((await fetch(`${server.url}/export/guests.csv`)).status).toBe(401);
    const staff = await memberOf(server, w.restaurant.id, 'staff');
    expect(
      (await fetch(`${server.url}/export/guests.csv`, { headers: { cookie: staff.cookie } })).status,
    ).toBe(403);
    expect(
      (await fetch(`${server.url}/export/guests.csv?segment=nope`, { headers: { cookie: w.cookie } })).status,
    ).toBe(400);
  });

  it('imports a batch: normalises, deduplicates, reports bad rows, and is idempotent', async () => {
    const w = await world();
    const rows = [
      { name: 'Anna', phone: '0170 1234567', tags: ['VIP'] },
      { name: 'Anna again', phone: '+49 170 1234567', tags: ['regular'], email: 'anna@example.com' },
      { name: 'Bad phone', phone: '12', tags: [] },
      { name: 'Bad mail', email: 'not-an-email', tags: [] },
      { name: 'No Phone', tags: [], lastVisit: '2026-10-01' },
    ];
    const dry = await w.api.guests.import.mutate({ rows, dryRun: true });
    expect(dry).toEqual({
      created: 2,
      updated: 0,
      unchanged: 1,
      errors: [
        { index: 2, field: 'phone', message: expect.stringMatching(/"12" is not a valid phone number/) },
        { index: 3, field: 'email', message: '"not-an-email" is not an e-mail address.' },
      ],
    });
    expect((await w.api.guests.list.query({})).items).toEqual([]);
    expect(await w.api.guests.import.mutate({ rows })).toMatchObject({
      created: 2,
      updated: 0,
      unchanged: 1,
    });
    const anna = (await w.api.guests.list.query({ q: 'Anna' })).items[0]!;
    expect(anna).toMatchObject({
      phone: '+491701234567',
      email: 'anna@example.com',
      tags: ['VIP', 'regular'],
    });
    expect(await w.api.guests.import.mutate({ rows })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect((await w.api.guests.list.query({})).items).toHaveLength(2);
    const noPhone = (await w.api.guests.list.query({ q: 'No Phone' })).items[0]!;
    expect(noPhone.lastVisitAt).toEqual(zonedToInstant('2026-10-01', '12:00', 'Europe/Berlin'));
  });
});
