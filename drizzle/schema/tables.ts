import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_columns';
import { tableShapeEnum } from './enums';
import { restaurants } from './restaurants';

export const tables = pgTable(
  'tables',
  {
    id: id(),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    section: text(),
    minGuests: integer().notNull().default(1),
    maxGuests: integer().notNull(),
    shape: tableShapeEnum().notNull().default('square'),
    /** Position on the floor plan, in plan units (1 unit = 1 cm). */
    x: integer().notNull().default(0),
    y: integer().notNull().default(0),
    sortOrder: integer().notNull().default(0),
    notes: text(),
    bookableOnline: boolean().notNull().default(true),
    active: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [
    unique('tables_restaurant_name').on(t.restaurantId, t.name),
    /** Target of composite foreign keys: an allocation's table is of the same restaurant. */
    unique('tables_restaurant_id').on(t.restaurantId, t.id),
    index('tables_restaurant_sort').on(t.restaurantId, t.sortOrder),
    check('tables_guests', sql`${t.minGuests} > 0 and ${t.minGuests} <= ${t.maxGuests}`),
  ],
);
