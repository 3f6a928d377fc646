import { Temporal } from 'temporal-polyfill';

/**
 * Restaurant-local wall time ↔ instants, DST-correct. Staff think in local date and time; the
 * database stores instants. Conversions go through Temporal so gaps (spring forward) and
 * repeated hours (fall back) follow one documented rule: 'compatible' — a time in a gap moves
 * forward by the gap's length, a repeated time takes its first (earlier) occurrence.
 */

export type LocalDateTime = { date: string; time: string };

/** 'YYYY-MM-DD' + 'HH:mm' in `timeZone` → the instant. */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
  const zdt = Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone, {
    disambiguation: 'compatible',
  });
  return new Date(zdt.epochMilliseconds);
}

/** The instant → its local date and 'HH:mm' in `timeZone`. */
export function instantToZoned(instant: Date, timeZone: string): LocalDateTime {
  const zdt = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  return {
    date: zdt.toPlainDate().toString(),
    time: `${String(zdt.hour).padStart(2, '0')}:${String(zdt.minute).padStart(2, '0')}`,
  };
}

/** Local 'YYYY-MM-DDTHH:mm' (the form blocks and other periods travel in) → the instant. */
export function localDateTimeToInstant(local: string, timeZone: string): Date {
  const [date, time] = local.split('T') as [string, string];
  return zonedToInstant(date, time, timeZone);
}

/** The instant → local 'YYYY-MM-DDTHH:mm' in `timeZone`. */
export function instantToLocalDateTime(instant: Date, timeZone: string): string {
  const { date, time } = instantToZoned(instant, timeZone);
  return `${date}T${time}`;
}

/** 'YYYY-MM-DD' plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Today's date in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return instantToZoned(now, timeZone).date;
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a local date. */
export function weekdayOf(date: string): number {
  return Temporal.PlainDate.from(date).dayOfWeek;
}
