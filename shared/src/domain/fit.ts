/** Table suggestions: which free table (or combination of tables) suits a party best. */

export type FitTable = {
  id: string;
  name: string;
  minGuests: number;
  maxGuests: number;
  section?: string | null;
};
export type FitCombination = {
  id: string;
  name: string;
  tableIds: string[];
  minGuests: number;
  maxGuests: number;
};
export type FitOption = {
  kind: 'table' | 'combination';
  tableIds: string[];
  combinationId: string | null;
  /** Table name, or the combination's name. */
  label: string;
  seats: number;
  emptySeats: number;
  /** Human explanation, e.g. "Best fit: 4 seats for 4 guests". */
  reason: string;
};

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural order of names: "T2" before "T10". */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function fits(partySize: number, t: { minGuests: number; maxGuests: number }): boolean {
  return t.minGuests <= partySize && partySize <= t.maxGuests;
}

/**
 * Rank options for a party among FREE tables/combinations (the caller passes only free, active,
 * bookable ones). A single table qualifies if minGuests ≤ party ≤ maxGuests. Order: single tables by
 * fewest empty seats, tie → smaller `slackMinutes` (free time left adjacent to the booking on that
 * table, by table id; a snug fit avoids fragmenting the evening; missing = Infinity), tie → name
 * (natural sort, "T2" < "T10"), tie → id; then combinations whose member tables are all among the
 * free `tables`, by fewest empty seats, tie → fewer tables, tie → name, tie → id.
 */
export function rankFits(
  partySize: number,
  tables: FitTable[],
  combinations: FitCombination[],
  slackMinutes?: Map<string, number>,
): FitOption[] {
  const slack = (id: string) => slackMinutes?.get(id) ?? Number.POSITIVE_INFINITY;

  const singles = tables
    .filter((t) => fits(partySize, t))
    .sort(
      (a, b) =>
        a.maxGuests - b.maxGuests ||
        compareSlack(slack(a.id), slack(b.id)) ||
        compareNames(a.name, b.name) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );

  const free = new Map(tables.map((t) => [t.id, t]));
  const combos = combinations
    .filter((c) => fits(partySize, c) && c.tableIds.length > 0 && c.tableIds.every((id) => free.has(id)))
    .sort(
      (a, b) =>
        a.maxGuests - b.maxGuests ||
        a.tableIds.length - b.tableIds.length ||
        compareNames(a.name, b.name) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );

  const guests = plural(partySize, 'guest');
  const options: FitOption[] = singles.map((t, i) => {
    const emptySeats = t.maxGuests - partySize;
    const fit = `${plural(t.maxGuests, 'seat')} for ${guests}`;
    return {
      kind: 'table',
      tableIds: [t.id],
      combinationId: null,
      label: t.name,
      seats: t.maxGuests,
      emptySeats,
      reason:
        i === 0
          ? `Best fit: ${fit}`
          : emptySeats === 0
            ? `Exact fit: ${fit}`
            : `${fit} (${plural(emptySeats, 'empty seat')})`,
    };
  });

  // "Large party" when no single table of the restaurant's free ones is big enough on its own.
  const largestFree = tables.reduce((m, t) => Math.max(m, t.maxGuests), 0);
  for (const c of combos) {
    const emptySeats = c.maxGuests - partySize;
    const fit = `${plural(c.maxGuests, 'seat')} for ${guests}`;
    const names = c.tableIds.map((id) => free.get(id)!.name).join(' + ');
    options.push({
      kind: 'combination',
      tableIds: [...c.tableIds],
      combinationId: c.id,
      label: c.name || names,
      seats: c.maxGuests,
      emptySeats,
      reason:
        partySize > largestFree
          ? `Combination for a large party: ${fit} (${names})`
          : `Combination: ${fit} (${names})`,
    });
  }
  return options;
}

function compareSlack(a: number, b: number): number {
  if (a === b) return 0; // also Infinity vs Infinity
  return a < b ? -1 : 1;
}

/**
 * Why nothing fits, when `rankFits` is empty: 'party_too_large' when the party exceeds the
 * maxGuests of every table and combination of the restaurant (pass ALL active tables and
 * combinations, not only the free ones), else 'full'. A restaurant without any tables reports
 * 'party_too_large' (no capacity for the party at all).
 */
export function noFitReason(
  partySize: number,
  allTables: FitTable[],
  allCombinations: FitCombination[],
): 'party_too_large' | 'full' {
  const largest = Math.max(
    0,
    ...allTables.map((t) => t.maxGuests),
    ...allCombinations.map((c) => c.maxGuests),
  );
  return partySize > largest ? 'party_too_large' : 'full';
}
