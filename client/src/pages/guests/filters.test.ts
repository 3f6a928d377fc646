import { describe, expect, it } from 'vitest';
import {
  countFilters,
  exportHref,
  fromSearchParams,
  type GuestFilterValues,
  NO_FILTERS,
  nextSort,
  toListInput,
  toSearchParams,
} from './filters';

const all: GuestFilterValues = {
  q: '  anna ',
  segment: 'vip',
  language: 'de',
  tag: ' window ',
  minVisits: 3,
  lastVisit: ['2026-01-01', '2026-03-31'],
};

describe('guest filters → API input', () => {
  it('sends only what is set, trimmed', () => {
    expect(toListInput(NO_FILTERS, null, 50)).toEqual({ limit: 50 });
    expect(toListInput(all, { sort: 'visits', dir: 'desc' }, 50)).toEqual({
      q: 'anna',
      segment: 'vip',
      language: 'de',
      tag: 'window',
      minVisits: 3,
      lastVisitFrom: '2026-01-01',
      lastVisitTo: '2026-03-31',
      sort: 'visits',
      dir: 'desc',
      limit: 50,
    });
    // Zero visits is no filter; half a date range is an open range.
    expect(toListInput({ ...NO_FILTERS, minVisits: 0, lastVisit: ['2026-02-01', null] }, null, 20)).toEqual({
      lastVisitFrom: '2026-02-01',
      limit: 20,
    });
  });

  it('exports exactly the filters (not the sort)', () => {
    expect(exportHref(NO_FILTERS)).toBe('/export/guests.csv');
    expect(exportHref(all)).toBe(
      '/export/guests.csv?q=anna&segment=vip&language=de&tag=window&minVisits=3&lastVisitFrom=2026-01-01&lastVisitTo=2026-03-31',
    );
    expect(exportHref({ ...NO_FILTERS, q: 'Zoë & Co' })).toBe('/export/guests.csv?q=Zo%C3%AB+%26+Co');
  });

  it('round-trips through the address and ignores what is malformed', () => {
    const sort = { sort: 'lastVisit', dir: 'asc' } as const;
    const params = toSearchParams({ ...all, q: 'anna', tag: 'window' }, sort);
    expect(fromSearchParams(params)).toEqual({ filters: { ...all, q: 'anna', tag: 'window' }, sort });
    expect(
      fromSearchParams(
        new URLSearchParams('segment=gold&language=German&minVisits=-2&lastVisitFrom=yesterday&sort=age'),
      ),
    ).toEqual({ filters: NO_FILTERS, sort: null });
    expect(fromSearchParams(new URLSearchParams('sort=visits')).sort).toEqual({
      sort: 'visits',
      dir: 'desc',
    });
  });

  it('sorts a column its natural way first, then the other way', () => {
    expect(nextSort(null, 'name')).toEqual({ sort: 'name', dir: 'asc' });
    expect(nextSort({ sort: 'name', dir: 'asc' }, 'name')).toEqual({ sort: 'name', dir: 'desc' });
    expect(nextSort({ sort: 'name', dir: 'asc' }, 'visits')).toEqual({ sort: 'visits', dir: 'desc' });
    expect(nextSort({ sort: 'created', dir: 'desc' }, 'created')).toEqual({ sort: 'created', dir: 'asc' });
  });

  it('counts the filters besides the search (a date range is one)', () => {
    expect(countFilters(NO_FILTERS)).toBe(0);
    expect(countFilters({ ...NO_FILTERS, q: 'x' })).toBe(0);
    expect(countFilters(all)).toBe(5);
  });
});
