import { pgConstraint, pgErrorCode, reservations, restaurants, tableAllocations, tables } from '@tobeout/db';
import {
  snapToRoom,
  type TFloor,
  type TTable,
  type TTableCreateInput,
  type TTablesList,
  type TTableUpdateInput,
  tableFootprint,
} from '@tobeout/shared';
import { and, asc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import { changesOf } from '../changes';
import type { Deps, Scope } from '../deps';
import { AppError } from '../errors';
import { type WriteContext, write } from '../write';
import { allocationJoins, periodEnd, tableNames } from './allocations';

type Row = typeof tables.$inferSelect;

export function toTable(row: Row): TTable {
  return {
    id: row.id,
    name: row.name,
    section: row.section,
    minGuests: row.minGuests,
    maxGuests: row.maxGuests,
    shape: row.shape,
    x: row.x,
    y: row.y,
    sortOrder: row.sortOrder,
    notes: row.notes,
    bookableOnline: row.bookableOnline,
    active: row.active,
  };
}

/** A duplicate name is a field error naming the clash, whether found first or by the constraint. */
function duplicateName(name: string) {
  return AppError.field('name', `A table named "${name}" already exists.`, 'DUPLICATE');
}

async function withUniqueName<T>(name: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (name && pgErrorCode(err) === '23505' && pgConstraint(err) === 'tables_restaurant_name')
      throw duplicateName(name);
    throw err;
  }
}

export async function loadFloor(db: Deps['db'] | WriteContext['tx'], restaurantId: string): Promise<TFloor> {
  const [row] = await db
    .select({ width: restaurants.floorWidth, height: restaurants.floorHeight })
    .from(restaurants)
    .where(eq(restaurants.id, restaurantId));
  if (!row) throw AppError.notFound('The restaurant');
  return row;
}

type Placed = { x: number; y: number; shape: TTable['shape']; maxGuests: number };

/** True when the table's footprint (from shape and capacity) does not fit inside the room. */
function outsideRoom(floor: TFloor, t: Placed): boolean {
  const { width, height } = tableFootprint(t.shape, t.maxGuests);
  return (
    t.x - width / 2 < 0 ||
    t.y - height / 2 < 0 ||
    t.x + width / 2 > floor.width ||
    t.y + height / 2 > floor.height
  );
}

function assertInRoom(floor: TFloor, t: Placed, path: string, label: string) {
  if (!outsideRoom(floor, t)) return;
  const { width, height } = tableFootprint(t.shape, t.maxGuests);
  throw AppError.field(
    path,
    `${label} would stand outside the room: its ${width} × ${height} cm must fit in ${floor.width} × ${floor.height} cm around x ${t.x}, y ${t.y}.`,
  );
}

export async function listTables(deps: Deps, scope: Scope, includeInactive: boolean): Promise<TTablesList> {
  const [floor, rows] = await Promise.all([
    loadFloor(deps.db, scope.restaurantId),
    deps.db
      .select()
      .from(tables)
      .where(
        and(
          eq(tables.restaurantId, scope.restaurantId),
          includeInactive ? undefined : eq(tables.active, true),
        ),
      )
      .orderBy(asc(tables.sortOrder), asc(tables.name)),
  ]);
  const sections = [...new Set(rows.filter((r) => r.active && r.section).map((r) => r.section!))];
  return { floor, sections: sections.sort((a, b) => a.localeCompare(b)), items: rows.map(toTable) };
}

export async function getTableRow(
  db: Deps['db'] | WriteContext['tx'],
  scope: Scope,
  id: string,
  lock = false,
) {
  const q = db
    .select()
    .from(tables)
    .where(and(eq(tables.restaurantId, scope.restaurantId), eq(tables.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw AppError.field('id', 'This table does not exist in this restaurant.', 'NOT_FOUND');
  return row;
}

/** A free spot for a new table: the first grid position whose footprint overlaps no other table. */
function freeSpot(floor: TFloor, existing: Row[], size: { width: number; height: number }) {
  const boxes = existing.map((t) => ({ ...tableFootprint(t.shape, t.maxGuests), x: t.x, y: t.y }));
  const gap = 40;
  for (let y = size.height / 2 + gap; y + size.height / 2 <= floor.height; y += 50) {
    for (let x = size.width / 2 + gap; x + size.width / 2 <= floor.width; x += 50) {
      const clear = boxes.every(
        (b) =>
          Math.abs(b.x - x) >= (b.width + size.width) / 2 + gap ||
          Math.abs(b.y - y) >= (b.height + size.height) / 2 + gap,
      );
      if (clear) return { x: Math.round(x), y: Math.round(y) };
    }
  }
  return { x: Math.round(floor.width / 2), y: Math.round(floor.height / 2) };
}

export async function createTable(
  deps: Deps,
  scope: Scope,
  input: TTableCreateInput & { minGuests: number; shape: TTable['shape']; bookableOnline: boolean },
): Promise<TTable> {
  return write(deps, scope, async ({ tx, emit }) => {
    const floor = await loadFloor(tx, scope.restaurantId);
    const existing = await tx
      .select()
      .from(tables)
      .where(and(eq(tables.restaurantId, scope.restaurantId), eq(tables.active, true)));
    if (existing.some((t) => t.name === input.name)) throw duplicateName(input.name);
    let position: { x: number; y: number };
    if (input.x !== undefined && input.y !== undefined) {
      position = { x: input.x, y: input.y };
      assertInRoom(floor, { ...position, shape: input.shape, maxGuests: input.maxGuests }, 'x', 'The table');
    } else position = freeSpot(floor, existing, tableFootprint(input.shape, input.maxGuests));
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${tables.sortOrder}) + 1, 0)::int` })
      .from(tables)
      .where(eq(tables.restaurantId, scope.restaurantId));
    const [row] = await withUniqueName(input.name, () =>
      tx
        .insert(tables)
        .values({
          restaurantId: scope.restaurantId,
          name: input.name,
          section: input.section ?? null,
          minGuests: input.minGuests,
          maxGuests: input.maxGuests,
          shape: input.shape,
          notes: input.notes ?? null,
          bookableOnline: input.bookableOnline,
          sortOrder: next,
          ...position,
        })
        .returning(),
    );
    await emit({
      type: 'table.created',
      entityId: row!.id,
      payload: { name: row!.name, maxGuests: row!.maxGuests },
    });
    return toTable(row!);
  });
}

const EDITABLE = [
  'name',
  'section',
  'minGuests',
  'maxGuests',
  'shape',
  'x',
  'y',
  'notes',
  'bookableOnline',
] as const;

/** Updates the given fields; the event carries the changed ones (old → new). */
export async function updateTable(deps: Deps, scope: Scope, input: TTableUpdateInput): Promise<TTable> {
  return write(deps, scope, async ({ tx, emit }) => {
    const before = await getTableRow(tx, scope, input.id, true);
    const changes: Partial<Row> = {};
    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of EDITABLE) {
      const value = input[key];
      if (value === undefined || value === before[key]) continue;
      (changes as Record<string, unknown>)[key] = value;
      diff[key] = { from: before[key], to: value };
    }
    const merged = { ...before, ...changes };
    if (merged.minGuests > merged.maxGuests) {
      const path = changes.minGuests !== undefined ? 'minGuests' : 'maxGuests';
      throw AppError.field(
        path,
        `Min guests (${merged.minGuests}) must not exceed max guests (${merged.maxGuests}).`,
      );
    }
    const placement = (['x', 'y', 'maxGuests', 'shape'] as const).find((k) => changes[k] !== undefined);
    if (placement && merged.active)
      assertInRoom(await loadFloor(tx, scope.restaurantId), merged, placement, merged.name);
    if (Object.keys(diff).length === 0) return toTable(before);
    const [row] = await withUniqueName(changes.name, () =>
      tx.update(tables).set(changes).where(eq(tables.id, before.id)).returning(),
    );
    await emit({
      type: 'table.updated',
      entityId: row!.id,
      payload: { name: row!.name, changes: diff },
    });
    return toTable(row!);
  });
}

/**
 * Takes a table out of service. It keeps its history (never hard-deleted); a table with upcoming
 * bookings must have them moved first, so no guest is left on a table that no longer exists.
 */
export async function setTableActive(deps: Deps, scope: Scope, id: string, active: boolean): Promise<TTable> {
  return write(deps, scope, async ({ tx, emit }) => {
    const before = await getTableRow(tx, scope, id, true);
    if (before.active === active) return toTable(before);
    if (!active) {
      const upcoming = await tx
        .select({ code: reservations.confirmationCode, startsAt: reservations.startsAt })
        .from(tableAllocations)
        .innerJoin(reservations, allocationJoins.reservation)
        .where(
          and(
            eq(tableAllocations.restaurantId, scope.restaurantId),
            eq(tableAllocations.tableId, id),
            eq(tableAllocations.active, true),
            isNotNull(tableAllocations.reservationId),
            gt(periodEnd, sql`now()`),
            inArray(reservations.status, ['created', 'confirmed', 'seated']),
          ),
        )
        .orderBy(asc(reservations.startsAt))
        .limit(5);
      if (upcoming.length > 0)
        throw new AppError(
          'IN_USE',
          `${before.name} has upcoming bookings (${upcoming.map((u) => u.code).join(', ')}${upcoming.length === 5 ? ', …' : ''}): move or cancel them first.`,
          { details: { bookings: upcoming.map((u) => u.code) } },
        );
    }
    // The room may have shrunk while the table was out of service: bring it back inside.
    const floor = await loadFloor(tx, scope.restaurantId);
    const size = tableFootprint(before.shape, before.maxGuests);
    const position = active
      ? {
          x: snapToRoom(before.x, size.width, floor.width, 1),
          y: snapToRoom(before.y, size.height, floor.height, 1),
        }
      : {};
    const [row] = await tx
      .update(tables)
      .set({ active, ...position })
      .where(eq(tables.id, id))
      .returning();
    await emit({
      type: active ? 'table.reactivated' : 'table.deactivated',
      entityId: id,
      payload: { name: row!.name },
    });
    return toTable(row!);
  });
}

/** Checks that every id is a table of this restaurant; field errors point at the offending index. */
async function assertOwnTables(w: WriteContext, scope: Scope, ids: string[], path: string) {
  const rows = await w.tx
    .select({ id: tables.id, name: tables.name, shape: tables.shape, maxGuests: tables.maxGuests })
    .from(tables)
    .where(and(eq(tables.restaurantId, scope.restaurantId), inArray(tables.id, ids)));
  const own = new Map(rows.map((r) => [r.id, r]));
  const fieldErrors: Record<string, string[]> = {};
  ids.forEach((id, i) => {
    if (!own.has(id)) fieldErrors[`${path}.${i}`] = ['This table does not exist in this restaurant.'];
  });
  if (Object.keys(fieldErrors).length > 0)
    throw new AppError('NOT_FOUND', 'Some tables do not exist in this restaurant.', { fieldErrors });
  return own;
}

/** Sets the display order: the given tables first, in this order; the others keep theirs after. */
export async function reorderTables(deps: Deps, scope: Scope, ids: string[]): Promise<{ ok: true }> {
  return write(deps, scope, async (w) => {
    await assertOwnTables(w, scope, ids, 'ids');
    const rest = await w.tx
      .select({ id: tables.id })
      .from(tables)
      .where(eq(tables.restaurantId, scope.restaurantId))
      .orderBy(asc(tables.sortOrder), asc(tables.name));
    const order = [...ids, ...rest.map((r) => r.id).filter((id) => !ids.includes(id))];
    await w.tx
      .update(tables)
      .set({ sortOrder: sql`array_position(${sql.param(order)}::uuid[], ${tables.id}) - 1` })
      .where(eq(tables.restaurantId, scope.restaurantId));
    await w.emit({
      type: 'tables.reordered',
      payload: { ids, tables: await tableNames(w.tx, scope.restaurantId, ids) },
    });
    return { ok: true as const };
  });
}

/** Renames a section on every table in it (to null: the tables leave the section). */
export async function renameSection(
  deps: Deps,
  scope: Scope,
  input: { from: string; to: string | null },
): Promise<{ updated: number }> {
  return write(deps, scope, async ({ tx, emit }) => {
    const rows = await tx
      .update(tables)
      .set({ section: input.to })
      .where(and(eq(tables.restaurantId, scope.restaurantId), eq(tables.section, input.from)))
      .returning({ id: tables.id });
    if (rows.length === 0) throw AppError.field('from', `There is no section "${input.from}".`, 'NOT_FOUND');
    await emit({
      type: 'tables.sectionRenamed',
      payload: { from: input.from, to: input.to, tables: rows.length },
    });
    return { updated: rows.length };
  });
}

/** Saves the positions of a whole drag session at once: all inside the room, or nothing. */
export async function savePositions(
  deps: Deps,
  scope: Scope,
  positions: { id: string; x: number; y: number }[],
): Promise<{ ok: true }> {
  return write(deps, scope, async (w) => {
    const floor = await loadFloor(w.tx, scope.restaurantId);
    const own = await assertOwnTables(
      w,
      scope,
      positions.map((p) => p.id),
      'positions',
    );
    for (const [i, p] of positions.entries()) {
      const t = own.get(p.id)!;
      assertInRoom(floor, { ...t, ...p }, `positions.${i}`, t.name);
    }
    const values = sql.join(
      positions.map((p) => sql`(${p.id}::uuid, ${p.x}::int, ${p.y}::int)`),
      sql`, `,
    );
    await w.tx.execute(sql`
      update ${tables} set x = v.x, y = v.y, updated_at = now()
      from (values ${values}) as v(id, x, y)
      where ${tables.restaurantId} = ${scope.restaurantId} and ${tables.id} = v.id`);
    await w.emit({
      type: 'tables.moved',
      payload: {
        tables: positions.map((p) => own.get(p.id)!.name),
        positions: positions.map((p) => ({ ...p, name: own.get(p.id)!.name })),
      },
    });
    return { ok: true as const };
  });
}

/** Resizes the room; every active table must still stand inside it. */
export async function setFloor(deps: Deps, scope: Scope, floor: TFloor): Promise<TFloor> {
  return write(deps, scope, async ({ tx, emit }) => {
    const active = await tx
      .select()
      .from(tables)
      .where(and(eq(tables.restaurantId, scope.restaurantId), eq(tables.active, true)))
      .orderBy(asc(tables.name));
    const outside = active.filter((t) => outsideRoom(floor, t));
    if (outside.length > 0) {
      const names = outside.map((t) => t.name).join(', ');
      throw new AppError('VALIDATION', `Move ${names} first: they would be outside the room.`, {
        fieldErrors: { width: [`${names} would be outside the room.`] },
      });
    }
    const before = await loadFloor(tx, scope.restaurantId);
    await tx
      .update(restaurants)
      .set({ floorWidth: floor.width, floorHeight: floor.height })
      .where(eq(restaurants.id, scope.restaurantId));
    await emit({
      type: 'floor.updated',
      entityId: scope.restaurantId,
      payload: {
        ...floor,
        changes: changesOf({ width: [before.width, floor.width], height: [before.height, floor.height] }),
      },
    });
    return floor;
  });
}
