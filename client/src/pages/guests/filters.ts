import {
  GUEST_SORTS,
  SEGMENTS,
  type TGuestFilters,
  type TGuestListInput,
  type TSegment,
} from '@tobeout/shared';

export type GuestSort = (typeof GUEST_SORTS)[number];
export type SortDir = 'asc' | 'desc';
/** A column chosen by the user; null: the default (best match while searching, else by name). */
export type SortState = { sort: GuestSort; dir: SortDir } | null;

/** The guest book's filters as the page holds them (form values: '' and null mean "any"). */
export type GuestFilterValues = {
  q: string;
  segment: TSegment | null;
  language: string | null;
  tag: string;
  minVisits: number | null;
  /** Last visit between these days (either end may be open). */
  lastVisit: [string | null, string | null];
};

export const NO_FILTERS: GuestFilterValues = {
  q: '',
  segment: null,
  language: null,
  tag: '',
  minVisits: null,
  lastVisit: [null, null],
};

/** Where a column starts when first chosen: names A→Z, numbers and dates biggest/newest first. */
export const FIRST_DIR: Record<GuestSort, SortDir> = {
  name: 'asc',
  visits: 'desc',
  lastVisit: 'desc',
  created: 'desc',
};

export const SORT_LABELS: Record<GuestSort, string> = {
  name: 'Name',
  visits: 'Visits',
  lastVisit: 'Last visit',
  created: 'Added',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})?$/;

/** The filters as the API takes them (guests.list and the CSV export): only those that are set. */
export function toFilterInput(f: GuestFilterValues): TGuestFilters {
  const out: TGuestFilters = {};
  const q = f.q.trim();
  const tag = f.tag.trim();
  if (q) out.q = q;
  if (f.segment) out.segment = f.segment;
  if (f.language) out.language = f.language;
  if (tag) out.tag = tag;
  if (f.minVisits !== null && f.minVisits > 0) out.minVisits = f.minVisits;
  const [from, to] = f.lastVisit;
  if (from) out.lastVisitFrom = from;
  if (to) out.lastVisitTo = to;
  return out;
}

/**
 * guests.list input. Without a chosen column the server's default applies: by name, or by best
 * match while searching (a chosen column sorts search results by that column instead).
 */
export function toListInput(f: GuestFilterValues, sort: SortState, limit: number): TGuestListInput {
  return { ...toFilterInput(f), ...(sort ? { sort: sort.sort, dir: sort.dir } : {}), limit };
}

/** The CSV export of exactly these filters (GET, authenticated by the session cookie). */
export function exportHref(f: GuestFilterValues): string {
  const query = toSearchParams(f, null).toString();
  return `/export/guests.csv${query ? `?${query}` : ''}`;
}

/** How many filters besides the search are set (for the phone's "Filters (2)" button). */
export function countFilters(f: GuestFilterValues): number {
  const { q: _, ...rest } = toFilterInput(f);
  return Object.keys(rest).length - (rest.lastVisitFrom && rest.lastVisitTo ? 1 : 0);
}

/** Clicking a column: first its natural direction, then the other way. */
export function nextSort(current: SortState, column: GuestSort): SortState {
  if (current?.sort === column) return { sort: column, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { sort: column, dir: FIRST_DIR[column] };
}

/** Filters and sort from the page address (anything malformed is ignored, never sent). */
export function fromSearchParams(params: URLSearchParams): { filters: GuestFilterValues; sort: SortState } {
  const get = (key: string) => params.get(key)?.trim() || null;
  const segment = get('segment');
  const language = get('language')?.toLowerCase() ?? null;
  const minVisits = Number(get('minVisits') ?? Number.NaN);
  const from = get('lastVisitFrom');
  const to = get('lastVisitTo');
  const sort = get('sort');
  const dir = get('dir');
  return {
    filters: {
      q: params.get('q') ?? '',
      segment: SEGMENTS.includes(segment as TSegment) ? (segment as TSegment) : null,
      language: language && LANGUAGE.test(language) ? language : null,
      tag: params.get('tag') ?? '',
      minVisits: Number.isInteger(minVisits) && minVisits > 0 ? minVisits : null,
      lastVisit: [from && DATE.test(from) ? from : null, to && DATE.test(to) ? to : null],
    },
    sort: GUEST_SORTS.includes(sort as GuestSort)
      ? { sort: sort as GuestSort, dir: dir === 'asc' || dir === 'desc' ? dir : FIRST_DIR[sort as GuestSort] }
      : null,
  };
}

/** The page address for filters and sort (the same names as the API's, so links read well). */
export function toSearchParams(f: GuestFilterValues, sort: SortState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(toFilterInput(f))) params.set(key, String(value));
  if (sort) {
    params.set('sort', sort.sort);
    params.set('dir', sort.dir);
  }
  return params;
}
