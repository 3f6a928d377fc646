import { guests, reservations, tableAllocations, tableBlocks, tables } from '@tobeout/db';
import {
  addDays,
  instantToLocalDateTime,
  servicesOn,
  serviceWindow,
  type TTableDetails,
  type TTableHistoryItem,
  type TUtilisation,
  zonedToInstant,
} from '@tobeout/shared';
import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Deps, Scope } from '../deps';
import { AppError } from '../errors';
import { type HoursRules, loadHoursRules } from '../rules';
import { allocationJoins, ownerFields, periodStart } from './allocations';
import { blockWithTables, restaurantTimeZone } from './blocks';
import { listCombinations } from './combinations';
import { getTableRow, toTable } from './tables';

/** History cursor: the last item's start (epoch ms) and allocation id, newest first. */
function decodeHistoryCursor(cursor: string): { at: Date; id: number } {
  const m = /^(\d{1,15})\.(\d{1,19})$/.exec(cursor);
  if (!m) throw new AppError('INVALID_CURSOR', 'Not a cursor from this list.');
  return { at: new Date(Number(m[1])), id: Number(m[2]) };
}

/** Bookings and blocks that held the table, newest first, including cancelled and lifted ones. */
export async function tableHistory(
  deps: Deps,
  scope: Scope,
  input: { tableId: string; cursor?: string | null | undefined; limit: number },
): Promise<{ items: TTableHistoryItem[]; nextCursor: string | null }> {
  await getTableRow(deps.db, scope, input.tableId);
  const timeZone = await restaurantTimeZone(deps.db, scope.restaurantId);
  const after = input.cursor ? decodeHistoryCursor(input.cursor) : null;
  const rows = await deps.db
    .select({ allocationId: tableAllocations.id, ...ownerFields })
    .from(tableAllocations)
    .leftJoin(reservations, allocationJoins.reservation)
    .leftJoin(guests, allocationJoins.guest)
    .leftJoin(tableBlocks, allocationJoins.block)
    .where(
      and(
        eq(tableAllocations.restaurantId, scope.restaurantId),
        eq(tableAllocations.tableId, input.tableId),
        after
          ? sql`(${periodStart}, ${tableAllocations.id}) < (${after.at.toISOString()}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(desc(periodStart), desc(tableAllocations.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      kind: r.reservationId ? 'booking' : 'block',
      id: (r.reservationId ?? r.blockId)!,
      from: instantToLocalDateTime(r.startsAt, timeZone),
      to: instantToLocalDateTime(r.endsAt, timeZone),
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      status: r.reservationId ? r.status! : r.releasedAt ? 'released' : 'active',
      title: r.reservationId ? r.guestName! : r.reason!,
      partySize: r.partySize,
      confirmationCode: r.code,
    })),
    nextCursor: rows.length > input.limit && last ? `${last.startsAt.getTime()}.${last.allocationId}` : null,
  };
}

/** Open windows of every service starting on dates from..to: their total and the period they span. */
function openWindows(rules: HoursRules, from: string, to: string) {
  let minutes = 0;
  let first = zonedToInstant(from, '00:00', rules.timeZone);
  let last = zonedToInstant(addDays(to, 1), '00:00', rules.timeZone);
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const service of servicesOn(date, rules.weekly, rules.specialByDate.get(date))) {
      const w = serviceWindow(date, service, rules.timeZone);
      minutes += (w.endsAt.getTime() - w.startsAt.getTime()) / 60_000;
      if (w.startsAt < first) first = w.startsAt;
      if (w.endsAt > last) last = w.endsAt;
    }
  }
  return { minutes, first, last };
}

/**
 * Seated minutes ÷ open minutes per table over local dates from..to. Seated and completed
 * bookings count with their allocation (shortened when completed early). One aggregate over
 * the allocations' GiST index (restaurant, table, period), so a year of history stays fast.
 */
export async function tableUtilisation(
  deps: Deps,
  scope: Scope,
  input: { from: string; to: string; tableIds?: string[] | undefined },
): Promise<TUtilisation> {
  const rules = await loadHoursRules(deps.db, scope.restaurantId, input.from, input.to);
  const open = openWindows(rules, input.from, input.to);
  const range = `[${open.first.toISOString()},${open.last.toISOString()})`;
  const clipped = sql`${tableAllocations.period} * ${range}::tstzrange`;
  const [tableRows, seated] = await Promise.all([
    deps.db
      .select({ id: tables.id, name: tables.name })
      .from(tables)
      .where(
        and(
          eq(tables.restaurantId, scope.restaurantId),
          input.tableIds ? inArray(tables.id, input.tableIds) : eq(tables.active, true),
        ),
      )
      .orderBy(asc(tables.sortOrder), asc(tables.name)),
    deps.db
      .select({
        tableId: tableAllocations.tableId,
        minutes:
          sql<number>`coalesce(sum(extract(epoch from upper(${clipped}) - lower(${clipped}))), 0) / 60`.mapWith(
            Number,
          ),
      })
      .from(tableAllocations)
      .innerJoin(reservations, allocationJoins.reservation)
      .where(
        and(
          eq(tableAllocations.restaurantId, scope.restaurantId),
          eq(tableAllocations.active, true),
          sql`${tableAllocations.period} && ${range}::tstzrange`,
          inArray(reservations.status, ['seated', 'completed']),
          input.tableIds ? inArray(tableAllocations.tableId, input.tableIds) : undefined,
        ),
      )
      .groupBy(tableAllocations.tableId),
  ]);
  const byTable = new Map(seated.map((s) => [s.tableId, s.minutes]));
  return {
    from: input.from,
    to: input.to,
    openMinutes: open.minutes,
    items: tableRows.map((t) => {
      const seatedMinutes = Math.round(byTable.get(t.id) ?? 0);
      return {
        tableId: t.id,
        name: t.name,
        seatedMinutes,
        ratio: open.minutes > 0 ? Math.round((seatedMinutes / open.minutes) * 1000) / 1000 : null,
      };
    }),
  };
}

/** A table with the combinations it belongs to and its blocks still to come. */
export async function getTable(deps: Deps, scope: Scope, id: string): Promise<TTableDetails> {
  const row = await getTableRow(deps.db, scope, id);
  const timeZone = await restaurantTimeZone(deps.db, scope.restaurantId);
  const [combinations, blocks] = await Promise.all([
    listCombinations(deps.db, scope.restaurantId),
    deps.db
      .select({ block: tableBlocks })
      .from(tableBlocks)
      .innerJoin(tableAllocations, allocationJoins.block)
      .where(
        and(
          eq(tableBlocks.restaurantId, scope.restaurantId),
          eq(tableAllocations.tableId, id),
          isNull(tableBlocks.releasedAt),
          gt(tableBlocks.endsAt, sql`now()`),
        ),
      )
      .orderBy(asc(tableBlocks.startsAt))
      .limit(50),
  ]);
  return {
    ...toTable(row),
    combinations: combinations.filter((c) => c.tableIds.includes(id)),
    upcomingBlocks: await Promise.all(blocks.map((b) => blockWithTables(deps.db, b.block, timeZone))),
  };
}
