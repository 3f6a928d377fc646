import { testDbKinds } from '@tobeout/db/testing';
import { describe, expect, it } from 'vitest';
import { createGuests } from '../src/seed/factories';
import { restaurantWithMember } from './harness';
import { serverForSuite } from './suite';

/** guests.list search beyond the basics in guests.test.ts: filters, pages, short terms, scope. */
describe.each(testDbKinds)('guest search on %s', (kind) => {
  const server = serverForSuite(kind);

  async function world() {
    const owner = await restaurantWithMember(server, 'staff');
    const db = server.app.db.db;
    return { ...owner, db };
  }

  it('a name search with filters ranks, filters and pages without gaps or repeats', async () => {
    const w = await world();
    await createGuests(w.db, w.restaurant.id, [
      ...Array.from({ length: 5 }, (_, i) => ({ name: 'Anna Schmidt', language: i % 2 ? 'en' : 'de' })),
      { name: 'Anna Schmid', language: 'de', tags: ['VIP'] },
      { name: 'Hans Schmitt', language: 'de' },
      { name: 'Jonas Weber', language: 'de' },
    ]);
    const all = async (input: { q: string; language?: string; segment?: 'vip' }, limit: number) => {
      const names: string[] = [];
      const ids = new Set<string>();
      let cursor: string | null = null;
      do {
        const page = await w.api.guests.list.query({ ...input, limit, cursor });
        for (const g of page.items) {
          names.push(g.name);
          ids.add(g.id);
        }
        cursor = page.nextCursor;
      } while (cursor);
      expect(ids.size).toBe(names.length);
      return names;
    };
    const schmidt = await all({ q: 'Schmidt' }, 2);
    expect(schmidt.slice(0, 5)).toEqual(Array(5).fill('Anna Schmidt'));
    expect(schmidt.slice(5).sort()).toEqual(['Anna Schmid', 'Hans Schmitt']);
    expect(await all({ q: 'Schmidt', language: 'de' }, 2)).toEqual([
      ...Array(3).fill('Anna Schmidt'),
      ...schmidt.slice(5),
    ]);
    expect(await all({ q: 'Schmidt', segment: 'vip' }, 2)).toEqual(['Anna Schmid']);
    // A chosen column sorts the matches by it instead of by distance.
    const byName = await w.api.guests.list.query({ q: 'schmit', sort: 'name', dir: 'desc' });
    expect(byName.items.map((g) => g.name)).toEqual([
      'Hans Schmitt',
      ...Array(5).fill('Anna Schmidt'),
      'Anna Schmid',
    ]);
  });

  it('short terms match by substring, the same on every call; LIKE characters are literal', async () => {
    const w = await world();
    await createGuests(w.db, w.restaurant.id, [
      { name: 'Jürgen Müller' },
      { name: 'Ida Kaya' },
      { name: 'Ben 100% Braun' },
      { name: 'Mia_Lang' },
    ]);
    const names = async (q: string) => (await w.api.guests.list.query({ q })).items.map((g) => g.name).sort();
    // More calls than PostgreSQL plans for their values before it may keep a generic plan.
    for (let i = 0; i < 7; i++) {
      expect(await names('mü')).toEqual(['Jürgen Müller']);
      expect(await names('Ka')).toEqual(['Ida Kaya']);
      expect(await names('Lang')).toEqual(['Mia_Lang']);
    }
    expect(await names('%')).toEqual(['Ben 100% Braun']);
    expect(await names('a_L')).toEqual(['Mia_Lang']);
    expect(await names('zz')).toEqual([]);
  });

  it("finds only the restaurant's own guests by name and by phone", async () => {
    const a = await world();
    const b = await world();
    await createGuests(a.db, a.restaurant.id, [{ name: 'Clara Vogel', phone: '+4915112345678' }]);
    await createGuests(b.db, b.restaurant.id, [{ name: 'Clara Vogel', phone: '+4915112345679' }]);
    const [own] = (await a.api.guests.list.query({ q: 'Vogl' })).items;
    const byPhone = (await a.api.guests.list.query({ q: '0151 1234567' })).items;
    expect(byPhone.map((g) => g.id)).toEqual([own!.id]);
    expect((await a.api.guests.list.query({ q: 'Clara Vogel' })).items).toHaveLength(1);
    expect((await b.api.guests.list.query({ q: '567' })).items.map((g) => g.phone)).toEqual([
      '+4915112345679',
    ]);
  });
});
