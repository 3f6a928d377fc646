import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps, tstzrange } from './_columns';
import { reservations } from './reservations';
import { restaurants } from './restaurants';
import { tables } from './tables';
import { users } from './users';

/** A maintenance or private-use block over one or more tables. */
export const tableBlocks = pgTable(
  'table_blocks',
  {
    id: id(),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
    /** Set when staff lift the block; its allocations are deactivated, the row stays as history. */
    releasedAt: timestamp({ withTimezone: true }),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    unique('table_blocks_restaurant_id').on(t.restaurantId, t.id),
    check('table_blocks_period', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * A short hold on tables while a guest or agent decides (availability.hold). Its allocations
 * keep others off the tables; once `expiresAt` has passed, the next writer on those tables
 * deactivates them in its own transaction, so an expired hold frees itself.
 */
export const holds = pgTable(
  'holds',
  {
    id: id(),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    partySize: integer().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('holds_restaurant_id').on(t.restaurantId, t.id),
    index('holds_expires').on(t.restaurantId, t.expiresAt),
  ],
);

/**
 * Which table is taken when, and by what. The exclusion constraint
 * `table_allocations_no_overlap` (hand-written migration) makes two active allocations of one
 * table over overlapping periods impossible, whatever the application does.
 */
export const tableAllocations = pgTable(
  'table_allocations',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    restaurantId: uuid().notNull(),
    tableId: uuid().notNull(),
    period: tstzrange().notNull(),
    reservationId: uuid(),
    blockId: uuid(),
    holdId: uuid(),
    active: boolean().notNull().default(true),
  },
  (t) => [
    foreignKey({
      name: 'table_allocations_table_fk',
      columns: [t.restaurantId, t.tableId],
      foreignColumns: [tables.restaurantId, tables.id],
    }),
    foreignKey({
      name: 'table_allocations_reservation_fk',
      columns: [t.restaurantId, t.reservationId],
      foreignColumns: [reservations.restaurantId, reservations.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'table_allocations_block_fk',
      columns: [t.restaurantId, t.blockId],
      foreignColumns: [tableBlocks.restaurantId, tableBlocks.id],
    }).onDelete('cascade'),
    index('table_allocations_reservation').on(t.reservationId),
    foreignKey({
      name: 'table_allocations_hold_fk',
      columns: [t.restaurantId, t.holdId],
      foreignColumns: [holds.restaurantId, holds.id],
    }).onDelete('cascade'),
    index('table_allocations_block').on(t.blockId),
    index('table_allocations_hold').on(t.holdId),
    /** A table's history, newest first, paged by start. */
    index('table_allocations_table_start').on(t.restaurantId, t.tableId, sql`lower(${t.period})`),
    check('table_allocations_owner', sql`num_nonnulls(${t.reservationId}, ${t.blockId}, ${t.holdId}) = 1`),
  ],
);
