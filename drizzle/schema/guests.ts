import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_columns';
import { restaurants } from './restaurants';

export const guests = pgTable(
  'guests',
  {
    id: id(),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    /** E.164, unique per restaurant when present. */
    phone: text(),
    email: text(),
    language: text(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    notes: text(),
    /** Counters moved in the same transaction as the booking change that moves them. */
    visitCount: integer().notNull().default(0),
    noShowCount: integer().notNull().default(0),
    cancelCount: integer().notNull().default(0),
    lastVisitAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('guests_restaurant_phone').on(t.restaurantId, t.phone).where(sql`${t.phone} is not null`),
    unique('guests_restaurant_id').on(t.restaurantId, t.id),
    index('guests_restaurant_name').on(t.restaurantId, t.name),
    /**
     * Typo-tolerant name search (word similarity, nearest first via the GiST distance order) and
     * partial phone digits (LIKE '%…%'), both within one restaurant (btree_gist for its id).
     */
    index('guests_name_trgm').using('gist', t.restaurantId, t.name.op('gist_trgm_ops')),
    index('guests_phone_trgm').using('gist', t.restaurantId, t.phone.op('gist_trgm_ops')),
    index('guests_restaurant_last_visit').on(t.restaurantId, t.lastVisitAt),
    index('guests_restaurant_created').on(t.restaurantId, t.createdAt),
    /** The default list order and the CSV export's keyset pages. */
    index('guests_restaurant_lower_name').on(t.restaurantId, sql`lower(${t.name})`, t.id),
  ],
);
