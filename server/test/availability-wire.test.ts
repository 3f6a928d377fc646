import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resultBody, serialize } from '../src/trpc/transformer';
import { validatedOnce } from '../src/trpc/validated-once';

/**
 * Responses (availability answers above all) are serialized by a fast path that must give exactly
 * superjson's wire form — the same JSON text — for whatever a procedure returns, and hand the rest
 * to superjson.
 */
describe('response serialization', () => {
  const at = new Date('2026-03-29T01:30:00.000Z');
  const slot = (i: number) => ({
    time: `19:${String(i * 15).padStart(2, '0')}`,
    startsAt: new Date(at.getTime() + i * 900_000),
    options: [
      { kind: 'table', tableIds: ['a', 'b'], combinationId: null, label: 'T1', seats: 2, reason: 'Best fit' },
    ],
  });
  const shared = { id: 'x' };
  const cases: [string, unknown][] = [
    [
      'an availability answer',
      { date: '2026-03-29', available: true, reason: null, slots: [slot(0), slot(1)] },
    ],
    [
      'a booking',
      { id: 'b', startsAt: at, endsAt: new Date(at.getTime() + 3_600_000), seatedAt: null, tables: [] },
    ],
    ['undefined fields and items', { a: undefined, b: [1, undefined, 'c'], c: { d: undefined } }],
    ['a Date at the root', at],
    ['undefined at the root', undefined],
    ['primitives at the root', 'text'],
    ['null', null],
    ['nested arrays', [[at], [[at, 1]], []]],
    ['an object without a prototype', Object.assign(Object.create(null), { at })],
    ['empty containers', { a: {}, b: [] }],
    // What the fast path leaves to superjson:
    ['NaN, Infinity and -0', { a: Number.NaN, b: Number.POSITIVE_INFINITY, c: -0 }],
    ['a Map and a Set', { m: new Map([['k', at]]), s: new Set([1]) }],
    ['a bigint', { n: 10n }],
    ['an invalid Date', { d: new Date('nope') }],
    ['one object at two places', { a: shared, b: [shared] }],
    ['one Date at two places', { a: at, b: at }],
    ['keys superjson escapes', { fieldErrors: { 'services.2.start': ['Overlaps.'], 'a\\b': [at] } }],
    ['a class instance', { url: new URL('https://example.com/') }],
  ];
  it.each(cases)('%s: the same as superjson', (_, value) => {
    const fast = serialize(value);
    expect(fast).toEqual(superjson.serialize(value));
    expect(JSON.stringify(fast)).toBe(JSON.stringify(superjson.serialize(value)));
    expect(superjson.deserialize(fast)).toEqual(value);
  });

  it('a sparse array: the same as superjson', () => {
    const value = { a: new Array(3) };
    expect(JSON.stringify(serialize(value))).toBe(JSON.stringify(superjson.serialize(value)));
  });
});

describe('answers shared by many requests (validatedOnce)', () => {
  const schema = z.object({
    at: z.date(),
    cells: z.array(z.object({ status: z.enum(['free', 'reserved']) })),
  });
  const cached = {
    at: new Date('2026-10-25T00:30:00.000Z'),
    cells: [{ status: 'free' }, { status: 'reserved' }],
  };

  it('validates once, then hands back the same validated answer, serialized as superjson would', () => {
    const parse = validatedOnce(schema);
    const first = parse(cached);
    expect(first).toEqual(cached);
    expect(parse(cached)).toBe(first);
    const body = resultBody(first);
    expect(String(body)).toBe(JSON.stringify({ result: { data: superjson.serialize(cached) } }));
    expect(resultBody(parse(cached))).toBe(body); // the same bytes for every request
    expect(serialize(first)).toBe(serialize(first)); // kept, not worked out again
  });

  it('still refuses what does not match, every time', () => {
    const parse = validatedOnce(schema);
    const bad = { at: 'soon', cells: [] };
    expect(() => parse(bad)).toThrow();
    expect(() => parse(bad)).toThrow();
  });
});
