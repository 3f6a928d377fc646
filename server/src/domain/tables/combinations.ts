import { pgConstraint, pgErrorCode, tableCombinationMembers, tableCombinations, tables } from '@tobeout/db';
import type { TCombination } from '@tobeout/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { changesOf } from '../changes';
import type { Deps, Scope } from '../deps';
import { AppError } from '../errors';
import { type WriteContext, write } from '../write';
import { tableNames } from './allocations';

type Input = { name: string; tableIds: string[]; minGuests: number; maxGuests: number };

export async function listCombinations(
  db: Deps['db'] | WriteContext['tx'],
  restaurantId: string,
  ids?: string[],
): Promise<TCombination[]> {
  const rows = await db
    .select({
      id: tableCombinations.id,
      name: tableCombinations.name,
      minGuests: tableCombinations.minGuests,
      maxGuests: tableCombinations.maxGuests,
      tableId: tableCombinationMembers.tableId,
      tableActive: tables.active,
    })
    .from(tableCombinations)
    .innerJoin(
      tableCombinationMembers,
      and(
        eq(tableCombinationMembers.restaurantId, tableCombinations.restaurantId),
        eq(tableCombinationMembers.combinationId, tableCombinations.id),
      ),
    )
    .innerJoin(
      tables,
      and(
        eq(tables.restaurantId, tableCombinationMembers.restaurantId),
        eq(tables.id, tableCombinationMembers.tableId),
      ),
    )
    .where(
      and(
        eq(tableCombinations.restaurantId, restaurantId),
        ids ? inArray(tableCombinations.id, ids) : undefined,
      ),
    )
    .orderBy(asc(tableCombinations.name), asc(tables.sortOrder), asc(tables.name));
  const byId = new Map<string, TCombination>();
  for (const r of rows) {
    let c = byId.get(r.id);
    if (!c) {
      c = {
        id: r.id,
        name: r.name,
        minGuests: r.minGuests,
        maxGuests: r.maxGuests,
        tableIds: [],
        usable: true,
      };
      byId.set(r.id, c);
    }
    c.tableIds.push(r.tableId);
    c.usable &&= r.tableActive;
  }
  return [...byId.values()];
}

/**
 * All member tables must be active tables of this restaurant, and the combination must not
 * promise more seats than its tables have together.
 */
async function validateMembers(w: WriteContext, scope: Scope, input: Input) {
  const rows = await w.tx
    .select({ id: tables.id, name: tables.name, active: tables.active, maxGuests: tables.maxGuests })
    .from(tables)
    .where(and(eq(tables.restaurantId, scope.restaurantId), inArray(tables.id, input.tableIds)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fieldErrors: Record<string, string[]> = {};
  input.tableIds.forEach((id, i) => {
    const t = byId.get(id);
    if (!t) fieldErrors[`tableIds.${i}`] = ['This table does not exist in this restaurant.'];
    else if (!t.active) fieldErrors[`tableIds.${i}`] = [`${t.name} is deactivated.`];
  });
  if (Object.keys(fieldErrors).length > 0)
    throw new AppError(
      'VALIDATION',
      'Every table of a combination must be an active table of this restaurant.',
      {
        fieldErrors,
      },
    );
  const seats = rows.reduce((n, r) => n + r.maxGuests, 0);
  if (input.maxGuests > seats)
    throw AppError.field('maxGuests', `These tables seat at most ${seats} together.`);
}

function duplicateName(err: unknown, name: string | undefined): never {
  if (name && pgErrorCode(err) === '23505' && pgConstraint(err) === 'table_combinations_restaurant_name')
    throw AppError.field('name', `A combination named "${name}" already exists.`, 'DUPLICATE');
  throw err;
}

export async function createCombination(deps: Deps, scope: Scope, input: Input): Promise<TCombination> {
  return write(deps, scope, async (w) => {
    await validateMembers(w, scope, input);
    const [row] = await w.tx
      .insert(tableCombinations)
      .values({
        restaurantId: scope.restaurantId,
        name: input.name,
        minGuests: input.minGuests,
        maxGuests: input.maxGuests,
      })
      .returning()
      .catch((err) => duplicateName(err, input.name));
    await w.tx.insert(tableCombinationMembers).values(
      input.tableIds.map((tableId) => ({
        restaurantId: scope.restaurantId,
        combinationId: row!.id,
        tableId,
      })),
    );
    await w.emit({
      type: 'combination.created',
      entityId: row!.id,
      payload: {
        name: input.name,
        tables: await tableNames(w.tx, scope.restaurantId, input.tableIds),
        minGuests: input.minGuests,
        maxGuests: input.maxGuests,
      },
    });
    const [created] = await listCombinations(w.tx, scope.restaurantId, [row!.id]);
    return created!;
  });
}

export async function updateCombination(
  deps: Deps,
  scope: Scope,
  input: Partial<Input> & { id: string },
): Promise<TCombination> {
  return write(deps, scope, async (w) => {
    const [before] = await listCombinations(w.tx, scope.restaurantId, [input.id]);
    if (!before)
      throw AppError.field('id', 'This combination does not exist in this restaurant.', 'NOT_FOUND');
    const merged: Input = {
      name: input.name ?? before.name,
      tableIds: input.tableIds ?? before.tableIds,
      minGuests: input.minGuests ?? before.minGuests,
      maxGuests: input.maxGuests ?? before.maxGuests,
    };
    if (merged.minGuests > merged.maxGuests)
      throw AppError.field(
        input.minGuests !== undefined ? 'minGuests' : 'maxGuests',
        `Min guests (${merged.minGuests}) must not exceed max guests (${merged.maxGuests}).`,
      );
    await validateMembers(w, scope, merged);
    await w.tx
      .update(tableCombinations)
      .set({ name: merged.name, minGuests: merged.minGuests, maxGuests: merged.maxGuests })
      .where(and(eq(tableCombinations.restaurantId, scope.restaurantId), eq(tableCombinations.id, input.id)))
      .catch((err) => duplicateName(err, input.name));
    if (input.tableIds) {
      await w.tx.delete(tableCombinationMembers).where(eq(tableCombinationMembers.combinationId, input.id));
      await w.tx.insert(tableCombinationMembers).values(
        input.tableIds.map((tableId) => ({
          restaurantId: scope.restaurantId,
          combinationId: input.id,
          tableId,
        })),
      );
    }
    const [after] = await listCombinations(w.tx, scope.restaurantId, [input.id]);
    const changes = changesOf({
      name: [before.name, after!.name],
      tables: [
        await tableNames(w.tx, scope.restaurantId, before.tableIds),
        await tableNames(w.tx, scope.restaurantId, after!.tableIds),
      ],
      minGuests: [before.minGuests, after!.minGuests],
      maxGuests: [before.maxGuests, after!.maxGuests],
    });
    await w.emit({
      type: 'combination.updated',
      entityId: input.id,
      payload: { name: after!.name, changes },
    });
    return after!;
  });
}

/** A combination is only a template for seating: deleting it touches no booking. */
export async function deleteCombination(deps: Deps, scope: Scope, id: string): Promise<{ ok: true }> {
  return write(deps, scope, async ({ tx, emit }) => {
    const deleted = await tx
      .delete(tableCombinations)
      .where(and(eq(tableCombinations.restaurantId, scope.restaurantId), eq(tableCombinations.id, id)))
      .returning({ name: tableCombinations.name });
    if (deleted.length === 0)
      throw AppError.field('id', 'This combination does not exist in this restaurant.', 'NOT_FOUND');
    await emit({
      type: 'combination.deleted',
      entityId: id,
      payload: { name: deleted[0]!.name },
    });
    return { ok: true as const };
  });
}
