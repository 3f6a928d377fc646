/**
 * Timeline geometry, free of React and the DOM: restaurant time ↔ pixels.
 *
 * The x axis is a row of equally wide columns, one per slot of availability.grid. A column's
 * start is the slot's real instant, so positions follow real time: on a day when the clocks go
 * back, 02:00–03:00 appears twice (two hours of columns), and when they go forward that hour
 * has no column at all. Nothing here parses local wall-clock times; labels come from the grid.
 */

const MINUTE = 60_000;

/** Pixels per minute of real time at most (an hour is 120 px). */
export const PX_PER_MIN = 2;
/** When the day would not fit, columns shrink to this at least; below it the timeline scrolls. */
export const MIN_PX_PER_MIN = 1.2;
/** Columns are never narrower than this, whatever the slot interval. */
export const MIN_SLOT_PX = 24;
/** Width of the sticky table-name column (px), on phones and wider screens. */
export const NAME_PX = { phone: 92, wide: 132 } as const;
/** Height of one table row. */
export const ROW_PX = 48;

export type AxisColumn = {
  /** The slot's local time as the grid names it ('HH:mm'). */
  time: string;
  /** The slot's start, epoch ms. */
  at: number;
  /** Inside a service (closed columns are shaded). */
  open: boolean;
  /** Added around the grid's slots so a booking that runs over is drawn whole. */
  extra?: boolean;
};

export type Axis = {
  columns: AxisColumn[];
  intervalMin: number;
  /** Width of one column (px). */
  slotPx: number;
  /** Width of the whole axis (px). */
  width: number;
  /** Columns added before the grid's first slot: column i is the grid's slot i - lead. */
  lead: number;
};

export type GridLike = {
  slotIntervalMin: number;
  timeZone: string;
  slots: readonly { time: string; startsAt: Date; open: boolean }[];
};

/** Something drawn on the axis (a booking, a block). */
export type Span = { startsAt: Date; endsAt: Date };

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** 'HH:mm' of an instant in `timeZone`. */
export function wallTime(at: number, timeZone: string): string {
  let f = timeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(timeZone, f);
  }
  return f.format(new Date(at));
}

/**
 * Column width for a slot interval: 2 px per minute, or less when that fits the whole day into
 * `fitWidth` px (never below 1.2 px per minute: then the timeline scrolls sideways).
 */
export function slotWidth(intervalMin: number, columns = 0, fitWidth?: number): number {
  const widest = Math.max(MIN_SLOT_PX, intervalMin * PX_PER_MIN);
  if (!fitWidth || columns === 0) return widest;
  const narrowest = Math.max(MIN_SLOT_PX, Math.round(intervalMin * MIN_PX_PER_MIN));
  return Math.max(narrowest, Math.min(widest, Math.floor(fitWidth / columns)));
}

/**
 * The axis for a day: the grid's slots, plus closed columns before and after when a booking or
 * block starts earlier or ends later (a late booking that runs past closing, a walk-in seated
 * before the service). Columns fill `fitWidth` when given (see slotWidth). Null when there is
 * nothing to draw (closed all day, no bookings).
 */
export function buildAxis(grid: GridLike, cover: readonly Span[] = [], fitWidth?: number): Axis | null {
  const step = grid.slotIntervalMin * MINUTE;
  const columns: AxisColumn[] = grid.slots.map((s) => ({
    time: s.time,
    at: s.startsAt.getTime(),
    open: s.open,
  }));
  const from = Math.min(...cover.map((s) => s.startsAt.getTime()));
  const to = Math.max(...cover.map((s) => s.endsAt.getTime()));
  if (columns.length === 0) {
    if (cover.length === 0) return null;
    // Closed all day but something is on the tables: draw the hours it covers.
    const start = Math.floor(from / step) * step;
    columns.push({ time: wallTime(start, grid.timeZone), at: start, open: false, extra: true });
  }
  let lead = grid.slots.length === 0 ? columns.length : 0;
  while (cover.length > 0 && columns[0]!.at > from) {
    const at = columns[0]!.at - step;
    columns.unshift({ time: wallTime(at, grid.timeZone), at, open: false, extra: true });
    lead++;
  }
  while (cover.length > 0 && columns.at(-1)!.at + step < to) {
    const at = columns.at(-1)!.at + step;
    columns.push({ time: wallTime(at, grid.timeZone), at, open: false, extra: true });
  }
  const slotPx = slotWidth(grid.slotIntervalMin, columns.length, fitWidth);
  return { columns, intervalMin: grid.slotIntervalMin, slotPx, width: columns.length * slotPx, lead };
}

/** Where column `i` starts in real time; beyond either end the axis goes on at the same pace. */
export function boundaryAt(axis: Axis, i: number): number {
  const { columns } = axis;
  const step = axis.intervalMin * MINUTE;
  if (i <= 0) return columns[0]!.at + i * step;
  if (i < columns.length) return columns[i]!.at;
  return columns.at(-1)!.at + (i - columns.length + 1) * step;
}

/** The x (px from the axis start) of an instant. */
export function instantToX(axis: Axis, at: Date | number): number {
  const t = typeof at === 'number' ? at : at.getTime();
  const { columns, slotPx } = axis;
  const n = columns.length;
  const step = axis.intervalMin * MINUTE;
  if (t < columns[0]!.at) return ((t - columns[0]!.at) / step) * slotPx;
  // The last column that starts at or before t (binary search: the columns are in time order).
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (columns[mid]!.at <= t) lo = mid;
    else hi = mid - 1;
  }
  const start = columns[lo]!.at;
  const end = boundaryAt(axis, lo + 1);
  return lo * slotPx + ((t - start) / (end - start)) * slotPx;
}

/** The instant at x (px from the axis start). */
export function xToInstant(axis: Axis, x: number): number {
  const i = Math.floor(x / axis.slotPx);
  const start = boundaryAt(axis, i);
  const end = boundaryAt(axis, i + 1);
  return start + ((x - i * axis.slotPx) / axis.slotPx) * (end - start);
}

/** Left and width (px) of something on the axis. */
export function spanRect(axis: Axis, span: Span): { left: number; width: number } {
  const left = instantToX(axis, span.startsAt);
  return { left, width: Math.max(0, instantToX(axis, span.endsAt) - left) };
}

/** The column under x, or null outside the axis. */
export function columnAt(axis: Axis, x: number): number | null {
  const i = Math.floor(x / axis.slotPx);
  return i >= 0 && i < axis.columns.length ? i : null;
}

export type MovePlan = {
  /** The row the booking lands in. */
  row: number;
  /** The column it starts in (its 'HH:mm' is what bookings.move gets). */
  column: number;
  time: string;
  startsAt: number;
  /** True when the start changed (a move within one row changes only the time). */
  timeChanged: boolean;
};

/**
 * Where a bar lands when dragged by (dx, dy) px: the start snaps to the nearest slot (kept on
 * the axis), the row to the nearest table row. A bar that was not dragged sideways by at least
 * half a slot keeps its start, even when that start is between slots.
 */
export function planMove(
  axis: Axis,
  bar: Span & { row: number },
  delta: { x: number; y: number },
  rows: number,
): MovePlan {
  const row = Math.min(rows - 1, Math.max(0, bar.row + Math.round(delta.y / ROW_PX)));
  const steps = Math.round(delta.x / axis.slotPx);
  const from = instantToX(axis, bar.startsAt);
  if (steps === 0) {
    const column = Math.min(axis.columns.length - 1, Math.max(0, Math.floor(from / axis.slotPx)));
    return {
      row,
      column,
      time: axis.columns[column]!.time,
      startsAt: bar.startsAt.getTime(),
      timeChanged: false,
    };
  }
  const column = Math.min(axis.columns.length - 1, Math.max(0, Math.round((from + delta.x) / axis.slotPx)));
  const startsAt = axis.columns[column]!.at;
  return {
    row,
    column,
    time: axis.columns[column]!.time,
    startsAt,
    timeChanged: startsAt !== bar.startsAt.getTime(),
  };
}

/** The screen offset that shows a bar where planMove would put it. */
export function planOffset(
  axis: Axis,
  bar: Span & { row: number },
  plan: MovePlan,
): { x: number; y: number } {
  return {
    x: instantToX(axis, plan.startsAt) - instantToX(axis, bar.startsAt),
    y: (plan.row - bar.row) * ROW_PX,
  };
}

/** Shortest and longest stay the API accepts (minutes). */
export const DURATION_LIMITS = { min: 15, max: 720 } as const;

/**
 * The duration after dragging a bar's right edge by dx px: whole slots of real time, at least
 * one slot (and 15 minutes), at most 12 hours.
 */
export function planResize(axis: Axis, bar: Span, dx: number): number {
  const { width } = spanRect(axis, bar);
  const slots = Math.round((width + dx) / axis.slotPx);
  const minSlots = Math.max(1, Math.ceil(DURATION_LIMITS.min / axis.intervalMin));
  const maxSlots = Math.floor(DURATION_LIMITS.max / axis.intervalMin);
  return Math.min(maxSlots, Math.max(minSlots, slots)) * axis.intervalMin;
}

/** The width (px) a bar shows while its edge is dragged to `durationMin`. */
export function resizeWidth(axis: Axis, bar: Span, durationMin: number): number {
  return spanRect(axis, {
    startsAt: bar.startsAt,
    endsAt: new Date(bar.startsAt.getTime() + durationMin * MINUTE),
  }).width;
}

/** Which columns get a time label: every full hour, and every slot when there is room. */
export function labelled(axis: Axis, column: AxisColumn): boolean {
  return column.time.endsWith(':00') || axis.slotPx >= 56;
}
