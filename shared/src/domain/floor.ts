import type { TTableShape } from './enums';

/** A table's size on the floor plan (cm), derived from its shape and capacity. */
export function tableFootprint(shape: TTableShape, maxGuests: number): { width: number; height: number } {
  const seats = Math.max(1, Math.min(maxGuests, 20));
  switch (shape) {
    case 'round': {
      const d = Math.min(220, 50 + 14 * seats);
      return { width: d, height: d };
    }
    case 'square': {
      const s = Math.min(180, 50 + 12 * seats);
      return { width: s, height: s };
    }
    case 'rectangle':
      return { width: Math.min(420, 40 + 35 * seats), height: 80 };
  }
}

/** Snaps a plan coordinate to the grid and keeps the table's footprint inside the room. */
export function snapToRoom(center: number, size: number, room: number, grid: number): number {
  const half = size / 2;
  const snapped = Math.round(center / grid) * grid;
  return Math.round(Math.min(Math.max(snapped, half), Math.max(half, room - half)));
}
