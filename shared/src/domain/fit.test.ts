import { describe, expect, it } from 'vitest';
import { compareNames, type FitCombination, type FitTable, noFitReason, rankFits } from './fit';

const table = (id: string, minGuests: number, maxGuests: number, name = id): FitTable => ({
  id,
  name,
  minGuests,
  maxGuests,
});
const combo = (
  id: string,
  tableIds: string[],
  minGuests: number,
  maxGuests: number,
  name = id,
): FitCombination => ({
  id,
  name,
  tableIds,
  minGuests,
  maxGuests,
});

const tables = [
  table('t10', 2, 4, 'T10'),
  table('t3', 3, 6, 'T3'),
  table('t2', 2, 4, 'T2'),
  table('t1', 1, 2, 'T1'),
  table('t8', 6, 8, 'T8'),
];

describe('rankFits', () => {
  it('single tables by fewest empty seats, then natural name order; minGuests respected', () => {
    const options = rankFits(4, tables, []);
    expect(options.map((o) => o.label)).toEqual(['T2', 'T10', 'T3']);
    expect(options[0]).toEqual({
      kind: 'table',
      tableIds: ['t2'],
      combinationId: null,
      label: 'T2',
      seats: 4,
      emptySeats: 0,
      reason: 'Best fit: 4 seats for 4 guests',
    });
    expect(options.map((o) => o.emptySeats)).toEqual([0, 0, 2]);
    expect(options[1]!.reason).toBe('Exact fit: 4 seats for 4 guests');
    expect(options[2]!.reason).toBe('6 seats for 4 guests (2 empty seats)');
    // T8 needs at least 6 guests, T1 seats at most 2.
    expect(rankFits(5, tables, []).map((o) => o.label)).toEqual(['T3']);
    expect(rankFits(1, tables, []).map((o) => o.label)).toEqual(['T1']);
    expect(rankFits(1, tables, [])[0]!.reason).toBe('Best fit: 2 seats for 1 guest');
    expect(rankFits(2, tables, []).map((o) => o.label)).toEqual(['T1', 'T2', 'T10']);
  });

  it('ties on empty seats go to the snuggest free time, missing slack counts as unlimited', () => {
    const slack = new Map([
      ['t10', 15],
      ['t2', 60],
    ]);
    expect(rankFits(4, tables, [], slack).map((o) => o.label)).toEqual(['T10', 'T2', 'T3']);
    expect(rankFits(4, tables, [], new Map([['t10', 600]])).map((o) => o.label)).toEqual(['T10', 'T2', 'T3']);
    // Slack never beats fewer empty seats.
    expect(rankFits(4, tables, [], new Map([['t3', 0]])).map((o) => o.label)).toEqual(['T2', 'T10', 'T3']);
    // Equal slack → name.
    expect(
      rankFits(
        4,
        tables,
        [],
        new Map([
          ['t10', 30],
          ['t2', 30],
        ]),
      ).map((o) => o.label),
    ).toEqual(['T2', 'T10', 'T3']);
  });

  it('combinations come after every single table, need all member tables free and respect min/max', () => {
    const combos = [
      combo('c-big', ['t2', 't10', 't3'], 6, 14, 'T2+T10+T3'),
      combo('c-exact', ['t2', 't10'], 5, 8, 'T2+T10'),
      combo('c-busy', ['t8', 'tX'], 6, 12, 'T8+TX'), // tX is not free
      combo('c-small', ['t1', 't2'], 1, 6, 'T1+T2'), // would fit 6 guests only
    ];
    const options = rankFits(6, tables, combos);
    expect(options.map((o) => `${o.kind}:${o.label}`)).toEqual([
      'table:T3',
      'table:T8',
      'combination:T1+T2',
      'combination:T2+T10',
      'combination:T2+T10+T3',
    ]);
    expect(options[2]).toEqual({
      kind: 'combination',
      tableIds: ['t1', 't2'],
      combinationId: 'c-small',
      label: 'T1+T2',
      seats: 6,
      emptySeats: 0,
      reason: 'Combination: 6 seats for 6 guests (T1 + T2)',
    });
    // A combination with no empty seats still ranks after a table with two.
    expect(rankFits(4, tables, [combo('c', ['t1', 't2'], 4, 4)]).map((o) => o.kind)).toEqual([
      'table',
      'table',
      'table',
      'combination',
    ]);
  });

  it('a party larger than any free table gets combinations for a large party', () => {
    const combos = [
      combo('c1', ['t8', 't3'], 9, 14, 'Long table'),
      combo('c2', ['t8', 't2'], 8, 12, 'Corner'),
    ];
    const options = rankFits(10, tables, combos);
    expect(options.map((o) => o.label)).toEqual(['Corner', 'Long table']);
    expect(options[0]!.reason).toBe('Combination for a large party: 12 seats for 10 guests (T8 + T2)');
    expect(options[0]!.emptySeats).toBe(2);
  });

  it('combinations tie-break by fewer tables, then natural name', () => {
    const combos = [
      combo('a', ['t1', 't2', 't10'], 1, 10, 'A1'),
      combo('b', ['t3', 't8'], 1, 10, 'C9'),
      combo('c', ['t3', 't2'], 1, 10, 'C2'),
    ];
    expect(rankFits(9, tables, combos).map((o) => o.label)).toEqual(['C2', 'C9', 'A1']);
  });

  it('nothing fits → empty; inputs are not mutated', () => {
    const copy = structuredClone(tables);
    expect(rankFits(20, tables, [])).toEqual([]);
    expect(rankFits(4, [], [combo('c', ['t2', 't10'], 2, 8)])).toEqual([]);
    rankFits(4, tables, [], new Map([['t10', 1]]));
    expect(tables).toEqual(copy);
  });

  it('natural name order', () => {
    expect(['T10', 'T2', 'Bar 1', 't1', 'T1'].sort(compareNames)).toEqual(['Bar 1', 't1', 'T1', 'T2', 'T10']);
  });
});

describe('noFitReason', () => {
  const combos = [combo('c', ['t8', 't3'], 8, 14)];

  it("'party_too_large' only when no table or combination could ever seat the party", () => {
    expect(noFitReason(15, tables, combos)).toBe('party_too_large');
    expect(noFitReason(14, tables, combos)).toBe('full');
    expect(noFitReason(9, tables, [])).toBe('party_too_large');
    expect(noFitReason(8, tables, [])).toBe('full');
    expect(noFitReason(2, [], [])).toBe('party_too_large');
  });
});
