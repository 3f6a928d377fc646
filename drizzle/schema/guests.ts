import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
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
    /** Exact names (and, with the id, index-only: the guests behind a matching name in order). */
    index('guests_restaurant_name').on(t.restaurantId, t.name, t.id),
    /**
     * Partial phone digits (LIKE '%…%'): trigrams of the phone alone, the restaurant checked on
     * the rows found (with its id as a key, every search read the restaurant's whole posting
     * list — see migration 0010).
     */
    index('guests_phone_trgm').using('gin', t.phone.op('gin_trgm_ops')),
    index('guests_restaurant_last_visit').on(t.restaurantId, t.lastVisitAt),
    index('guests_restaurant_created').on(t.restaurantId, t.createdAt),
    /** The default list order and the CSV export's keyset pages. */
    index('guests_restaurant_lower_name').on(t.restaurantId, sql`lower(${t.name})`, t.id),
  ],
);

/**
 * The distinct guest names of each restaurant, with their search form (lower case, accents
 * dropped, umlauts written out read as the vowel: "Müller" and "Mueller" → "muller")
 * and how many guests carry them. Kept by a trigger on guests (migration 0008), so no write path
 * can forget it. Name search runs over these rather than over every guest: a guest book repeats
 * names ("… Schmidt" hundreds of times), and ranking each repeat cost more than the search.
 */
export const guestNames = pgTable(
  'guest_names',
  {
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    folded: text().notNull(),
    guests: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.restaurantId, t.name] }),
    index('guest_names_folded_trgm').using('gin', t.restaurantId, t.folded.op('gin_trgm_ops')),
  ],
);
