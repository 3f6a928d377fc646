import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createDb,
  DataDirLockedError,
  guestNames,
  guests,
  pgErrorCode,
  queryRows,
  reservations,
  restaurants,
  tableAllocations,
  tableBlocks,
  tables,
} from '../src/index';
import { createTestDb, testDatabaseUrl, testDbKinds } from '../src/testing';

describe.each(testDbKinds)('schema on %s', (kind) => {
  it('migrates to the latest level and refuses overlapping active allocations', async () => {
    const h = await createTestDb(kind);
    try {
      const level = await h.migrationLevel();
      expect(level.pending).toBe(0);
      expect(level.latest).toMatch(/^\d{4}_/);

      const [r] = await h.db.insert(restaurants).values({ name: 'R', timezone: 'Europe/Berlin' }).returning();
      const [t] = await h.db
        .insert(tables)
        .values({ restaurantId: r!.id, name: 'T1', maxGuests: 4 })
        .returning();
      const [g] = await h.db.insert(guests).values({ restaurantId: r!.id, name: 'G' }).returning();
      const booking = async (from: string, to: string) => {
        const [res] = await h.db
          .insert(reservations)
          .values({
            restaurantId: r!.id,
            guestId: g!.id,
            startsAt: new Date(from),
            endsAt: new Date(to),
            partySize: 2,
            confirmationCode: `C${Math.random()}`,
          })
          .returning();
        await h.db.insert(tableAllocations).values({
          restaurantId: r!.id,
          tableId: t!.id,
          reservationId: res!.id,
          period: `[${from},${to})`,
        });
      };
      await booking('2026-06-01T18:00:00Z', '2026-06-01T20:00:00Z');
      // back to back is fine: ranges are half-open
      await booking('2026-06-01T20:00:00Z', '2026-06-01T21:00:00Z');
      const err = await booking('2026-06-01T19:00:00Z', '2026-06-01T21:00:00Z').catch((e: unknown) => e);
      expect(pgErrorCode(err)).toBe('23P01');

      // a block over a booking is refused by the same constraint
      const [b] = await h.db
        .insert(tableBlocks)
        .values({ restaurantId: r!.id, startsAt: new Date(), endsAt: new Date(Date.now() + 1), reason: 'x' })
        .returning();
      const blockErr = await h.db
        .insert(tableAllocations)
        .values({
          restaurantId: r!.id,
          tableId: t!.id,
          blockId: b!.id,
          period: '[2026-06-01T17:00:00Z,2026-06-01T18:30:00Z)',
        })
        .catch((e: unknown) => e);
      expect(pgErrorCode(blockErr)).toBe('23P01');

      // min > max is refused by a CHECK
      const checkErr = await h.db
        .insert(tables)
        .values({ restaurantId: r!.id, name: 'T2', minGuests: 5, maxGuests: 2 })
        .catch((e: unknown) => e);
      expect(pgErrorCode(checkErr)).toBe('23514');

      // an allocation cannot point at another restaurant's table
      const [r2] = await h.db.insert(restaurants).values({ name: 'R2', timezone: 'UTC' }).returning();
      const fkErr = await h.db
        .insert(tableAllocations)
        .values({
          restaurantId: r2!.id,
          tableId: t!.id,
          blockId: b!.id,
          period: '[2026-07-01T17:00:00Z,2026-07-01T18:00:00Z)',
        })
        .catch((e: unknown) => e);
      expect(pgErrorCode(fkErr)).toBe('23503');

      const rows = await queryRows<{ n: number }>(
        h.db,
        sql`select count(*)::int as n from table_allocations`,
      );
      expect(rows[0]?.n).toBe(2);
    } finally {
      await h.close();
    }
  });
});

describe.each(testDbKinds)('guest name index on %s', (kind) => {
  it('keeps one row per distinct name with its count and search form, through inserts, renames and deletes', async () => {
    const h = await createTestDb(kind);
    try {
      const [r] = await h.db.insert(restaurants).values({ name: 'R', timezone: 'Europe/Berlin' }).returning();
      const names = () =>
        h.db
          .select({ name: guestNames.name, folded: guestNames.folded, guests: guestNames.guests })
          .from(guestNames)
          .orderBy(guestNames.name);
      const rows = await h.db
        .insert(guests)
        .values(
          ['Anna Müller', 'Anna Müller', 'Piotr Wiśniewski', 'Łukasz Groß'].map((name) => ({
            restaurantId: r!.id,
            name,
          })),
        )
        .returning();
      expect(await names()).toEqual([
        { name: 'Anna Müller', folded: 'anna muller', guests: 2 },
        { name: 'Piotr Wiśniewski', folded: 'piotr wisniewski', guests: 1 },
        { name: 'Łukasz Groß', folded: 'lukasz gross', guests: 1 },
      ]);
      // A rename moves one count; a counter update does not touch the index.
      await h.db.update(guests).set({ name: 'Anna Mueller' }).where(sql`${guests.id} = ${rows[0]!.id}`);
      await h.db.update(guests).set({ visitCount: 3 }).where(sql`${guests.id} = ${rows[1]!.id}`);
      await h.db.delete(guests).where(sql`${guests.id} in (${rows[1]!.id}, ${rows[2]!.id})`);
      expect(await names()).toEqual([
        { name: 'Anna Mueller', folded: 'anna muller', guests: 1 },
        { name: 'Łukasz Groß', folded: 'lukasz gross', guests: 1 },
      ]);
    } finally {
      await h.close();
    }
  });

  it('guest_name_matches: folded spellings, typos, substrings and short terms, the same on every call', async () => {
    const h = await createTestDb(kind);
    try {
      const [r, other] = await h.db
        .insert(restaurants)
        .values([
          { name: 'R', timezone: 'Europe/Berlin' },
          { name: 'Other', timezone: 'Europe/Berlin' },
        ])
        .returning();
      const names = [
        'Anna Müller',
        'Hans Schmidt',
        'Jonas Weber',
        'Mia Lang',
        'Lena Langer',
        'Jürgen Müller-Lang',
      ];
      await h.db
        .insert(guests)
        .values([
          ...names.map((name) => ({ restaurantId: r!.id, name })),
          { restaurantId: other!.id, name: 'Anna Müller' },
        ]);
      const matches = (term: string) =>
        queryRows<{ name: string; distance: number }>(
          h.db,
          sql`select name, round(distance::numeric, 2)::float8 as distance
              from guest_name_matches(${r!.id}, ${term}, ${`%${term}%`}) order by distance, name`,
        );
      const expected = {
        // 'ue' reads as 'ü'; a word of the name is distance 0.
        Mueller: [
          { name: 'Anna Müller', distance: 0 },
          { name: 'Jürgen Müller-Lang', distance: 0 },
        ],
        Schmitt: [{ name: 'Hans Schmidt', distance: 0.38 }],
        Webr: [{ name: 'Jonas Weber', distance: 0.4 }],
        // Too little alike to pass the similarity threshold, found as a substring.
        ang: [
          { name: 'Jürgen Müller-Lang', distance: 0.5 },
          { name: 'Mia Lang', distance: 0.5 },
          { name: 'Lena Langer', distance: 0.75 },
        ],
        // Under three characters: substring only.
        mü: [
          { name: 'Anna Müller', distance: 0.33 },
          { name: 'Jürgen Müller-Lang', distance: 0.33 },
        ],
        Zander: [],
      };
      // More calls than PostgreSQL plans with each call's values before it may keep a generic plan.
      for (let i = 0; i < 7; i++) {
        for (const [term, rows] of Object.entries(expected)) expect(await matches(term)).toEqual(rows);
      }
    } finally {
      await h.close();
    }
  });
});

describe.skipIf(!testDatabaseUrl)('migrations on PostgreSQL', () => {
  it('four processes starting at once on a new database: one migrates, the others wait and find it done', async () => {
    const admin = postgres(testDatabaseUrl!, { max: 1, onnotice: () => {} });
    const name = `tobeout_migrate_${process.pid}_${Date.now()}`;
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(testDatabaseUrl!);
    url.pathname = `/${name}`;
    try {
      const handles = await Promise.all(
        [1, 2, 3, 4].map(() => createDb({ databaseUrl: url.toString(), poolSize: 2 })),
      );
      const levels = await Promise.all(handles.map((h) => h.migrationLevel()));
      await Promise.all(handles.map((h) => h.close()));
      expect(levels.map((l) => l.pending)).toEqual([0, 0, 0, 0]);
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});

describe('PGlite data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tobeout-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second opener with a clear error and persists across reopen', async () => {
    const a = await createDb({ dataDir: dir });
    await expect(createDb({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    await a.db.insert(restaurants).values({ name: 'Kept', timezone: 'UTC' });
    await a.close();
    const b = await createDb({ dataDir: dir });
    const rows = await b.db.select().from(restaurants);
    expect(rows.map((r) => r.name)).toEqual(['Kept']);
    await b.close();
  });
});
