/**
 * Restaurant-local wall-clock times as the API sends them: 'YYYY-MM-DDTHH:mm' (no zone). Small
 * Intl-based helpers so the client needs no date library for them.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string, now: Date) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(now);
  return (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
}

/** The wall-clock time now in `timeZone`, 'YYYY-MM-DDTHH:mm'. */
export function localNow(timeZone: string, now: Date = new Date()): string {
  const get = partsIn(timeZone, now);
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Today's date in `timeZone`, 'YYYY-MM-DD'. */
export function localToday(timeZone: string, now: Date = new Date()): string {
  return localNow(timeZone, now).slice(0, 10);
}

function asUtc(local: string): number {
  return Date.parse(`${local.length === 10 ? `${local}T00:00` : local}:00Z`);
}

/** Calendar arithmetic on a wall-clock time (the zone does not matter for it). */
export function addLocalMinutes(local: string, minutes: number): string {
  return new Date(asUtc(local) + minutes * 60_000).toISOString().slice(0, 16);
}

/** 'YYYY-MM-DD' plus `days` (may be negative). */
export function addLocalDays(date: string, days: number): string {
  return new Date(asUtc(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The next wall-clock time at a multiple of `step` minutes (the time itself when it is one). */
export function ceilLocal(local: string, step = 15): string {
  const minutes = Math.floor(asUtc(local) / 60_000);
  return addLocalMinutes(local, (step - (minutes % step)) % step);
}

const dayTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** "Sat 21 Nov, 18:00 – 20:00"; across days both dates. Local times shown as they are. */
export function formatLocalRange(from: string, to: string): string {
  const a = new Date(asUtc(from));
  const b = new Date(asUtc(to));
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${from} – ${to}`;
  const sameDay = from.slice(0, 10) === to.slice(0, 10);
  return `${dayTime.format(a)} – ${sameDay ? timeOnly.format(b) : dayTime.format(b)}`;
}
