/**
 * The whole display order after moving `id` one place up (-1) or down (+1) past its neighbour
 * among the `visible` rows (a filtered list moves past what people see, not a hidden row).
 * Null when it is already first or last.
 */
export function moveInOrder(
  order: readonly string[],
  visible: readonly string[],
  id: string,
  direction: -1 | 1,
): string[] | null {
  const at = visible.indexOf(id);
  const neighbour = at < 0 ? undefined : visible[at + direction];
  if (neighbour === undefined) return null;
  const rest = order.filter((x) => x !== id);
  const n = rest.indexOf(neighbour);
  if (n < 0) return null;
  rest.splice(direction === -1 ? n : n + 1, 0, id);
  return rest;
}
