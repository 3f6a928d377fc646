import type { TAvailabilityGrid, TCellStatus } from '@tobeout/shared';

/** What the floor status view needs of availability.grid. */
export type Grid = Pick<TAvailabilityGrid, 'slots' | 'tables' | 'bookings' | 'blocks' | 'slotIntervalMin'>;
export type GridBooking = TAvailabilityGrid['bookings'][number];
export type GridBlock = TAvailabilityGrid['blocks'][number];

const minutesOf = (time: string) => {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
};

/** The scrubber moves in 30-minute steps (or by the slot interval when 30 is not a multiple of it). */
export function scrubStep(slotIntervalMin: number): number {
  return 30 % slotIntervalMin === 0 ? 30 : slotIntervalMin;
}

/** Indexes of the grid's slots the scrubber stops at. */
export function scrubSlots(grid: Pick<Grid, 'slots' | 'slotIntervalMin'>): number[] {
  const step = scrubStep(grid.slotIntervalMin);
  return grid.slots.flatMap((s, i) => (minutesOf(s.time) % step === 0 ? [i] : []));
}

/**
 * Where the scrubber starts: now (the step that has begun) on today, else the day's first open
 * step; the first step when nothing is open. Null for a day without slots.
 */
export function defaultSlotIndex(
  grid: Pick<Grid, 'slots' | 'slotIntervalMin'>,
  now: number | null,
): number | null {
  const stops = scrubSlots(grid);
  if (stops.length === 0) return null;
  if (now !== null) {
    const begun = stops.filter((i) => grid.slots[i]!.startsAt.getTime() <= now);
    if (begun.length > 0) return begun.at(-1)!;
  }
  return stops.find((i) => grid.slots[i]!.open) ?? stops[0]!;
}

export function slotIndexOf(grid: Pick<Grid, 'slots'>, time: string | null): number {
  return time === null ? -1 : grid.slots.findIndex((s) => s.time === time);
}

function slotSpan(grid: Pick<Grid, 'slots' | 'slotIntervalMin'>, index: number) {
  const from = grid.slots[index]!.startsAt.getTime();
  return { from, to: from + grid.slotIntervalMin * 60_000 };
}

const overlaps = (a: { startsAt: Date; endsAt: Date }, span: { from: number; to: number }) =>
  a.startsAt.getTime() < span.to && span.from < a.endsAt.getTime();

const RANK: Partial<Record<GridBooking['status'], number>> = { seated: 0, confirmed: 1, created: 2 };

/** The booking on a table during a slot (a seated one first, then the earliest). */
export function bookingAt(grid: Grid, tableId: string, index: number): GridBooking | null {
  if (index < 0 || index >= grid.slots.length) return null;
  const span = slotSpan(grid, index);
  const found = grid.bookings.filter((b) => b.tableIds.includes(tableId) && overlaps(b, span));
  found.sort(
    (a, b) => (RANK[a.status] ?? 9) - (RANK[b.status] ?? 9) || a.startsAt.getTime() - b.startsAt.getTime(),
  );
  return found[0] ?? null;
}

export function blockAt(grid: Grid, tableId: string, index: number): GridBlock | null {
  if (index < 0 || index >= grid.slots.length) return null;
  const span = slotSpan(grid, index);
  return grid.blocks.find((b) => b.tableIds.includes(tableId) && overlaps(b, span)) ?? null;
}

/** The table's next booking starting after the slot, that day. */
export function nextBookingAfter(grid: Grid, tableId: string, index: number): GridBooking | null {
  if (index < 0 || index >= grid.slots.length) return null;
  const { to } = slotSpan(grid, index);
  return (
    grid.bookings
      .filter((b) => b.tableIds.includes(tableId) && b.startsAt.getTime() >= to)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0] ?? null
  );
}

/** A table's status during a slot; 'closed' on a day without service. */
export function statusAt(grid: Grid, tableId: string, index: number): TCellStatus | undefined {
  const table = grid.tables.find((t) => t.id === tableId);
  if (!table) return undefined;
  if (grid.slots.length === 0) return 'closed';
  return table.statuses[index];
}

/** How many tables are in each status during a slot. */
export function statusCounts(grid: Grid, index: number): Record<TCellStatus, number> {
  const counts: Record<TCellStatus, number> = { free: 0, reserved: 0, occupied: 0, blocked: 0, closed: 0 };
  for (const t of grid.tables) {
    const s = grid.slots.length === 0 ? 'closed' : t.statuses[index];
    if (s) counts[s] += 1;
  }
  return counts;
}
