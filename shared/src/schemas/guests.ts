import { z } from 'zod';
import { SEGMENTS } from '../domain/segments';
import { ZDate, ZEmail, ZName, ZOptionalText, ZPageInput, ZUuid } from './common';

export const ZTag = z
  .string()
  .trim()
  .min(1, { error: 'Empty tag.' })
  .max(40, { error: 'At most 40 characters.' });
const ZTags = z
  .array(ZTag)
  .max(30, { error: 'At most 30 tags.' })
  // Once each, case-insensitively, as first written.
  .transform((tags) =>
    tags.filter((t, i) => tags.findIndex((o) => o.toLowerCase() === t.toLowerCase()) === i),
  );

const ZPhoneInput = z.string().trim().max(40, { error: 'At most 40 characters.' });
const ZLanguage = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, { error: 'Use a language code such as de or en.' });

export const ZGuestFields = z.object({
  name: ZName,
  /** Any format; stored as E.164 with the restaurant's country as the default. */
  phone: ZPhoneInput.nullish(),
  email: ZEmail.nullish().or(z.literal('').transform(() => null)),
  language: ZLanguage.nullish().or(z.literal('').transform(() => null)),
  tags: ZTags.default([]),
  notes: ZOptionalText(2000),
});
export const ZGuestCreateInput = ZGuestFields;
export type TGuestCreateInput = z.input<typeof ZGuestCreateInput>;
// No default for tags here: an update without tags keeps them (a default inside .partial() still applies).
export const ZGuestUpdateInput = ZGuestFields.extend({ tags: ZTags.optional() })
  .partial()
  .extend({ id: ZUuid });
export type TGuestUpdateInput = z.input<typeof ZGuestUpdateInput>;

export const ZGuest = z.object({
  id: ZUuid,
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  language: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  visitCount: z.number(),
  noShowCount: z.number(),
  cancelCount: z.number(),
  lastVisitAt: z.date().nullable(),
  createdAt: z.date(),
  segments: z.array(z.enum(SEGMENTS)),
});
export type TGuest = z.infer<typeof ZGuest>;

export const GUEST_SORTS = ['name', 'visits', 'lastVisit', 'created'] as const;

export const ZGuestFilters = z.object({
  /** Name (typo-tolerant) or phone digits (any format, partial). */
  q: z.string().trim().max(100).optional(),
  language: ZLanguage.optional(),
  tag: ZTag.optional(),
  segment: z.enum(SEGMENTS).optional(),
  /** At least this many completed visits. */
  minVisits: z.number().int().min(0).max(10_000).optional(),
  lastVisitFrom: ZDate.optional(),
  lastVisitTo: ZDate.optional(),
});
export type TGuestFilters = z.infer<typeof ZGuestFilters>;

export const ZGuestListInput = ZPageInput.extend(ZGuestFilters.shape).extend({
  sort: z.enum(GUEST_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).optional(),
});
export type TGuestListInput = z.input<typeof ZGuestListInput>;
export const ZGuestPage = z.object({ items: z.array(ZGuest), nextCursor: z.string().nullable() });

export const ZGuestStats = z.object({
  totalVisits: z.number(),
  upcomingBookings: z.number(),
  lastVisitAt: z.date().nullable(),
  /** Cancelled ÷ all bookings (null without bookings). */
  cancellationRate: z.number().nullable(),
  noShowCount: z.number(),
  averagePartySize: z.number().nullable(),
});
export const ZGuestDetails = ZGuest.extend({ stats: ZGuestStats });
export type TGuestDetails = z.infer<typeof ZGuestDetails>;

export const ZGuestIdInput = z.object({ id: ZUuid });
export const ZGuestBookingsInput = ZPageInput.extend({ guestId: ZUuid });
export const ZGuestMergeInput = z
  .object({
    /** The record that stays. */
    keepId: ZUuid,
    /** The record merged into it and then removed. */
    mergeId: ZUuid,
  })
  .refine((m) => m.keepId !== m.mergeId, { error: 'Choose two different guests.', path: ['mergeId'] });
export const ZGuestFindByPhoneInput = z.object({ phone: ZPhoneInput.min(3) });

/** One row of an import: the columns a CSV maps onto. */
export const ZGuestImportRow = z.object({
  name: ZName,
  phone: ZPhoneInput.nullish(),
  email: z.string().trim().max(200).nullish(),
  language: z.string().trim().max(20).nullish(),
  tags: z.array(z.string()).max(30).default([]),
  notes: z.string().max(2000).nullish(),
  /** Last visit known to the system the guests come from (kept when later than ours). */
  lastVisit: ZDate.nullish(),
});
export const ZGuestImportInput = z.object({
  rows: z.array(ZGuestImportRow).min(1).max(1000),
  dryRun: z.boolean().default(false),
});
export const ZGuestImportResult = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Rows refused, by their index in `rows`, with why. */
  errors: z.array(z.object({ index: z.number(), field: z.string(), message: z.string() })),
});
export type TGuestImportResult = z.infer<typeof ZGuestImportResult>;
