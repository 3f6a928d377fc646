/** How long a party keeps its table, by party size. */

export type TurnTimeRule = { minParty: number; maxParty: number; minutes: number };

/** A sensible starting point for a new restaurant: couples 90 min, up to four 2 h, larger 2.5 h. */
export const DEFAULT_TURN_TIMES: TurnTimeRule[] = [
  { minParty: 1, maxParty: 2, minutes: 90 },
  { minParty: 3, maxParty: 4, minutes: 120 },
  { minParty: 5, maxParty: 100, minutes: 150 },
];

/** Minutes a party of `partySize` keeps the table: the first rule covering it, else the default. */
export function turnTimeFor(
  partySize: number,
  rules: readonly TurnTimeRule[],
  defaultDurationMin: number,
): number {
  const rule = rules.find((r) => r.minParty <= partySize && partySize <= r.maxParty);
  return rule ? rule.minutes : defaultDurationMin;
}
