import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  addLocalMinutes,
  ceilLocal,
  formatLocalRange,
  localNow,
  localToday,
} from './local-time';

describe('local time helpers', () => {
  it('reads the wall-clock time in a zone', () => {
    const instant = new Date('2026-07-01T22:30:00Z');
    expect(localNow('Europe/Berlin', instant)).toBe('2026-07-02T00:30');
    expect(localNow('America/New_York', instant)).toBe('2026-07-01T18:30');
    expect(localToday('Europe/Berlin', instant)).toBe('2026-07-02');
  });

  it('does calendar arithmetic', () => {
    expect(addLocalMinutes('2026-12-31T23:30', 45)).toBe('2027-01-01T00:15');
    expect(addLocalDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(ceilLocal('2026-05-05T18:01')).toBe('2026-05-05T18:15');
    expect(ceilLocal('2026-05-05T18:15')).toBe('2026-05-05T18:15');
    expect(ceilLocal('2026-05-05T23:50')).toBe('2026-05-06T00:00');
  });

  it('formats ranges, with one date when they share a day', () => {
    const same = formatLocalRange('2026-11-21T18:00', '2026-11-21T20:00');
    expect(same).toMatch(/21/);
    expect(same).toMatch(/18:00|6:00/);
    expect(same.match(/21/g)).toHaveLength(1);
    expect(formatLocalRange('2026-11-21T18:00', '2026-11-22T02:00')).toMatch(/22/);
  });
});
