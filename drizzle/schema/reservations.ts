import { sql } from 'drizzle-orm';
import {
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
import { id, timestamps } from './_columns';
import { reservationSourceEnum, reservationStatusEnum } from './enums';
import { guests } from './guests';
import { restaurants } from './restaurants';
import { users } from './users';

export const reservations = pgTable(
  'reservations',
  {
    id: id(),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    guestId: uuid().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    partySize: integer().notNull(),
    status: reservationStatusEnum().notNull().default('created'),
    source: reservationSourceEnum().notNull().default('staff'),
    specialRequests: text(),
    confirmationCode: text().notNull(),
    /** Optimistic concurrency: every update bumps it; a stale version is a CONFLICT. */
    version: integer().notNull().default(1),
    seriesId: uuid(),
    cancelReason: text(),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: timestamp({ withTimezone: true }),
    seatedAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    canceledAt: timestamp({ withTimezone: true }),
    noShowAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: 'reservations_guest_fk',
      columns: [t.restaurantId, t.guestId],
      foreignColumns: [guests.restaurantId, guests.id],
    }),
    unique('reservations_restaurant_id').on(t.restaurantId, t.id),
    unique('reservations_restaurant_code').on(t.restaurantId, t.confirmationCode),
    index('reservations_restaurant_starts').on(t.restaurantId, t.startsAt),
    index('reservations_guest').on(t.restaurantId, t.guestId, t.startsAt),
    check('reservations_period', sql`${t.endsAt} > ${t.startsAt}`),
    check('reservations_party', sql`${t.partySize} > 0`),
  ],
);
