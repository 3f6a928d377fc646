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

/**
 * Checks every annotation first (nothing is changed unless all of them can be applied here), then
 * applies them. False: leave it to superjson.
 */
function inPlace(json: unknown, values: Record<string, unknown>): boolean {
  const todo: { parent: Record<string, unknown> | unknown[]; key: string | number; type: string }[] = [];
  for (const path in values) {
    const annotation = values[path];
    if (!Array.isArray(annotation) || annotation.length !== 1) return false;
    const type = annotation[0];
    if (type !== 'Date' && type !== 'undefined') return false;
    if (path === '' || path.includes('\\')) return false;
    const keys = path.split('.');
    let parent: unknown = json;
    for (let i = 0; i < keys.length - 1; i++) {
      parent = step(parent, keys[i]!);
      if (parent === undefined) return false;
    }
    const last = keys[keys.length - 1]!;
    if (FORBIDDEN.has(last) || typeof parent !== 'object' || parent === null) return false;
    const key = Array.isArray(parent) ? index(parent, last) : last;
    if (key === -1 || !Object.hasOwn(parent, key)) return false;
    const value = (parent as Record<string | number, unknown>)[key];
    if (type === 'Date' ? typeof value !== 'string' : value !== null) return false;
    todo.push({ parent: parent as Record<string, unknown>, key, type });
  }
  for (const { parent, key, type } of todo)
    (parent as Record<string | number, unknown>)[key] =
      type === 'Date' ? new Date((parent as Record<string | number, string>)[key]!) : undefined;
  return true;
}

/** The plain object or array at `key` of `parent`, or undefined. */
function step(parent: unknown, key: string): unknown {
  if (typeof parent !== 'object' || parent === null || FORBIDDEN.has(key)) return undefined;
  const k = Array.isArray(parent) ? index(parent, key) : key;
  if (k === -1 || !Object.hasOwn(parent, k)) return undefined;
  const child = (parent as Record<string | number, unknown>)[k];
  return typeof child === 'object' && child !== null ? child : undefined;
}

/** An array index written as superjson writes it (no sign, no leading zero), or -1. */
function index(array: unknown[], key: string): number {
  const i = Number(key);
  return Number.isInteger(i) && i >= 0 && i < array.length && String(i) === key ? i : -1;
}

/**
 * The transformer both clients (the Vite app and the Node typed client) use: superjson on the
 * wire, inputs serialized by superjson, answers deserialized by the fast path above.
 */
export const wireTransformer = {
  serialize: (value: unknown) => superjson.serialize(value),
  deserialize,
};
