import { describe, expect, it } from 'vitest';
import { addMinutesToTime, floorTime, formatDuration, freeTablesAt } from './seating';
import { grid } from './test-fixtures';

describe('seating helpers', () => {
  it('lists the tables free for the whole stay from the grid, best fit first', () => {
    const g = grid({
      T1: ['free', 'free', 'free', 'free', 'free', 'free', 'free', 'free'],
      T2: ['free', 'free', 'free', 'free', 'reserved', 'free', 'free', 'free'],
      T3: ['free', 'free', 'free', 'free', 'free', 'free', 'closed', 'closed'],
    });
    // 19:30 for 2 hours = 4 slots (19:30 … 21:00): T2 is reserved at 20:00, T3 closes at 21:00.
    expect(freeTablesAt(g, '19:30', 120, 2).map((o) => o.label)).toEqual(['T1']);
    expect(freeTablesAt(g, '18:00', 60, 2).map((o) => o.label)).toEqual(['T1', 'T2', 'T3']);
    expect(freeTablesAt(g, '18:00', 60, 3).map((o) => o.label)).toEqual(['T2', 'T3']);
    expect(freeTablesAt(g, '21:00', 30, 5, { outsideHours: true }).map((o) => o.label)).toEqual(['T3']);
    expect(freeTablesAt(g, '23:00', 30, 2)).toEqual([]);
  });

  it('does clock arithmetic', () => {
    expect(addMinutesToTime('23:30', 90)).toBe('01:00');
    expect(floorTime('19:42', 15)).toBe('19:30');
    expect(floorTime('19:42', 30)).toBe('19:30');
    expect(formatDuration(90)).toBe('1 h 30 min');
    expect(formatDuration(120)).toBe('2 h');
    expect(formatDuration(45)).toBe('45 min');
  });
});
