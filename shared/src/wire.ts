import superjson, { type SuperJSONResult } from 'superjson';

/**
 * superjson's `deserialize`, fast for what the API returns. superjson first deep-copies the whole
 * answer, then parses every annotation's path and sets the value through generic accessors: for
 * a day's availability grid (~100 kB, ~500 Dates) that was a quarter of a client's CPU per call.
 * Here, when the only annotations are Dates and undefineds at plain paths, they are applied in
 * place. The argument is a freshly parsed response that nothing else holds (what tRPC's links
 * pass), so changing it is safe. Anything else — a Map, Set, bigint, class, an escaped key, a
 * root-level annotation, referential equalities, the older path format — goes to superjson.
 */
function deserialize<T = unknown>(payload: SuperJSONResult): T {
  const meta = payload?.meta;
  if (!meta) return payload?.json as T;
  const values = meta.values as Record<string, unknown> | undefined;
  if (meta.referentialEqualities || meta.v !== 1 || !isRecord(values) || !inPlace(payload.json, values))
    return superjson.deserialize<T>(payload);
  return payload.json as T;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** A path's step: an object key, and the array index it names (or -1). */
type Segment = { key: string; index: number };

/**
 * Parsed annotation paths: an answer of the same kind has the same paths ('bookings.0.startsAt'
 * …), so each is split and checked once. null: a path this fast path does not take (escaped,
 * empty, or through a key that could reach a prototype).
 */
const parsedPaths = new Map<string, Segment[] | null>();

function segmentsOf(path: string): Segment[] | null {
  let segments = parsedPaths.get(path);
  if (segments !== undefined) return segments;
  segments =
    path === '' || path.includes('\\')
      ? null
      : path.split('.').map((key) => ({ key, index: canonicalIndex(key) }));
  if (segments?.some((s) => FORBIDDEN.has(s.key))) segments = null;
  if (parsedPaths.size >= 10_000) parsedPaths.clear();
  parsedPaths.set(path, segments);
  return segments;
}

/** An array index written as superjson writes it (no sign, no leading zero), or -1. */
function canonicalIndex(key: string): number {
  const i = Number(key);
  return Number.isInteger(i) && i >= 0 && String(i) === key ? i : -1;
}

/** What `parent` holds at `at` (its own property or element), or undefined. */
function at(parent: unknown, segment: Segment): { found: boolean; value: unknown; key: string | number } {
  if (typeof parent !== 'object' || parent === null) return { found: false, value: undefined, key: -1 };
  if (Array.isArray(parent)) {
    const i = segment.index;
    return i >= 0 && i < parent.length && Object.hasOwn(parent, i)
      ? { found: true, value: parent[i], key: i }
      : { found: false, value: undefined, key: -1 };
  }
  return Object.hasOwn(parent, segment.key)
    ? { found: true, value: (parent as Record<string, unknown>)[segment.key], key: segment.key }
    : { found: false, value: undefined, key: -1 };
}

/**
 * Checks every annotation first (nothing is changed unless all of them can be applied here), then
 * applies them. False: leave it to superjson.
 */
function inPlace(json: unknown, values: Record<string, unknown>): boolean {
  const todo: { parent: Record<string | number, unknown>; key: string | number; type: string }[] = [];
  for (const path in values) {
    const annotation = values[path];
    if (!Array.isArray(annotation) || annotation.length !== 1) return false;
    const type = annotation[0];
    if (type !== 'Date' && type !== 'undefined') return false;
    const segments = segmentsOf(path);
    if (!segments) return false;
    let parent: unknown = json;
    for (let i = 0; i < segments.length - 1; i++) {
      const step = at(parent, segments[i]!);
      if (!step.found || typeof step.value !== 'object' || step.value === null) return false;
      parent = step.value;
    }
    const leaf = at(parent, segments[segments.length - 1]!);
    if (!leaf.found || (type === 'Date' ? typeof leaf.value !== 'string' : leaf.value !== null)) return false;
    todo.push({ parent: parent as Record<string | number, unknown>, key: leaf.key, type });
  }
  for (const { parent, key, type } of todo)
    parent[key] = type === 'Date' ? new Date(parent[key] as string) : undefined;
  return true;
}

/**
 * The transformer both clients (the Vite app and the Node typed client) use: superjson on the
 * wire, inputs serialized by superjson, answers deserialized by the fast path above.
 */
export const wireTransformer = {
  serialize: (value: unknown) => superjson.serialize(value),
  deserialize,
};
