import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
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

/** A named set of tables pushed together for large parties, with its own party-size range. */
export const tableCombinations = pgTable(
  'table_combinations',
  {
    id: id(),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    minGuests: integer().notNull(),
    maxGuests: integer().notNull(),
    ...timestamps,
  },
  (t) => [
    unique('table_combinations_restaurant_name').on(t.restaurantId, t.name),
    unique('table_combinations_restaurant_id').on(t.restaurantId, t.id),
    check('table_combinations_guests', sql`${t.minGuests} > 0 and ${t.minGuests} <= ${t.maxGuests}`),
  ],
);

/** Member tables of a combination; composite keys keep every member in the combination's restaurant. */
export const tableCombinationMembers = pgTable(
  'table_combination_members',
  {
    restaurantId: uuid().notNull(),
    combinationId: uuid().notNull(),
    tableId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.combinationId, t.tableId] }),
    foreignKey({
      name: 'table_combination_members_combination_fk',
      columns: [t.restaurantId, t.combinationId],
      foreignColumns: [tableCombinations.restaurantId, tableCombinations.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'table_combination_members_table_fk',
      columns: [t.restaurantId, t.tableId],
      foreignColumns: [tables.restaurantId, tables.id],
    }),
    index('table_combination_members_table').on(t.restaurantId, t.tableId),
  ],
);
