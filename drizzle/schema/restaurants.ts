import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_columns';

/** Turn time by party size: parties of `minParty..maxParty` keep the table `minutes`. */
export type TurnTimeRule = { minParty: number; maxParty: number; minutes: number };

export const restaurants = pgTable(
  'restaurants',
  {
    id: id(),
    name: text().notNull(),
    address: text(),
    phone: text(),
    email: text(),
    website: text(),
    cuisine: text(),
    priceRange: integer(),
    /** ISO 3166 alpha-2 country, the default region for guest phone numbers. */
    country: text().notNull().default('DE'),
    timezone: text().notNull(),
    slotIntervalMin: integer().notNull().default(30),
    defaultDurationMin: integer().notNull().default(120),
    turnTimes: jsonb().$type<TurnTimeRule[]>().notNull().default([]),
    bookingHorizonDays: integer().notNull().default(90),
    minLeadTimeMin: integer().notNull().default(0),
    noShowGraceMin: integer().notNull().default(15),
    /** Max covers starting per slot; null = no pacing. */
    pacingMaxCovers: integer(),
    /** The dining room's size on the floor plan, in plan units (1 unit = 1 cm). */
    floorWidth: integer().notNull().default(1200),
    floorHeight: integer().notNull().default(800),
    ...timestamps,
  },
  (t) => [
    check('restaurants_slot_interval', sql`${t.slotIntervalMin} between 5 and 120`),
    check('restaurants_price_range', sql`${t.priceRange} between 1 and 4`),
    check(
      'restaurants_floor_size',
      sql`${t.floorWidth} between 200 and 10000 and ${t.floorHeight} between 200 and 10000`,
    ),
  ],
);
