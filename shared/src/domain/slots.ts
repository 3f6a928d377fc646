import { HHMM, hhmmToMinutes, minutesToHhmm } from './time';
import { addDays, instantToZoned, weekdayOf, zonedToInstant } from './zoned';

/**
 * Bookable slots from opening hours, DST-correct.
 *
 * Services are stored in local minutes from the midnight of the day they START on (an end or last
 * seating past 1440 lies on the next calendar day). They become real instants through
 * `zonedToInstant` (disambiguation 'compatible': a local time in a spring-forward gap moves forward
 * by the gap, a repeated fall-back time takes its earlier occurrence). Slots then step through REAL
 * time from the service's start instant, so a night with a missing hour has one hour fewer of slots
 * and a night with a repeated hour shows those local times twice, as distinct instants.
 *
 * Day rule: a slot belongs to the date its service started on. The slots of 2026-03-28 for a
 * service 18:00–02:00 include 00:00…01:30 of 2026-03-29. A `Slot.date` is therefore the service
 * day, not necessarily the calendar date of `startsAt`; `startsAt` is always the authoritative
 * instant.
 */

const MINUTE_MS = 60_000;

export type StoredService = {
  name: string;
  startMinute: number;
  endMinute: number;
  lastSeatingMinute: number | null;
};
export type WeeklyService = StoredService & { weekday: number };
/**
 * A special day's rule, as stored. `lastSeatingMinute` may be absent in the JSON of a special
 * day (drizzle `SpecialDayService`); absent means null.
 */
export type SpecialDayService = Omit<StoredService, 'lastSeatingMinute'> & {
  lastSeatingMinute?: number | null;
};
export type SpecialDayRule = { closed: boolean; services: SpecialDayService[] } | null | undefined;

function toStored(s: SpecialDayService): StoredService {
  return {
    name: s.name,
    startMinute: s.startMinute,
    endMinute: s.endMinute,
    lastSeatingMinute: s.lastSeatingMinute ?? null,
  };
}

/**
 * Services that START on `date` (local): the special day's if any (closed → []), else the weekly
 * ones for that ISO weekday, sorted by start.
 */
export function servicesOn(date: string, weekly: WeeklyService[], special: SpecialDayRule): StoredService[] {
  let chosen: SpecialDayService[];
  if (special) {
    chosen = special.closed ? [] : special.services;
  } else {
    const weekday = weekdayOf(date);
    chosen = weekly.filter((s) => s.weekday === weekday);
  }
  return chosen.map(toStored).sort((a, b) => a.startMinute - b.startMinute);
}

export type ServiceWindow = { name: string; startsAt: Date; endsAt: Date; lastSeatingAt: Date | null };

/** The instant of `minute` minutes after the local midnight of `date` (≥ 1440 → a later day). */
export function localMinuteToInstant(date: string, minute: number, timeZone: string): Date {
  const dayOffset = Math.floor(minute / 1440);
  return zonedToInstant(dayOffset === 0 ? date : addDays(date, dayOffset), minutesToHhmm(minute), timeZone);
}

/**
 * Real instants of a service on a local date in `timeZone`. Crossing midnight puts the end on the
 * next day; a service 01:00–04:00 on a spring-forward night lasts 2 real hours, on a fall-back
 * night 4 real hours.
 */
export function serviceWindow(date: string, service: StoredService, timeZone: string): ServiceWindow {
  return {
    name: service.name,
    startsAt: localMinuteToInstant(date, service.startMinute, timeZone),
    endsAt: localMinuteToInstant(date, service.endMinute, timeZone),
    lastSeatingAt:
      service.lastSeatingMinute == null
        ? null
        : localMinuteToInstant(date, service.lastSeatingMinute, timeZone),
  };
}

export type Slot = { date: string; time: string /* local HH:mm */; startsAt: Date; service: string };
export type DayRules = {
  timeZone: string;
  slotIntervalMin: number;
  weekly: WeeklyService[];
  special: SpecialDayRule;
};

/**
 * Whether a party starting at `start` may be seated in `window`: at or before the last seating
 * when the service has one, else when a stay of `durationMin` ends by the service's end. Always
 * strictly before the end (a last seating equal to the end offers no slot at closing time).
 */
function seatable(start: number, window: ServiceWindow, durationMin: number): boolean {
  const end = window.endsAt.getTime();
  if (start < window.startsAt.getTime() || start >= end) return false;
  if (window.lastSeatingAt) return start <= window.lastSeatingAt.getTime();
  return start + durationMin * MINUTE_MS <= end;
}

function slotsOfWindow(date: string, window: ServiceWindow, rules: DayRules, durationMin: number): Slot[] {
  const step = rules.slotIntervalMin * MINUTE_MS;
  if (!(step > 0)) throw new RangeError('slotIntervalMin must be positive');
  const slots: Slot[] = [];
  const end = window.endsAt.getTime();
  for (let t = window.startsAt.getTime(); t < end; t += step) {
    if (!seatable(t, window, durationMin)) continue;
    const startsAt = new Date(t);
    slots.push({ date, time: instantToZoned(startsAt, rules.timeZone).time, startsAt, service: window.name });
  }
  return slots;
}

/**
 * Bookable slot starts of the local `date`: stepping `slotIntervalMin` REAL minutes from each
 * service's start instant. A slot is offered when its start ≤ last seating (when set), otherwise
 * when start + durationMin ≤ service end (durationMin defaults to slotIntervalMin). On
 * spring-forward nights non-existent local times are simply absent; on fall-back nights a repeated
 * local time appears twice (distinct instants). `date`'s slots include those after midnight of
 * services that started on `date`. Sorted by instant.
 */
export function slotsForDay(date: string, rules: DayRules, durationMin?: number): Slot[] {
  const duration = durationMin ?? rules.slotIntervalMin;
  const slots: Slot[] = [];
  for (const service of servicesOn(date, rules.weekly, rules.special)) {
    slots.push(...slotsOfWindow(date, serviceWindow(date, service, rules.timeZone), rules, duration));
  }
  slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return slots;
}

export type FindSlotReason = 'closed' | 'outside_hours' | 'after_last_seating' | 'off_grid';
export type FindSlotResult = { slot: Slot } | { slot: null; reason: FindSlotReason };

/**
 * Resolve a requested local {date, time} to a slot of that day (exact instant match), or null with
 * a reason:
 * - 'closed': no services start on `date`;
 * - 'outside_hours': the time lies in none of `date`'s services (before a start, at/after an end);
 * - 'after_last_seating': within a service but past its last seating (or, without one, too late
 *   for a stay of `durationMin` to end by the service's end);
 * - 'off_grid': within a service and early enough, but not on the slot interval counted from the
 *   service's start — or a local time that does not exist that night (spring-forward gap).
 *
 * The time belongs to the SERVICE DAY: a time earlier than a service's start is read as that clock
 * time on the next calendar day, within `date`'s service. With a service 18:00–02:00,
 * findSlot('2026-03-28', '00:30') is the slot at 00:30 on 2026-03-29 (what staff mean by "Saturday
 * night, half past midnight"); the previous evening's late service is reached through the previous
 * date. When two readings are possible (a service starting at 00:00 as well as a late one), the
 * earlier service of the day wins. A repeated fall-back time resolves to its first occurrence
 * ('compatible'); the second one is only reachable by instant (see `slotsForDay`).
 */
export function findSlot(date: string, time: string, rules: DayRules, durationMin?: number): FindSlotResult {
  const services = servicesOn(date, rules.weekly, rules.special);
  if (services.length === 0) return { slot: null, reason: 'closed' };
  if (!HHMM.test(time)) return { slot: null, reason: 'off_grid' };
  const duration = durationMin ?? rules.slotIntervalMin;
  const step = rules.slotIntervalMin * MINUTE_MS;
  const clock = hhmmToMinutes(time);

  for (const service of services) {
    const localDate = clock < service.startMinute ? addDays(date, 1) : date;
    const instant = zonedToInstant(localDate, time, rules.timeZone);
    const window = serviceWindow(date, service, rules.timeZone);
    const t = instant.getTime();
    if (t < window.startsAt.getTime() || t >= window.endsAt.getTime()) continue;

    // The time is within this service.
    const local = instantToZoned(instant, rules.timeZone);
    const exists = local.date === localDate && local.time === time;
    if (!seatable(t, window, duration)) return { slot: null, reason: 'after_last_seating' };
    if (!exists || (t - window.startsAt.getTime()) % step !== 0) return { slot: null, reason: 'off_grid' };
    return { slot: { date, time, startsAt: instant, service: service.name } };
  }
  return { slot: null, reason: 'outside_hours' };
}

/** Real minutes of a service window (whole minutes). */
export function windowMinutes(window: ServiceWindow): number {
  return Math.round((window.endsAt.getTime() - window.startsAt.getTime()) / MINUTE_MS);
}

/**
 * Special days for a range of dates: a map or record keyed by 'YYYY-MM-DD', or a lookup function.
 * Dates not found use the weekly hours.
 */
export type SpecialDaysByDate =
  | ReadonlyMap<string, SpecialDayRule>
  | Readonly<Record<string, SpecialDayRule>>
  | ((date: string) => SpecialDayRule);

function isSingleRule(special: SpecialDayRule | SpecialDaysByDate): special is SpecialDayRule {
  return (
    special == null ||
    (typeof special === 'object' &&
      !(special instanceof Map) &&
      typeof (special as { closed?: unknown }).closed === 'boolean' &&
      Array.isArray((special as { services?: unknown }).services))
  );
}

/** The special-day rule of `date` from a single rule (applies to every date) or a per-date lookup. */
export function specialFor(date: string, special: SpecialDayRule | SpecialDaysByDate): SpecialDayRule {
  if (isSingleRule(special)) return special;
  if (typeof special === 'function') return special(date);
  if (special instanceof Map) return special.get(date);
  return Object.hasOwn(special, date)
    ? (special as Readonly<Record<string, SpecialDayRule>>)[date]
    : undefined;
}

/**
 * Total open minutes (real) of services starting on dates `from`..`to` inclusive — for
 * utilisation. A service covering a spring-forward gap counts one hour less, a fall-back one more.
 * `from` after `to` → 0.
 *
 * `special` may be the usual single rule (it then applies to EVERY date of the range — right for a
 * single day) or, for a range, the special days by date (map, record or lookup function).
 */
export function openMinutes(
  from: string,
  to: string,
  rules: Omit<DayRules, 'slotIntervalMin' | 'special'> & { special: SpecialDayRule | SpecialDaysByDate },
): number {
  let total = 0;
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const service of servicesOn(date, rules.weekly, specialFor(date, rules.special))) {
      total += windowMinutes(serviceWindow(date, service, rules.timeZone));
    }
  }
  return total;
}

/**
 * The service day an instant belongs to: the local calendar date, unless the previous date's
 * service runs past midnight over it (Friday's late service at 00:30 belongs to Friday).
 */
export function serviceDateOf(
  instant: Date,
  rules: { timeZone: string; weekly: WeeklyService[]; special: SpecialDayRule | SpecialDaysByDate },
): string {
  const date = instantToZoned(instant, rules.timeZone).date;
  const previous = addDays(date, -1);
  const t = instant.getTime();
  const late = servicesOn(previous, rules.weekly, specialFor(previous, rules.special)).some((s) => {
    const w = serviceWindow(previous, s, rules.timeZone);
    return t >= w.startsAt.getTime() && t < w.endsAt.getTime();
  });
  return late ? previous : date;
}
