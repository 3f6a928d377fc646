import { describe, expect, it } from 'vitest';
import { DEFAULT_TURN_TIMES, turnTimeFor } from './turn-times';

describe('turn times', () => {
  it('the defaults: 1–2 → 90, 3–4 → 120, 5–100 → 150', () => {
    expect(DEFAULT_TURN_TIMES).toEqual([
      { minParty: 1, maxParty: 2, minutes: 90 },
      { minParty: 3, maxParty: 4, minutes: 120 },
      { minParty: 5, maxParty: 100, minutes: 150 },
    ]);
    const got = [1, 2, 3, 4, 5, 12, 100].map((n) => turnTimeFor(n, DEFAULT_TURN_TIMES, 60));
    expect(got).toEqual([90, 90, 120, 120, 150, 150, 150]);
  });

  it('falls back to the default outside every rule, in gaps and without rules', () => {
    expect(turnTimeFor(101, DEFAULT_TURN_TIMES, 75)).toBe(75);
    const gappy = [
      { minParty: 1, maxParty: 2, minutes: 60 },
      { minParty: 6, maxParty: 8, minutes: 180 },
    ];
    expect(turnTimeFor(4, gappy, 120)).toBe(120);
    expect(turnTimeFor(2, gappy, 120)).toBe(60);
    expect(turnTimeFor(6, gappy, 120)).toBe(180);
    expect(turnTimeFor(8, gappy, 120)).toBe(180);
    expect(turnTimeFor(9, gappy, 120)).toBe(120);
    expect(turnTimeFor(3, [], 105)).toBe(105);
  });

  it('the first matching rule wins', () => {
    const overlapping = [
      { minParty: 2, maxParty: 6, minutes: 100 },
      { minParty: 1, maxParty: 4, minutes: 80 },
    ];
    expect(turnTimeFor(3, overlapping, 120)).toBe(100);
    expect(turnTimeFor(1, overlapping, 120)).toBe(80);
  });
});
