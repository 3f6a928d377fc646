import { wireTransformer } from '@tobeout/shared';
import type { CombinedDataTransformer } from '@trpc/server';
import superjson, { type SuperJSONResult } from 'superjson';

/** Thrown inside the walk: the value needs superjson itself. */
const NEEDS_SUPERJSON = Symbol('needs superjson');

/**
 * superjson's `serialize`, fast for what procedures return. Plain objects and arrays of strings,
 * finite numbers, booleans, null, undefined and valid Dates give exactly superjson's output
 * (`{ json, meta: { values: { 'slots.0.startsAt': ['Date'] }, v: 1 } }`) at a fraction of its
 * cost — superjson's walk was a fifth of an availability.check's CPU. Anything else (a Map, Set,
 * bigint, NaN, -0, class instance, a key superjson would escape, one object at two places, which
 * superjson records as a referential equality) goes to superjson unchanged.
 */
export function serialize(value: unknown): SuperJSONResult {
  const kept = keptOf(value);
  if (!kept) return serializeNow(value);
  kept.result ??= serializeNow(value);
  return kept.result;
}

/**
 * A single call's whole answer, `{"result":{"data":…}}` as tRPC writes it; for a shared answer,
 * encoded once and kept as bytes (a day's grid is ~110 kB).
 */
export function resultBody(value: unknown): string | Buffer {
  const text = () => `{"result":{"data":${JSON.stringify(serialize(value))}}}`;
  const kept = keptOf(value);
  if (!kept) return text();
  kept.body ??= Buffer.from(text());
  return kept.body;
}

/**
 * Answers served to many requests as the same object, which nothing changes any more (see
 * trpc/validated-once.ts): their serialized form and answer's bytes are kept with them.
 */
const shared = new WeakMap<object, { result?: SuperJSONResult; body?: Buffer }>();

export function markShared(value: object): void {
  if (!shared.has(value)) shared.set(value, {});
}

function keptOf(value: unknown) {
  return typeof value === 'object' && value !== null ? shared.get(value) : undefined;
}

function serializeNow(value: unknown): SuperJSONResult {
  const walk: Walk = { values: {}, annotated: false, seen: new Set() };
  let json: unknown;
  try {
    json = walkValue(walk, value, '');
  } catch (err) {
    if (err === NEEDS_SUPERJSON) return superjson.serialize(value);
    throw err;
  }
  if (!walk.annotated) return { json: json as SuperJSONResult['json'] };
  // A root value's annotation is the list itself, as superjson writes it.
  const annotations = (walk.values[''] ?? walk.values) as NonNullable<SuperJSONResult['meta']>['values'];
  return { json: json as SuperJSONResult['json'], meta: { values: annotations, v: 1 } };
}

/** One serialization's annotations (path → type) and the objects it has met. */
type Walk = { values: Record<string, [string]>; annotated: boolean; seen: Set<object> };

function annotate(walk: Walk, path: string, type: string): void {
  walk.values[path] = [type];
  walk.annotated = true;
}

function walkValue(walk: Walk, v: unknown, path: string): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      if (!Number.isFinite(v) || Object.is(v, -0)) throw NEEDS_SUPERJSON;
      return v;
    case 'undefined':
      annotate(walk, path, 'undefined');
      return null;
    case 'object':
      if (v === null) return null;
      break;
    default:
      throw NEEDS_SUPERJSON;
  }
  if (walk.seen.has(v)) throw NEEDS_SUPERJSON;
  walk.seen.add(v);
  const prefix = path === '' ? '' : `${path}.`;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) throw NEEDS_SUPERJSON;
    annotate(walk, path, 'Date');
    return v.toISOString();
  }
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      if (!(i in v)) throw NEEDS_SUPERJSON;
      out[i] = walkValue(walk, v[i], prefix + i);
    }
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) throw NEEDS_SUPERJSON;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    if (
      key.includes('.') ||
      key.includes('\\') ||
      key === '__proto__' ||
      key === 'constructor' ||
      key === 'prototype'
    )
      throw NEEDS_SUPERJSON;
    out[key] = walkValue(walk, (v as Record<string, unknown>)[key], prefix + key);
  }
  return out;
}

/** superjson on the wire; responses serialized by the fast path above. */
export const transformer: CombinedDataTransformer = {
  input: superjson,
  output: { serialize, deserialize: wireTransformer.deserialize },
};
