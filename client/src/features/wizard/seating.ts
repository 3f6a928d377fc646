import type { TAvailabilityGrid, TFitOption } from '@tobeout/shared';

/** Seating and clock helpers shared by the wizard and the walk-in dialog (no phone library here). */

/** A choice of tables is identified by its table ids. */
export const seatingKey = (tableIds: readonly string[]) => [...tableIds].sort().join('+');

/**
 * Single tables free for the whole stay at `time` that seat the party, from the grid (the
 * availability check only suggests its best few). Best fit first. `outsideHours` also takes
 * tables outside the opening hours (a walk-in may sit down whenever the door is open).
 */
export function freeTablesAt(
  grid: Pick<TAvailabilityGrid, 'slots' | 'tables' | 'slotIntervalMin'> | undefined,
  time: string,
  durationMin: number,
  partySize: number,
  { outsideHours = false } = {},
): TFitOption[] {
  if (!grid || partySize < 1) return [];
  const start = grid.slots.findIndex((s) => s.time === time);
  if (start < 0) return [];
  const span = Math.max(1, Math.ceil(durationMin / grid.slotIntervalMin));
  const usable = (s: string) => s === 'free' || (outsideHours && s === 'closed');
  return grid.tables
    .filter((t) => t.maxGuests >= partySize)
    .filter((t) => t.statuses.slice(start, start + span).every(usable))
    .sort((a, b) => a.maxGuests - b.maxGuests || a.name.localeCompare(b.name, 'en', { numeric: true }))
    .map((t) => ({
      kind: 'table' as const,
      tableIds: [t.id],
      combinationId: null,
      label: t.name,
      seats: t.maxGuests,
      emptySeats: t.maxGuests - partySize,
      reason: `${t.maxGuests} seats${t.section ? ` · ${t.section}` : ''}`,
    }));
}

/** 'HH:mm' + minutes, on a 24-hour clock. */
export function addMinutesToTime(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = (((h * 60 + m + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** 'HH:mm' rounded down to a multiple of `step` minutes. */
export function floorTime(time: string, step: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = h * 60 + m;
  return addMinutesToTime('00:00', total - (total % step));
}

/** "2 h", "1 h 30 min", "45 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
