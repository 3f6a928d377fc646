import { describe, expect, it } from 'vitest';
import { segmentsOf } from './segments';

const now = new Date('2026-11-21T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const base = { tags: [], visitCount: 5, noShowCount: 0, recentVisits: 0, lastVisitAt: daysAgo(10) };

describe('segmentsOf', () => {
  it('VIP by tag, in any case', () => {
    expect(segmentsOf({ ...base, tags: ['Vip'] }, now)).toEqual(['vip']);
    expect(segmentsOf({ ...base, tags: ['regular'] }, now)).toEqual([]);
  });
  it('frequent: three visits within 90 days', () => {
    expect(segmentsOf({ ...base, recentVisits: 3 }, now)).toEqual(['frequent']);
    expect(segmentsOf({ ...base, recentVisits: 2 }, now)).toEqual([]);
  });
  it('new: zero or one completed visit', () => {
    expect(segmentsOf({ ...base, visitCount: 0, lastVisitAt: null }, now)).toEqual(['new']);
    expect(segmentsOf({ ...base, visitCount: 1 }, now)).toEqual(['new']);
    expect(segmentsOf({ ...base, visitCount: 2 }, now)).toEqual([]);
  });
  it('at risk: two no-shows, or no visit in 180 days', () => {
    expect(segmentsOf({ ...base, noShowCount: 2 }, now)).toEqual(['at_risk']);
    expect(segmentsOf({ ...base, lastVisitAt: daysAgo(181) }, now)).toEqual(['at_risk']);
    expect(segmentsOf({ ...base, lastVisitAt: daysAgo(179) }, now)).toEqual([]);
  });
  it('segments combine', () => {
    expect(segmentsOf({ ...base, tags: ['VIP'], visitCount: 1, noShowCount: 3 }, now)).toEqual([
      'vip',
      'new',
      'at_risk',
    ]);
  });
});
