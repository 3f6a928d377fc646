import { tableFootprint } from '@tobeout/shared';
import { describe, expect, it } from 'vitest';
import {
  dropPosition,
  fitScale,
  formatRoomSize,
  MAX_SCALE,
  MIN_SCALE,
  offsetPx,
  type PlanTable,
  pxToCm,
  rectToPx,
  seatsLabel,
  sectionBoxes,
  tableAriaLabel,
  tableRect,
} from './geometry';

const room = { width: 1200, height: 800 };
const t = (id: string, x: number, y: number, section: string | null, maxGuests = 4): PlanTable => ({
  id,
  x,
  y,
  shape: 'square',
  maxGuests,
  section,
});

describe('scale', () => {
  it('fits the room to the container width, within limits', () => {
    expect(fitScale(960, room)).toBeCloseTo(0.8);
    expect(fitScale(100, room)).toBe(MIN_SCALE);
    expect(fitScale(10_000, room)).toBe(MAX_SCALE);
    expect(fitScale(0, room)).toBe(MIN_SCALE);
  });

  it('keeps the whole room in view when a height is given', () => {
    expect(fitScale(960, room, 1000)).toBeCloseTo(0.8);
    expect(fitScale(960, room, 480)).toBeCloseTo(0.6);
    expect(fitScale(960, room, 80)).toBe(MIN_SCALE);
  });

  it('converts between centimetres and pixels both ways', () => {
    expect(pxToCm(80, 0.8)).toBe(100);
    expect(rectToPx({ left: 100, top: 50, width: 200, height: 80 }, 0.5)).toEqual({
      left: 50,
      top: 25,
      width: 100,
      height: 40,
    });
  });
});

describe('tables', () => {
  it('centres the footprint on the table position', () => {
    const size = tableFootprint('square', 4); // 98 × 98
    expect(tableRect(t('a', 300, 200, null))).toEqual({
      left: 300 - size.width / 2,
      top: 200 - size.height / 2,
      width: size.width,
      height: size.height,
    });
  });

  it('labels seats and names tables for screen readers', () => {
    expect(seatsLabel({ minGuests: 2, maxGuests: 4 })).toBe('2–4');
    expect(seatsLabel({ minGuests: 4, maxGuests: 4 })).toBe('4');
    expect(tableAriaLabel({ name: 'T4', minGuests: 2, maxGuests: 4 })).toBe('Table T4, 2–4 seats');
    expect(tableAriaLabel({ name: 'Bar', minGuests: 1, maxGuests: 1 })).toBe('Table Bar, 1 seat');
  });

  it('formats the room size in metres', () => {
    expect(formatRoomSize(room)).toBe('12 × 8 m');
    expect(formatRoomSize({ width: 750, height: 425 })).toBe('7.5 × 4.25 m');
  });
});

describe('dropPosition', () => {
  const table = { shape: 'square' as const, maxGuests: 4 }; // 98 × 98 cm

  it('turns a pixel delta into centimetres and snaps to the 25 cm grid', () => {
    // 0.5 px/cm: 61 px right = 122 cm → 422 → 425; 39 px down = 78 cm → 378 → 375.
    expect(dropPosition(table, { x: 300, y: 300 }, { x: 61, y: 39 }, 0.5, room)).toEqual({ x: 425, y: 375 });
  });

  it('keeps the whole footprint inside the room', () => {
    expect(dropPosition(table, { x: 100, y: 100 }, { x: -500, y: -500 }, 1, room)).toEqual({ x: 49, y: 49 });
    expect(dropPosition(table, { x: 1100, y: 700 }, { x: 900, y: 900 }, 1, room)).toEqual({
      x: 1151,
      y: 751,
    });
  });

  it('is stable: dropping where a snapped drag showed the table gives the same place', () => {
    const from = { x: 337, y: 212 };
    const first = dropPosition(table, from, { x: 47.3, y: -19.9 }, 0.8, room);
    const again = dropPosition(table, from, offsetPx(from, first, 0.8), 0.8, room);
    expect(again).toEqual(first);
  });
});

describe('sectionBoxes', () => {
  it('draws one padded box around each section, in name order, ignoring tables without one', () => {
    const size = tableFootprint('square', 4).width; // 98
    const boxes = sectionBoxes(
      [t('1', 300, 300, 'Window'), t('2', 600, 400, 'Window'), t('3', 900, 600, 'Bar'), t('4', 50, 50, null)],
      room,
      20,
    );
    expect(boxes.map((b) => b.name)).toEqual(['Bar', 'Window']);
    expect(boxes[1]!.rect).toEqual({
      left: 300 - size / 2 - 20,
      top: 300 - size / 2 - 20,
      width: 300 + size + 40,
      height: 100 + size + 40,
    });
  });

  it('clips boxes to the room and can leave extra room at the top for the label', () => {
    const [box] = sectionBoxes([t('1', 60, 60, 'Corner')], room, 30, 60);
    expect(box!.rect.left).toBe(0);
    expect(box!.rect.top).toBe(0);
    const [lower] = sectionBoxes([t('1', 500, 500, 'Mid')], room, 30, 60);
    expect(lower!.rect.top).toBe(500 - 49 - 60);
    expect(lower!.rect.height).toBe(49 + 60 + 49 + 30);
  });
});
