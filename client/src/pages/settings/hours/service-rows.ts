import { hhmmToMinutes, minutesToHhmm } from '@tobeout/shared';

/** A service as a form holds it: '' for "no last seating". */
export type ServiceRow = { name: string; start: string; end: string; lastSeating: string };

export function toServiceRow(s: {
  name: string;
  start: string;
  end: string;
  lastSeating?: string | null;
}): ServiceRow {
  return { name: s.name, start: s.start, end: s.end, lastSeating: s.lastSeating ?? '' };
}

export function fromServiceRow(r: ServiceRow): {
  name: string;
  start: string;
  end: string;
  lastSeating: string | null;
} {
  return { name: r.name, start: r.start, end: r.end, lastSeating: r.lastSeating ? r.lastSeating : null };
}

/** A sensible next service after the ones a day already has. */
export function nextServiceRow(existing: ServiceRow[]): ServiceRow {
  const last = existing.at(-1);
  if (!last) return { name: 'Lunch', start: '12:00', end: '15:00', lastSeating: '' };
  const start = Math.max(hhmmToMinutes(last.end), hhmmToMinutes(last.start)) + 120;
  const startHhmm = minutesToHhmm(Math.min(start, 23 * 60));
  return {
    name: hhmmToMinutes(startHhmm) < 16 * 60 ? 'Lunch' : 'Dinner',
    start: startHhmm,
    end: minutesToHhmm(hhmmToMinutes(startHhmm) + 240),
    lastSeating: '',
  };
}
