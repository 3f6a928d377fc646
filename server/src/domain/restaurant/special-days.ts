import { type SpecialDayService, specialDays } from '@tobeout/db';
import { minuteInService, minutesToHhmm, serviceSpan, type TSpecialDay } from '@tobeout/shared';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Deps, Scope } from '../deps';
import { AppError } from '../errors';
import { write } from '../write';

type Row = typeof specialDays.$inferSelect;
/** A stored service; the last seating (minutes from the day's midnight) is kept like the weekly one's. */

function toSpecialDay(row: Row): TSpecialDay {
  return {
    date: row.date,
    name: row.name,
    closed: row.closed,
    services: (row.services as SpecialDayService[]).map((s) => ({
      name: s.name,
      start: minutesToHhmm(s.startMinute),
      end: minutesToHhmm(s.endMinute),
      lastSeating: s.lastSeatingMinute == null ? null : minutesToHhmm(s.lastSeatingMinute),
    })),
  };
}

function toStored(s: TSpecialDay['services'][number]): SpecialDayService {
  const span = serviceSpan(s.start, s.end);
  return {
    name: s.name,
    ...span,
    lastSeatingMinute: s.lastSeating ? minuteInService(span.startMinute, s.lastSeating) : null,
  };
}

export async function listSpecialDays(deps: Deps, scope: Scope, range: { from?: string; to?: string }) {
  const rows = await deps.db
    .select()
    .from(specialDays)
    .where(
      and(
        eq(specialDays.restaurantId, scope.restaurantId),
        range.from ? gte(specialDays.date, range.from) : undefined,
        range.to ? lte(specialDays.date, range.to) : undefined,
      ),
    )
    .orderBy(asc(specialDays.date));
  return rows.map(toSpecialDay);
}

/** Creates or replaces the special hours of one date. */
export async function setSpecialDay(deps: Deps, scope: Scope, input: TSpecialDay): Promise<TSpecialDay> {
  return write(deps, scope, async ({ tx, emit }) => {
    const values = {
      restaurantId: scope.restaurantId,
      date: input.date,
      name: input.name,
      closed: input.closed,
      services: input.closed ? [] : input.services.map(toStored),
    };
    const [row] = await tx
      .insert(specialDays)
      .values(values)
      .onConflictDoUpdate({ target: [specialDays.restaurantId, specialDays.date], set: values })
      .returning();
    await emit({
      type: 'specialDay.set',
      entityId: input.date,
      payload: { date: input.date, name: input.name, closed: input.closed, services: values.services.length },
    });
    return toSpecialDay(row!);
  });
}

export async function deleteSpecialDay(deps: Deps, scope: Scope, date: string): Promise<{ ok: true }> {
  return write(deps, scope, async ({ tx, emit }) => {
    const deleted = await tx
      .delete(specialDays)
      .where(and(eq(specialDays.restaurantId, scope.restaurantId), eq(specialDays.date, date)))
      .returning({ name: specialDays.name });
    if (deleted.length === 0)
      throw AppError.field('date', `There are no special hours on ${date}.`, 'NOT_FOUND');
    await emit({ type: 'specialDay.deleted', entityId: date, payload: { date, name: deleted[0]!.name } });
    return { ok: true as const };
  });
}
