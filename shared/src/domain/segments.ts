/**
 * Guest segments, computed by rule (never stored): the same rules run here for badges and, as
 * SQL in the guests list, for filters — a test keeps the two in step.
 */
export const SEGMENTS = ['vip', 'frequent', 'new', 'at_risk'] as const;
export type TSegment = (typeof SEGMENTS)[number];

export const SEGMENT_RULES = {
  /** Tagged VIP (any case). */
  vipTag: 'vip',
  /** At least this many completed visits within `frequentWindowDays`. */
  frequentVisits: 3,
  frequentWindowDays: 90,
  /** At most this many completed visits in total. */
  newMaxVisits: 1,
  /** At least this many no-shows, or no visit for `atRiskQuietDays` (after at least one visit). */
  atRiskNoShows: 2,
  atRiskQuietDays: 180,
} as const;

export const SEGMENT_LABELS: Record<TSegment, string> = {
  vip: 'VIP',
  frequent: 'Frequent',
  new: 'New',
  at_risk: 'At risk',
};

export type SegmentFacts = {
  tags: readonly string[];
  visitCount: number;
  noShowCount: number;
  /** Completed visits within the frequent window. */
  recentVisits: number;
  lastVisitAt: Date | null;
};

export function segmentsOf(g: SegmentFacts, now: Date = new Date()): TSegment[] {
  const r = SEGMENT_RULES;
  const out: TSegment[] = [];
  if (g.tags.some((t) => t.toLowerCase() === r.vipTag)) out.push('vip');
  if (g.recentVisits >= r.frequentVisits) out.push('frequent');
  if (g.visitCount <= r.newMaxVisits) out.push('new');
  const quiet =
    g.lastVisitAt !== null && now.getTime() - g.lastVisitAt.getTime() > r.atRiskQuietDays * 86_400_000;
  if (g.noShowCount >= r.atRiskNoShows || quiet) out.push('at_risk');
  return out;
}
