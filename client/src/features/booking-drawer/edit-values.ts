import type { TBooking, TBookingUpdateInput } from '@tobeout/shared';
import { formatDay, formatDuration } from '../../lib/format';

/** What the edit form changes, in the API's terms. */
export type EditValues = {
  date: string;
  time: string;
  partySize: number;
  durationMin: number;
  tableIds: string[];
  specialRequests: string;
};

export type EditField = keyof EditValues;

export function valuesOf(b: TBooking): EditValues {
  return {
    date: b.date,
    time: b.time,
    partySize: b.partySize,
    durationMin: b.durationMin,
    tableIds: b.tables.map((t) => t.id),
    specialRequests: b.specialRequests ?? '',
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

export function sameValue<K extends EditField>(key: K, a: EditValues[K], b: EditValues[K]): boolean {
  if (key === 'tableIds') return sameSet(a as string[], b as string[]);
  if (key === 'specialRequests') return String(a).trim() === String(b).trim();
  return a === b;
}

export const EDIT_FIELDS: readonly { key: EditField; label: string }[] = [
  { key: 'date', label: 'Date' },
  { key: 'time', label: 'Time' },
  { key: 'partySize', label: 'Guests' },
  { key: 'durationMin', label: 'Duration' },
  { key: 'tableIds', label: 'Tables' },
  { key: 'specialRequests', label: 'Special requests' },
];

/** The fields whose value differs between two versions. */
export function changedFields(from: EditValues, to: EditValues): EditField[] {
  return EDIT_FIELDS.map((f) => f.key).filter((k) => !sameValue(k, from[k], to[k]));
}

/** bookings.update's input for what changed since `base` (null: nothing changed). */
export function updateInput(
  base: EditValues,
  next: EditValues,
): Omit<TBookingUpdateInput, 'id' | 'version'> | null {
  const changed = changedFields(base, next);
  if (changed.length === 0) return null;
  const input: Record<string, unknown> = {};
  for (const key of changed)
    input[key] = key === 'specialRequests' ? next.specialRequests.trim() || null : next[key];
  return input as Omit<TBookingUpdateInput, 'id' | 'version'>;
}

/** Their saved booking with the fields I changed (since `base`) put on top. */
export function mergeMine(base: EditValues, mine: EditValues, theirs: EditValues): EditValues {
  const merged = { ...theirs };
  for (const key of changedFields(base, mine)) (merged as Record<string, unknown>)[key] = mine[key];
  return merged;
}

export type ConflictRow = {
  key: EditField;
  label: string;
  theirs: string;
  mine: string;
  /** Both changed this field, to different values: keeping mine overwrites theirs. */
  clash: boolean;
  theyChanged: boolean;
  iChanged: boolean;
};

/** A value for people: table names, "2 h 30 min", "—" for no requests. */
export function formatValue(key: EditField, v: EditValues, tableNames: ReadonlyMap<string, string>): string {
  switch (key) {
    case 'date':
      return formatDay(v.date);
    case 'partySize':
      return String(v.partySize);
    case 'durationMin':
      return formatDuration(v.durationMin);
    case 'tableIds':
      return v.tableIds.map((id) => tableNames.get(id) ?? '?').join(' + ') || '—';
    case 'specialRequests':
      return v.specialRequests.trim() || '—';
    default:
      return v[key];
  }
}

/** The fields someone else or I changed since `base`, side by side. */
export function conflictRows(
  base: EditValues,
  mine: EditValues,
  theirs: EditValues,
  tableNames: ReadonlyMap<string, string>,
): ConflictRow[] {
  const theyChanged = new Set(changedFields(base, theirs));
  const iChanged = new Set(changedFields(base, mine));
  return EDIT_FIELDS.filter((f) => theyChanged.has(f.key) || iChanged.has(f.key)).map((f) => ({
    key: f.key,
    label: f.label,
    theirs: formatValue(f.key, theirs, tableNames),
    mine: formatValue(f.key, mine, tableNames),
    theyChanged: theyChanged.has(f.key),
    iChanged: iChanged.has(f.key),
    clash: theyChanged.has(f.key) && iChanged.has(f.key) && !sameValue(f.key, mine[f.key], theirs[f.key]),
  }));
}
