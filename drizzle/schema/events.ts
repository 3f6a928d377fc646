import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { xid8 } from './_columns';
import { restaurants } from './restaurants';

export type EventActor = { kind: 'user' | 'token' | 'system'; id: string | null; name: string };

/**
 * The audit log, the outbox for live updates and the resume point for subscribers.
 * `txId` is the writing transaction's id: readers order by (txId, id) and only read below the
 * oldest running transaction, so an event committed late is never skipped (see events/feed.ts).
 */
export const events = pgTable(
  'events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    txId: xid8().notNull().default(sql`pg_current_xact_id()`),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    type: text().notNull(),
    entity: text().notNull(),
    entityId: text(),
    actor: jsonb().$type<EventActor>().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_restaurant_cursor').on(t.restaurantId, t.txId, t.id),
    index('events_restaurant_at').on(t.restaurantId, t.at),
    /** One entity's history (a booking's, a guest's). */
    index('events_restaurant_entity').on(t.restaurantId, t.entity, t.entityId),
  ],
);

/** Create operations with an idempotency key: same key + same request → the first result. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    operation: text().notNull(),
    requestHash: text().notNull(),
    response: jsonb().$type<unknown>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.restaurantId, t.key] })],
);
