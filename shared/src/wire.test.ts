import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { wireTransformer } from './wire';

/** What a link does with an answer: JSON text off the wire, parsed, then deserialized. */
const roundTrip = (value: unknown) =>
  wireTransformer.deserialize(JSON.parse(JSON.stringify(superjson.serialize(value))));

describe('wireTransformer.deserialize: the same values as superjson', () => {
  const at = new Date('2026-10-25T00:30:00.000Z');
  const shared = { id: 'x' };
  const cases: [string, unknown][] = [
    [
      'a grid',
      {
        slots: [
          { time: '19:00', startsAt: at, open: true },
          { time: '19:30', startsAt: new Date(at.getTime() + 1_800_000), open: false },
        ],
        bookings: [{ id: 'b', startsAt: at, endsAt: at, specialRequests: null, tableIds: ['t'] }],
        blocks: [],
      },
    ],
    ['undefined fields and items', { a: undefined, b: [1, undefined, 'c'], c: { d: undefined } }],
    ['nested arrays', [[at], [[at, 1]], []]],
    ['keys that look like indexes', { '0': at, '01': at, items: { '10': at } }],
    // Left to superjson:
    ['a Date at the root', at],
    ['undefined at the root', undefined],
    ['a Map and a Set', { m: new Map([['k', at]]), s: new Set([at]) }],
    ['a bigint', { n: 10n }],
    ['NaN and -0', { a: Number.NaN, b: -0 }],
    ['one object at two places', { a: shared, b: [shared] }],
    ['keys superjson escapes', { fieldErrors: { 'services.2.start': [at], 'a\\b': [at] } }],
    ['no annotations', { a: 1, b: ['x'] }],
  ];
  it.each(cases)('%s', (_, value) => {
    expect(roundTrip(value)).toEqual(
      superjson.deserialize(JSON.parse(JSON.stringify(superjson.serialize(value)))),
    );
    expect(roundTrip(value)).toEqual(value);
  });

  it('applies Dates in place, as real Date objects', () => {
    const payload = JSON.parse(JSON.stringify(superjson.serialize({ list: [{ at }] })));
    const out = wireTransformer.deserialize(payload) as { list: { at: Date }[] };
    expect(out).toBe(payload.json);
    expect(out.list[0]!.at).toBeInstanceOf(Date);
    expect(out.list[0]!.at.getTime()).toBe(at.getTime());
  });

  it('changes nothing when one annotation does not fit, and leaves the whole answer to superjson', () => {
    // An annotation whose path does not exist: superjson's own behaviour decides, nothing is half-applied.
    const payload = {
      json: { a: '2026-01-01T00:00:00.000Z', b: {} },
      meta: { values: { a: ['Date'], 'b.missing.deep': ['Date'] }, v: 1 },
    };
    const copy = structuredClone(payload);
    let superjsonAnswer: unknown;
    let superjsonError: unknown;
    try {
      superjsonAnswer = superjson.deserialize(structuredClone(copy) as never);
    } catch (err) {
      superjsonError = err;
    }
    if (superjsonError) expect(() => wireTransformer.deserialize(payload as never)).toThrow();
    else expect(wireTransformer.deserialize(payload as never)).toEqual(superjsonAnswer);
  });

  it('never writes through __proto__', () => {
    const payload = JSON.parse(
      '{"json":{"__proto__":{"polluted":"2026-01-01T00:00:00.000Z"}},"meta":{"values":{"__proto__.polluted":["Date"]},"v":1}}',
    );
    try {
      wireTransformer.deserialize(payload);
    } catch {
      // superjson refuses such paths; either way nothing leaks into Object.prototype
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
