import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './_columns';
import { restaurants } from './restaurants';

/**
 * A service on a weekday (Lunch 12:00–15:00). Times are minutes from the day's midnight;
 * `endMinute > 1440` means the service crosses midnight and belongs to the day it started.
 */
export const services = pgTable(
  'services',
  {
    id: id(),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: smallint().notNull(),
    name: text().notNull(),
    startMinute: integer().notNull(),
    endMinute: integer().notNull(),
    /** Last time a party may be seated, minutes from midnight; null = end minus turn time. */
    lastSeatingMinute: integer(),
    ...timestamps,
  },
  (t) => [
    index('services_restaurant_weekday').on(t.restaurantId, t.weekday),
    check('services_weekday', sql`${t.weekday} between 1 and 7`),
    check(
      'services_span',
      sql`${t.startMinute} >= 0 and ${t.startMinute} < 1440 and ${t.endMinute} > ${t.startMinute} and ${t.endMinute} <= ${t.startMinute} + 1440`,
    ),
  ],
);

export type SpecialDayService = {
  name: string;
  startMinute: number;
  endMinute: number;
  lastSeatingMinute?: number | null;
};

/** A date with other hours than its weekday: closed, or its own services. */
export const specialDays = pgTable(
  'special_days',
  {
    id: id(),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    date: date({ mode: 'string' }).notNull(),
    name: text(),
    closed: boolean().notNull().default(false),
    services: jsonb().$type<SpecialDayService[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [unique('special_days_restaurant_date').on(t.restaurantId, t.date)],
);
