import { restaurants, services, specialDays } from '@tobeout/db';
import type { SpecialDayRule, WeeklyService } from '@tobeout/shared';
import { and, eq, gte, lte } from 'drizzle-orm';
import type { Deps } from './deps';
import { AppError } from './errors';
import type { WriteContext } from './write';

type Db = Deps['db'] | WriteContext['tx'];

/** The restaurant's hours as the shared slot logic takes them, with special days from..to. */
export type HoursRules = {
  timeZone: string;
  slotIntervalMin: number;
  weekly: WeeklyService[];
  specialByDate: Map<string, SpecialDayRule>;
};

export async function loadHoursRules(
  db: Db,
  restaurantId: string,
  from: string,
  to: string,
): Promise<HoursRules> {
  const [restaurant, weekly, special] = await Promise.all([
    db
      .select({ timeZone: restaurants.timezone, slotIntervalMin: restaurants.slotIntervalMin })
      .from(restaurants)
      .where(eq(restaurants.id, restaurantId)),
    db
      .select({
        weekday: services.weekday,
        name: services.name,
        startMinute: services.startMinute,
        endMinute: services.endMinute,
        lastSeatingMinute: services.lastSeatingMinute,
      })
      .from(services)
      .where(eq(services.restaurantId, restaurantId)),
    db
      .select()
      .from(specialDays)
      .where(
        and(
          eq(specialDays.restaurantId, restaurantId),
          gte(specialDays.date, from),
          lte(specialDays.date, to),
        ),
      ),
  ]);
  if (!restaurant[0]) throw AppError.notFound('The restaurant');
  return {
    ...restaurant[0],
    weekly,
    specialByDate: new Map(
      special.map((d) => [
        d.date,
        {
          closed: d.closed,
          services: d.services.map((s) => ({ ...s, lastSeatingMinute: s.lastSeatingMinute ?? null })),
        },
      ]),
    ),
  };
}
