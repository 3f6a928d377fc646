import { guests, reservations } from '@tobeout/db';
import {
  addDays,
  phoneDigits,
  SEGMENT_RULES,
  segmentsOf,
  type TGuest,
  type TGuestFilters,
  type TSegment,
  zonedToInstant,
} from '@tobeout/shared';
import { and, eq, gte, lt, type SQL, sql } from 'drizzle-orm';

/** Completed visits of the guest within the frequent window (a correlated count over an index). */
// (Qualified by hand: in a single-table select drizzle leaves column names bare, which inside
// this subquery would resolve to the reservation's own columns.)
export const recentVisits = sql<number>`(select count(*)::int from ${reservations} rv
  where rv.restaurant_id = "guests"."restaurant_id" and rv.guest_id = "guests"."id" and rv.status = 'completed'
    and rv.starts_at > now() - make_interval(days => ${SEGMENT_RULES.frequentWindowDays}))`;

const hasTag = (tag: string) =>
  sql`exists (select 1 from unnest(${guests.tags}) t where lower(t) = lower(${tag}))`;

/** The SQL twin of `segmentsOf` (shared/src/domain/segments.ts), for filtering. */
export function segmentCondition(segment: TSegment): SQL {
  const r = SEGMENT_RULES;
  switch (segment) {
    case 'vip':
      return hasTag(r.vipTag);
    case 'frequent':
      return sql`${recentVisits} >= ${r.frequentVisits}`;
    case 'new':
      return sql`${guests.visitCount} <= ${r.newMaxVisits}`;
    case 'at_risk':
      return sql`(${guests.noShowCount} >= ${r.atRiskNoShows} or ${guests.lastVisitAt} < now() - make_interval(days => ${r.atRiskQuietDays}))`;
  }
}

/** Three or more digits (and only phone punctuation): the term searches phone numbers. */
export function isPhoneTerm(q: string): boolean {
  return phoneDigits(q).length >= 3 && /^[\d\s()+\-./]+$/.test(q);
}

/**
 * The restaurant's distinct guest names that match a name search, each with its distance
 * (0 = the term is a word of the name). Both sides are compared in their folded form (see
 * fold_name in migration 0008: "Mueller" finds "Müller"), typo-tolerant by trigram word
 * similarity from three characters, and always by substring. guest_name_matches (migrations 0010
 * and 0011) runs it through the trigram index whatever the term: never reading all of the
 * restaurant's names, which would test every name's similarity.
 */
export function matchingNames(restaurantId: string, q: string): SQL {
  const like = `%${q.replace(/[%_\\]/g, '\\$&')}%`;
  return sql`select name, distance from guest_name_matches(${restaurantId}, ${q}, ${like})`;
}

/**
 * The search term as a condition: three or more digits search the phone (any format, partial —
 * a national trunk 0 is dropped so '0170 12' finds '+4917012…'); otherwise the name (see
 * matchingNames).
 */
export function searchCondition(restaurantId: string, q: string): SQL {
  if (isPhoneTerm(q)) return sql`${guests.phone} like ${`%${phoneDigits(q)}%`}`;
  return sql`${guests.name} in (select m.name from (${matchingNames(restaurantId, q)}) m)`;
}

/** Whether any filter besides the search term is set. */
export function hasFilters(f: TGuestFilters): boolean {
  const { language, tag, segment, minVisits, lastVisitFrom, lastVisitTo } = f;
  return [language, tag, segment, minVisits, lastVisitFrom, lastVisitTo].some((v) => v !== undefined);
}

/** Every filter of the guest book as one condition (restaurant scope included). */
export function guestFilter(restaurantId: string, f: TGuestFilters, timeZone: string): SQL | undefined {
  const q = f.q?.trim();
  return and(
    eq(guests.restaurantId, restaurantId),
    q ? searchCondition(restaurantId, q) : undefined,
    f.language ? eq(guests.language, f.language) : undefined,
    f.tag ? hasTag(f.tag) : undefined,
    f.segment ? segmentCondition(f.segment) : undefined,
    f.minVisits !== undefined ? gte(guests.visitCount, f.minVisits) : undefined,
    f.lastVisitFrom ? gte(guests.lastVisitAt, zonedToInstant(f.lastVisitFrom, '00:00', timeZone)) : undefined,
    f.lastVisitTo
      ? lt(guests.lastVisitAt, zonedToInstant(addDays(f.lastVisitTo, 1), '00:00', timeZone))
      : undefined,
  );
}

export const guestColumns = {
  id: guests.id,
  name: guests.name,
  phone: guests.phone,
  email: guests.email,
  language: guests.language,
  tags: guests.tags,
  notes: guests.notes,
  visitCount: guests.visitCount,
  noShowCount: guests.noShowCount,
  cancelCount: guests.cancelCount,
  lastVisitAt: guests.lastVisitAt,
  createdAt: guests.createdAt,
  recentVisits,
};

export type GuestRow = Omit<TGuest, 'segments'> & { recentVisits: number };

/** A row (extra selected columns such as a sort key are dropped) with its segments. */
export function toGuest(row: GuestRow & { sortValue?: unknown }): TGuest {
  const { recentVisits: recent, sortValue: _, ...guest } = row;
  return { ...guest, segments: segmentsOf({ ...guest, recentVisits: recent }) };
}
