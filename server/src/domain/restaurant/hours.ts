import { services } from '@tobeout/db';
import { minuteInService, minutesToHhmm, serviceSpan, type TOpeningHours } from '@tobeout/shared';
import { asc, eq } from 'drizzle-orm';
import type { Deps, Scope } from '../deps';
import { write } from '../write';

export async function getOpeningHours(deps: Deps, scope: Scope): Promise<TOpeningHours> {
  const rows = await deps.db
    .select()
    .from(services)
    .where(eq(services.restaurantId, scope.restaurantId))
    .orderBy(asc(services.weekday), asc(services.startMinute));
  return {
    services: rows.map((s) => ({
      weekday: s.weekday,
      name: s.name,
      start: minutesToHhmm(s.startMinute),
      end: minutesToHhmm(s.endMinute),
      lastSeating: s.lastSeatingMinute === null ? null : minutesToHhmm(s.lastSeatingMinute),
    })),
  };
}

/** Replaces the whole weekly schedule (validated free of overlaps by ZOpeningHours). */
export async function setOpeningHours(
  deps: Deps,
  scope: Scope,
  input: TOpeningHours,
): Promise<TOpeningHours> {
  await write(deps, scope, async ({ tx, emit }) => {
    await tx.delete(services).where(eq(services.restaurantId, scope.restaurantId));
    if (input.services.length > 0) {
      await tx.insert(services).values(
        input.services.map((s) => {
          const span = serviceSpan(s.start, s.end);
          const last = s.lastSeating ? minuteInService(span.startMinute, s.lastSeating) : null;
          return {
            restaurantId: scope.restaurantId,
            weekday: s.weekday,
            name: s.name,
            ...span,
            lastSeatingMinute: last,
          };
        }),
      );
    }
    await emit({
      type: 'hours.set',
      entityId: scope.restaurantId,
      payload: { services: input.services.length },
    });
  });
  return getOpeningHours(deps, scope);
}
