import { snapToRoom, type TTableShape, tableFootprint } from '@tobeout/shared';

/**
 * Floor-plan geometry, free of React and the DOM. Plan units are centimetres with the origin at
 * the room's top-left corner; a table's (x, y) is its CENTRE. Screen units are CSS pixels.
 */

/** Spacing of the light grid drawn on the room. */
export const GRID_CM = 50;
/** Dropped tables snap to this grid; arrow keys move a picked-up table by one step. */
export const SNAP_CM = 25;
/** Below this the plan scrolls sideways instead of shrinking further (tables stay legible). */
export const MIN_SCALE = 0.25;
/** Above this a small room stops growing (and is centred). */
export const MAX_SCALE = 1.2;
/** Room around a section's tables inside its dashed area. */
export const SECTION_PADDING_CM = 30;

export type Size = { width: number; height: number };
export type Point = { x: number; y: number };
export type Rect = { left: number; top: number; width: number; height: number };

/** What the geometry needs of a table. */
export type PlanTable = {
  id: string;
  x: number;
  y: number;
  shape: TTableShape;
  maxGuests: number;
  section: string | null;
};

/**
 * Pixels per centimetre so the room fills `containerWidth` (and, when given, is no taller than
 * `maxHeight`, so the whole room is in view), kept within MIN/MAX_SCALE.
 */
export function fitScale(containerWidth: number, room: Size, maxHeight?: number): number {
  if (containerWidth <= 0 || room.width <= 0) return MIN_SCALE;
  const byHeight = maxHeight && room.height > 0 ? maxHeight / room.height : Number.POSITIVE_INFINITY;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.min(containerWidth / room.width, byHeight)));
}

export function cmToPx(cm: number, scale: number): number {
  return cm * scale;
}

export function pxToCm(px: number, scale: number): number {
  return px / scale;
}

/** The table's footprint on the plan (cm), centred on its position. */
export function tableRect(table: Pick<PlanTable, 'x' | 'y' | 'shape' | 'maxGuests'>): Rect {
  const { width, height } = tableFootprint(table.shape, table.maxGuests);
  return { left: table.x - width / 2, top: table.y - height / 2, width, height };
}

/** A plan rectangle (cm) in screen pixels. */
export function rectToPx(rect: Rect, scale: number): Rect {
  return {
    left: cmToPx(rect.left, scale),
    top: cmToPx(rect.top, scale),
    width: cmToPx(rect.width, scale),
    height: cmToPx(rect.height, scale),
  };
}

/**
 * Where a table lands when dragged by `deltaPx` from `from`: the new centre in cm, snapped to
 * `grid` and with its whole footprint inside the room.
 */
export function dropPosition(
  table: Pick<PlanTable, 'shape' | 'maxGuests'>,
  from: Point,
  deltaPx: Point,
  scale: number,
  room: Size,
  grid = SNAP_CM,
): Point {
  const size = tableFootprint(table.shape, table.maxGuests);
  return {
    x: snapToRoom(from.x + pxToCm(deltaPx.x, scale), size.width, room.width, grid),
    y: snapToRoom(from.y + pxToCm(deltaPx.y, scale), size.height, room.height, grid),
  };
}

/** The screen offset (px) that shows a table at `to` while it is still drawn at `from`. */
export function offsetPx(from: Point, to: Point, scale: number): Point {
  return { x: cmToPx(to.x - from.x, scale), y: cmToPx(to.y - from.y, scale) };
}

export type SectionBox = { name: string; rect: Rect };

/**
 * One dashed area per section: the bounding box of its tables' footprints plus `padding` (cm;
 * `topPadding` leaves room for the label), clipped to the room. Sections in name order.
 */
export function sectionBoxes(
  tables: readonly PlanTable[],
  room: Size,
  padding = SECTION_PADDING_CM,
  topPadding = padding,
): SectionBox[] {
  const bounds = new Map<string, { left: number; top: number; right: number; bottom: number }>();
  for (const t of tables) {
    if (!t.section) continue;
    const r = tableRect(t);
    const b = bounds.get(t.section);
    bounds.set(
      t.section,
      b
        ? {
            left: Math.min(b.left, r.left),
            top: Math.min(b.top, r.top),
            right: Math.max(b.right, r.left + r.width),
            bottom: Math.max(b.bottom, r.top + r.height),
          }
        : { left: r.left, top: r.top, right: r.left + r.width, bottom: r.top + r.height },
    );
  }
  return [...bounds.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, b]) => {
      const left = Math.max(0, b.left - padding);
      const top = Math.max(0, b.top - topPadding);
      const right = Math.min(room.width, b.right + padding);
      const bottom = Math.min(room.height, b.bottom + padding);
      return { name, rect: { left, top, width: right - left, height: bottom - top } };
    });
}

/** "2–4" (or "4" when both are the same). */
export function seatsLabel(t: { minGuests: number; maxGuests: number }): string {
  return t.minGuests === t.maxGuests ? String(t.maxGuests) : `${t.minGuests}–${t.maxGuests}`;
}

/** "Table T4, 2–4 seats" — what assistive technology says for a table on the plan. */
export function tableAriaLabel(t: { name: string; minGuests: number; maxGuests: number }): string {
  const seats = seatsLabel(t);
  return `Table ${t.name}, ${seats} ${seats === '1' ? 'seat' : 'seats'}`;
}

/** A room size for people: "12 × 8 m", "7.5 × 4.25 m". */
export function formatRoomSize(room: Size): string {
  const m = (cm: number) => String(Math.round(cm) / 100);
  return `${m(room.width)} × ${m(room.height)} m`;
}
