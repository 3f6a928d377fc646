import { randomBytes } from 'node:crypto';
import {
  type DbOrTx,
  guests,
  memberships,
  reservations,
  restaurants,
  services,
  tableAllocations,
  tableCombinationMembers,
  tableCombinations,
  tables,
  users,
} from '@tobeout/db';
import { HOLDS_TABLE, type TReservationStatus, type TRole, type TTableShape } from '@tobeout/shared';
import { generateIdFromEntropySize } from 'lucia';
import { hashPassword } from '../auth/password';

/** Row factories shared by the demo seed and the tests (one way to make a restaurant). */
export async function createRestaurant(
  db: DbOrTx,
  values: Partial<typeof restaurants.$inferInsert> = {},
): Promise<typeof restaurants.$inferSelect> {
  const [row] = await db
    .insert(restaurants)
    .values({
      name: 'Test Bistro',
      timezone: 'Europe/Berlin',
      country: 'DE',
      turnTimes: [
        { minParty: 1, maxParty: 2, minutes: 90 },
        { minParty: 3, maxParty: 4, minutes: 120 },
        { minParty: 5, maxParty: 100, minutes: 150 },
      ],
      ...values,
    })
    .returning();
  return row!;
}

export async function createUser(
  db: DbOrTx,
  values: { email: string; name?: string; password: string },
): Promise<{ id: string; email: string; name: string }> {
  const id = generateIdFromEntropySize(10);
  const name = values.name ?? values.email.split('@')[0]!;
  await db
    .insert(users)
    .values({ id, email: values.email, name, passwordHash: await hashPassword(values.password) });
  return { id, email: values.email, name };
}

export async function addMembership(
  db: DbOrTx,
  restaurantId: string,
  userId: string,
  role: TRole,
): Promise<void> {
  await db.insert(memberships).values({ restaurantId, userId, role });
}

/** Lunch Tue–Sun 12:00–15:00, dinner Tue–Sun 18:00–23:00 (Fri/Sat until 00:30). */
export async function createWeeklyHours(db: DbOrTx, restaurantId: string): Promise<void> {
  const rows: (typeof services.$inferInsert)[] = [];
  for (let weekday = 2; weekday <= 7; weekday++) {
    rows.push({ restaurantId, weekday, name: 'Lunch', startMinute: 12 * 60, endMinute: 15 * 60 });
    const late = weekday === 5 || weekday === 6;
    rows.push({
      restaurantId,
      weekday,
      name: 'Dinner',
      startMinute: 18 * 60,
      endMinute: late ? 24 * 60 + 30 : 23 * 60,
    });
  }
  await db.insert(services).values(rows);
}

export type TableSpec = {
  name: string;
  section: string;
  min: number;
  max: number;
  shape: TTableShape;
  x: number;
  y: number;
};

export async function createTables(db: DbOrTx, restaurantId: string, specs: TableSpec[]) {
  return db
    .insert(tables)
    .values(
      specs.map((t, i) => ({
        restaurantId,
        name: t.name,
        section: t.section,
        minGuests: t.min,
        maxGuests: t.max,
        shape: t.shape,
        x: t.x,
        y: t.y,
        sortOrder: i,
      })),
    )
    .returning();
}

export async function createGuests(
  db: DbOrTx,
  restaurantId: string,
  list: {
    name: string;
    phone?: string;
    email?: string;
    language?: string;
    tags?: string[];
    notes?: string;
  }[],
) {
  return db
    .insert(guests)
    .values(list.map((g) => ({ restaurantId, ...g })))
    .returning();
}

export async function createCombination(
  db: DbOrTx,
  restaurantId: string,
  name: string,
  members: { id: string }[],
  guests: { minGuests: number; maxGuests: number },
) {
  const [row] = await db
    .insert(tableCombinations)
    .values({ restaurantId, name, ...guests })
    .returning();
  await db
    .insert(tableCombinationMembers)
    .values(members.map((t) => ({ restaurantId, combinationId: row!.id, tableId: t.id })));
  return row!;
}

/**
 * A reservation with its table allocations, written directly (for seeds, tests and benchmarks
 * that need history; the product books through the bookings domain).
 */
export async function createReservation(
  db: DbOrTx,
  values: {
    restaurantId: string;
    guestId: string;
    tableIds: string[];
    startsAt: Date;
    endsAt: Date;
    partySize: number;
    status?: TReservationStatus;
  },
) {
  const status = values.status ?? 'confirmed';
  const [row] = await db
    .insert(reservations)
    .values({
      restaurantId: values.restaurantId,
      guestId: values.guestId,
      startsAt: values.startsAt,
      endsAt: values.endsAt,
      partySize: values.partySize,
      status,
      confirmationCode: randomBytes(4).toString('hex').toUpperCase(),
    })
    .returning();
  await db.insert(tableAllocations).values(
    values.tableIds.map((tableId) => ({
      restaurantId: values.restaurantId,
      tableId,
      reservationId: row!.id,
      period: `[${values.startsAt.toISOString()},${values.endsAt.toISOString()})`,
      active: HOLDS_TABLE[status],
    })),
  );
  return row!;
}
