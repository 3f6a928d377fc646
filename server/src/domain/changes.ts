/** An event's "small diff": each changed field, old → new. */
export type Changes = Record<string, { from: unknown; to: unknown }>;

/** The fields whose values differ, old → new (compared as JSON, so lists and objects work). */
export function changesOf(pairs: Record<string, [from: unknown, to: unknown]>): Changes {
  const changes: Changes = {};
  for (const [k, [from, to]] of Object.entries(pairs))
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[k] = { from, to };
  return changes;
}
