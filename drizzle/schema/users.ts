import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_columns';
import { roleEnum } from './enums';
import { restaurants } from './restaurants';

export const users = pgTable(
  'users',
  {
    id: text().primaryKey(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_lower').on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum().notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.restaurantId, t.userId] }), index('memberships_user').on(t.userId)],
);

/** lucia sessions; the active restaurant is a session attribute (switchable). */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    activeRestaurantId: uuid().references(() => restaurants.id, { onDelete: 'set null' }),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Bearer tokens for scripts and agents: stored as SHA-256, scoped to one restaurant and role. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    restaurantId: uuid()
      .notNull()
      .references(() => restaurants.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    role: roleEnum().notNull(),
    tokenHash: text().notNull(),
    /** First characters of the token, to recognise it in a list. */
    prefix: text().notNull(),
    createdBy: text().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash), index('api_tokens_restaurant').on(t.restaurantId)],
);

/** Failed logins, counted per account and per IP in a sliding window (shared by all processes). */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    key: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_key_at').on(t.key, t.at)],
);
