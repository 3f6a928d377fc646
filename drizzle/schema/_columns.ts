import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column helpers (one definition, used by every table). */
export const id = () => uuid().primaryKey().defaultRandom();

export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/** PostgreSQL tstzrange, written and read as its text form `[from,to)`. */
export const tstzrange = customType<{ data: string; driverData: string }>({
  dataType: () => 'tstzrange',
});

/** 64-bit transaction id (`pg_current_xact_id()`), kept as a decimal string. */
export const xid8 = customType<{ data: string; driverData: string }>({
  dataType: () => 'xid8',
  fromDriver: (v) => String(v),
});
