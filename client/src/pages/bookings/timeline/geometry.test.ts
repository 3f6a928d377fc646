import { describe, expect, it } from 'vitest';
import {
  boundaryAt,
  buildAxis,
  columnAt,
  type GridLike,
  instantToX,
  planMove,
  planOffset,
  planResize,
  ROW_PX,
  resizeWidth,
  spanRect,
  wallTime,
  xToInstant,
} from './geometry';

const TZ = 'Europe/Berlin';
const M = 60_000;

/** Slots the way availability.grid makes them: real instants `interval` apart, labelled locally. */
function gridOf(firstUtc: string, count: number, intervalMin: number, open = (_i: number) => true): GridLike {
  const first = Date.parse(firstUtc);
  return {
    slotIntervalMin: intervalMin,
    timeZone: TZ,
    slots: Array.from({ length: count }, (_, i) => {
      const at = first + i * intervalMin * M;
      return { time: wallTime(at, TZ), startsAt: new Date(at), open: open(i) };
    }),
  };
}

const span = (from: string, to: string) => ({ startsAt: new Date(from), endsAt: new Date(to) });

/** A Tuesday in May (CEST, UTC+2): 30-minute slots 12:00–15:00 and 18:00–23:00. */
const may = gridOf('2026-05-12T10:00:00Z', 22, 30, (i) => i < 6 || i >= 12);

describe('an ordinary day', () => {
  const axis = buildAxis(may)!;

  it('lays the slots out as equal columns, 2 px per minute', () => {
    expect(axis.slotPx).toBe(60);
    expect(axis.width).toBe(22 * 60);
    expect(axis.columns.map((c) => c.time).slice(0, 3)).toEqual(['12:00', '12:30', '13:00']);
    expect(axis.columns.filter((c) => !c.open).map((c) => c.time)).toEqual([
      '15:00',
      '15:30',
      '16:00',
      '16:30',
      '17:00',
      '17:30',
    ]);
  });

  it('fits the day into the width it has, within 1.2 to 2 px per minute', () => {
    expect(buildAxis(may, [], 880)!.slotPx).toBe(40);
    expect(buildAxis(may, [], 5000)!.slotPx).toBe(60);
    expect(buildAxis(may, [], 300)!.slotPx).toBe(36);
    const fitted = buildAxis(may, [], 880)!;
    expect(instantToX(fitted, new Date('2026-05-12T17:00:00Z'))).toBe(14 * 40);
  });

  it('maps instants to pixels and back', () => {
    // 19:00 CEST is the 15th slot: 14 × 60 px.
    expect(instantToX(axis, new Date('2026-05-12T17:00:00Z'))).toBe(840);
    expect(instantToX(axis, new Date('2026-05-12T17:15:00Z'))).toBe(870);
    expect(xToInstant(axis, 870)).toBe(Date.parse('2026-05-12T17:15:00Z'));
    expect(spanRect(axis, span('2026-05-12T17:00:00Z', '2026-05-12T19:00:00Z'))).toEqual({
      left: 840,
      width: 240,
    });
    expect(columnAt(axis, 845)).toBe(14);
    expect(columnAt(axis, -1)).toBeNull();
    expect(columnAt(axis, axis.width)).toBeNull();
  });

  it('grows closed columns for bookings that run past closing or start early', () => {
    const late = buildAxis(may, [span('2026-05-12T20:30:00Z', '2026-05-12T22:00:00Z')])!;
    expect(late.columns.map((c) => c.time).slice(-3)).toEqual(['22:30', '23:00', '23:30']);
    expect(late.columns.at(-1)).toMatchObject({ open: false, extra: true });
    const early = buildAxis(may, [span('2026-05-12T09:15:00Z', '2026-05-12T10:30:00Z')])!;
    expect(early.columns[0]).toMatchObject({ time: '11:00', open: false, extra: true });
    expect(early.lead).toBe(2);
    expect(early.columns[early.lead]!.time).toBe(may.slots[0]!.time);
    expect(instantToX(early, new Date('2026-05-12T09:15:00Z'))).toBe(30);
  });

  it('is empty on a closed day without bookings, and draws bookings on one with', () => {
    const closed: GridLike = { slotIntervalMin: 30, timeZone: TZ, slots: [] };
    expect(buildAxis(closed)).toBeNull();
    const axisWith = buildAxis(closed, [span('2026-05-11T17:00:00Z', '2026-05-11T18:30:00Z')])!;
    expect(axisWith.columns.map((c) => c.time)).toEqual(['19:00', '19:30', '20:00']);
    expect(axisWith.columns.every((c) => !c.open)).toBe(true);
  });

  it('snaps a dragged bar to the nearest slot and table row', () => {
    const bar = { ...span('2026-05-12T17:00:00Z', '2026-05-12T19:00:00Z'), row: 1 };
    // 95 px right (1.6 slots → 2) and 60 px down (1.25 rows → 1).
    const plan = planMove(axis, bar, { x: 95, y: 60 }, 4);
    expect(plan).toMatchObject({ row: 2, time: '20:00', timeChanged: true });
    expect(planOffset(axis, bar, plan)).toEqual({ x: 120, y: ROW_PX });
    // Less than half a slot sideways: same time, other table.
    expect(planMove(axis, bar, { x: 20, y: -ROW_PX }, 4)).toMatchObject({ row: 0, timeChanged: false });
    // Never off the axis or the table list.
    expect(planMove(axis, bar, { x: -5000, y: 5000 }, 4)).toMatchObject({ row: 3, time: '12:00' });
    expect(planMove(axis, bar, { x: 5000, y: 0 }, 4)).toMatchObject({ time: '22:30' });
  });

  it('snaps a bar that starts between slots onto the slot grid', () => {
    const walkIn = { ...span('2026-05-12T17:10:00Z', '2026-05-12T18:10:00Z'), row: 0 };
    expect(planMove(axis, walkIn, { x: 0, y: ROW_PX }, 2)).toMatchObject({
      startsAt: Date.parse('2026-05-12T17:10:00Z'),
      timeChanged: false,
    });
    expect(planMove(axis, walkIn, { x: 60, y: 0 }, 2)).toMatchObject({ time: '19:30' });
  });

  it('resizes in whole slots within the API limits', () => {
    const bar = span('2026-05-12T17:00:00Z', '2026-05-12T19:00:00Z');
    expect(planResize(axis, bar, 35)).toBe(150);
    expect(planResize(axis, bar, -25)).toBe(120);
    expect(planResize(axis, bar, -1000)).toBe(30);
    expect(planResize(axis, bar, 10_000)).toBe(720);
    expect(resizeWidth(axis, bar, 150)).toBe(300);
    // 10-minute slots: at least 15 minutes means two slots.
    const fine = buildAxis(gridOf('2026-05-12T16:00:00Z', 30, 10))!;
    expect(planResize(fine, span('2026-05-12T17:00:00Z', '2026-05-12T18:00:00Z'), -1000)).toBe(20);
  });
});

describe('days when the clocks change', () => {
  it('autumn: the 25-hour day shows 02:00 twice and keeps real time', () => {
    // 25 Oct 2026, Berlin: 03:00 CEST becomes 02:00 CET. Hourly slots from local midnight (22:00Z).
    const grid = gridOf('2026-10-24T22:00:00Z', 25, 60);
    const axis = buildAxis(grid)!;
    expect(axis.columns.map((c) => c.time).slice(0, 6)).toEqual([
      '00:00',
      '01:00',
      '02:00',
      '02:00',
      '03:00',
      '04:00',
    ]);
    expect(axis.width).toBe(25 * 120);
    // 03:00 CET (02:00Z) is four real hours after midnight, not three.
    expect(instantToX(axis, new Date('2026-10-25T02:00:00Z'))).toBe(4 * 120);
    // The second 02:30 (01:30Z) sits in the second 02:00 column.
    expect(instantToX(axis, new Date('2026-10-25T01:30:00Z'))).toBe(3.5 * 120);
    expect(wallTime(xToInstant(axis, 3.5 * 120), TZ)).toBe('02:30');
    // 01:30 CEST → 03:30 CET is three hours long on the screen.
    expect(spanRect(axis, span('2026-10-24T23:30:00Z', '2026-10-25T02:30:00Z'))).toEqual({
      left: 1.5 * 120,
      width: 3 * 120,
    });
    // The last column is 23:00 CET; a bar ending at midnight ends on the axis's edge.
    expect(axis.columns.at(-1)!.time).toBe('23:00');
    expect(instantToX(axis, new Date('2026-10-25T23:00:00Z'))).toBe(axis.width);
  });

  it('spring: the 23-hour day has no 02:00 column', () => {
    // 29 Mar 2026, Berlin: 02:00 CET becomes 03:00 CEST. Local midnight is 23:00Z the day before.
    const grid = gridOf('2026-03-28T23:00:00Z', 23, 60);
    const axis = buildAxis(grid)!;
    expect(axis.columns.map((c) => c.time).slice(0, 4)).toEqual(['00:00', '01:00', '03:00', '04:00']);
    expect(axis.width).toBe(23 * 120);
    expect(instantToX(axis, new Date('2026-03-29T01:00:00Z'))).toBe(2 * 120); // 03:00 CEST
    // 01:00 CET → 04:00 CEST is two real hours.
    expect(spanRect(axis, span('2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z')).width).toBe(2 * 120);
    // Dragging a 01:00 booking one column right lands on 03:00, the next slot that exists.
    const bar = { ...span('2026-03-29T00:00:00Z', '2026-03-29T01:30:00Z'), row: 0 };
    expect(planMove(axis, bar, { x: 120, y: 0 }, 1)).toMatchObject({
      time: '03:00',
      startsAt: Date.parse('2026-03-29T01:00:00Z'),
    });
  });

  it('keeps going at the same pace beyond either end', () => {
    const axis = buildAxis(gridOf('2026-10-24T22:00:00Z', 25, 60))!;
    expect(boundaryAt(axis, -1)).toBe(Date.parse('2026-10-24T21:00:00Z'));
    expect(boundaryAt(axis, 26)).toBe(Date.parse('2026-10-26T00:00:00Z'));
    expect(instantToX(axis, new Date('2026-10-24T21:30:00Z'))).toBe(-60);
  });
});
