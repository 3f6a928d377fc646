import { z } from 'zod';
import { canonicalTimeZone, HHMM, isValidTimeZone } from '../domain/time';

export const ZUuid = z.uuid({ error: 'Must be an id (UUID).' });
export const ZTime = z.string().regex(HHMM, { error: 'Use the 24-hour form HH:mm, e.g. 19:30.' });
export const ZDate = z.iso.date({ error: 'Use a date in the form YYYY-MM-DD.' });
export const ZTimezone = z
  .string()
  .trim()
  .refine(isValidTimeZone, { error: 'Unknown time zone: use an IANA name such as Europe/Berlin.' })
  .transform((tz) => canonicalTimeZone(tz) ?? tz);

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid e-mail address.' }));
export const ZName = z
  .string()
  .trim()
  .min(1, { error: 'Required.' })
  .max(200, { error: 'At most 200 characters.' });
/** Optional free text: '' and null both mean "none". */
export const ZOptionalText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters.` })
    .nullish()
    .transform((v) => (v ? v : null));

export const ZPageInput = z.object({
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const ZPassword = z
  .string()
  .min(10, { error: 'At least 10 characters.' })
  .max(256, { error: 'At most 256 characters.' });
