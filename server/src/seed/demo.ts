import { randomBytes } from 'node:crypto';
import { type Database, users } from '@tobeout/db';
import { count, sql } from 'drizzle-orm';
import {
  addMembership,
  createCombination,
  createGuests,
  createRestaurant,
  createTables,
  createUser,
  createWeeklyHours,
  type TableSpec,
} from './factories';

const DEMO_TABLES: TableSpec[] = [
  { name: 'T1', section: 'Window', min: 1, max: 2, shape: 'round', x: 120, y: 120 },
  { name: 'T2', section: 'Window', min: 1, max: 2, shape: 'round', x: 120, y: 300 },
  { name: 'T3', section: 'Window', min: 2, max: 4, shape: 'square', x: 120, y: 480 },
  { name: 'T4', section: 'Window', min: 2, max: 4, shape: 'square', x: 120, y: 660 },
  { name: 'T5', section: 'Main', min: 2, max: 4, shape: 'square', x: 380, y: 150 },
  { name: 'T6', section: 'Main', min: 2, max: 4, shape: 'square', x: 380, y: 330 },
  { name: 'T7', section: 'Main', min: 4, max: 6, shape: 'rectangle', x: 450, y: 520 },
  { name: 'T8', section: 'Main', min: 4, max: 8, shape: 'rectangle', x: 500, y: 680 },
  { name: 'T9', section: 'Terrace', min: 2, max: 4, shape: 'round', x: 1000, y: 150 },
  { name: 'T10', section: 'Terrace', min: 2, max: 4, shape: 'round', x: 1000, y: 330 },
  { name: 'T11', section: 'Terrace', min: 2, max: 6, shape: 'rectangle', x: 1000, y: 520 },
  { name: 'Bar', section: 'Bar', min: 1, max: 2, shape: 'rectangle', x: 760, y: 120 },
];

const DEMO_GUESTS = [
  { name: 'Anna Schmidt', phone: '+491701234567', email: 'anna@example.com', language: 'de', tags: ['VIP'] },
  { name: 'Jonas Weber', phone: '+491609876543', language: 'de', tags: ['regular'] },
  {
    name: 'Maria Rossi',
    phone: '+393331234567',
    email: 'maria@example.com',
    language: 'it',
    tags: ['allergy: nuts'],
    notes: 'Severe nut allergy.',
  },
  { name: 'James Miller', phone: '+447700900123', language: 'en' },
  { name: 'Lea Fischer', phone: '+491511112223', language: 'de' },
];

export type FirstRun = { email: string; password: string; generated: boolean; restaurantName: string } | null;

/**
 * On the very first start (no users yet): the owner account and a restaurant — with tables,
 * opening hours and a few guests when `demo` is on. Returns what to print, or null.
 */
export async function seedFirstRun(
  db: Database,
  opts: { email: string; password?: string | undefined; demo: boolean },
): Promise<FirstRun> {
  const password = opts.password ?? randomBytes(12).toString('base64url');
  const seeded = await db.transaction(async (tx) => {
    // Two processes starting at once on one PostgreSQL must not both seed.
    await tx.execute(sql`select pg_advisory_xact_lock(7317001)`);
    const [row] = await tx.select({ n: count() }).from(users);
    if ((row?.n ?? 0) > 0) return null;
    const restaurant = await createRestaurant(tx, {
      name: opts.demo ? 'ToBeOut Demo Bistro' : 'My Restaurant',
      address: opts.demo ? 'Torstraße 1, 10119 Berlin' : null,
      cuisine: opts.demo ? 'Modern European' : null,
    });
    const owner = await createUser(tx, { email: opts.email, name: 'Admin', password });
    await addMembership(tx, restaurant.id, owner.id, 'owner');
    if (opts.demo) {
      await createWeeklyHours(tx, restaurant.id);
      const demoTables = await createTables(tx, restaurant.id, DEMO_TABLES);
      await createCombination(
        tx,
        restaurant.id,
        'T5+T6',
        demoTables.filter((t) => ['T5', 'T6'].includes(t.name)),
        {
          minGuests: 5,
          maxGuests: 8,
        },
      );
      await createGuests(tx, restaurant.id, DEMO_GUESTS);
    }
    return restaurant;
  });
  if (!seeded) return null;
  return { email: opts.email, password, generated: !opts.password, restaurantName: seeded.name };
}
