import type { TAvailabilityGrid, TGridBooking } from '@tobeout/shared';
import { type Axis, spanRect } from './geometry';

export type Grid = TAvailabilityGrid;
export type GridTable = Grid['tables'][number];
export type GridBlock = Grid['blocks'][number];

/** One booking's bar in one table's row (a booking on two tables has two bars). */
export type Bar = {
  /** Unique on the timeline: booking id and table id. */
  key: string;
  booking: TGridBooking;
  tableId: string;
  row: number;
  left: number;
  width: number;
};

export type BlockBar = { key: string; block: GridBlock; left: number; width: number };

export type TimelineRow = { table: GridTable; index: number; bars: Bar[]; blocks: BlockBar[] };

/** The day's tables as rows, each with its bookings and blocks placed on the axis. */
export function layoutRows(grid: Grid, axis: Axis): TimelineRow[] {
  return grid.tables.map((table, index) => ({
    table,
    index,
    bars: grid.bookings
      .filter((b) => b.tableIds.includes(table.id))
      .map((booking) => ({
        key: `${booking.id}:${table.id}`,
        booking,
        tableId: table.id,
        row: index,
        ...spanRect(axis, booking),
      })),
    blocks: grid.blocks
      .filter((b) => b.tableIds.includes(table.id))
      .map((block) => ({ key: `${block.id}:${table.id}`, block, ...spanRect(axis, block) })),
  }));
}

/** What a drag changes about a booking (what bookings.move gets, and what the bar shows meanwhile). */
export type BookingChange = {
  tableIds?: string[];
  time?: string;
  startsAt?: Date;
  durationMin?: number;
};

/** The grid as it will be once a move is saved: the bar stays where it was dropped meanwhile. */
export function applyChange(grid: Grid, bookingId: string, change: BookingChange): Grid {
  return {
    ...grid,
    bookings: grid.bookings.map((b) => {
      if (b.id !== bookingId) return b;
      const startsAt = change.startsAt ?? b.startsAt;
      const durationMs = change.durationMin
        ? change.durationMin * 60_000
        : b.endsAt.getTime() - b.startsAt.getTime();
      return {
        ...b,
        tableIds: change.tableIds ?? b.tableIds,
        time: change.time ?? b.time,
        startsAt,
        endsAt: new Date(startsAt.getTime() + durationMs),
      };
    }),
  };
}

/** The booking's tables with `from` swapped for `to` (null when `to` already holds it). */
export function swapTable(tableIds: readonly string[], from: string, to: string): string[] | null {
  if (from === to || tableIds.includes(to)) return null;
  return tableIds.map((id) => (id === from ? to : id));
}

/** Bookings and guests of the day (each booking once, however many tables it has). */
export function daySummary(grid: Pick<Grid, 'bookings'>): { bookings: number; covers: number } {
  return {
    bookings: grid.bookings.length,
    covers: grid.bookings.reduce((n, b) => n + b.partySize, 0),
  };
}
