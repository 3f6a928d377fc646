import type { z } from 'zod';
import { markShared } from './transformer';

/**
 * An output parser for answers that a cache hands to many requests as the same object (an
 * availability grid, kept until the restaurant's next change): the first request validates it
 * against `schema`, later ones get that validated answer back without walking it again — and,
 * as it never changes, its serialized JSON is kept with it too (transformer.ts). A day's grid is
 * ~1000 cells and hundreds of bookings: validating and serializing it was most of a cached
 * grid's CPU.
 */
export function validatedOnce<S extends z.ZodType>(schema: S): (value: unknown) => z.output<S> {
  const validated = new WeakMap<object, z.output<S>>();
  return (value) => {
    if (typeof value !== 'object' || value === null) return schema.parse(value);
    let out = validated.get(value);
    if (out === undefined) {
      out = schema.parse(value);
      markShared(out as object);
      validated.set(value, out);
    }
    return out;
  };
}
