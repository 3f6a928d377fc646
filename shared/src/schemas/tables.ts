import { z } from 'zod';
import { TABLE_SHAPES } from '../domain/enums';
import { ZDate, ZOptionalText, ZPageInput, ZUuid } from './common';

/** Plan units are centimetres: a room of 1200 × 800 is 12 m × 8 m. */
export const FLOOR_LIMITS = { min: 200, max: 10_000 } as const;

const ZGuests = z
  .number({ error: 'Enter a number of guests.' })
  .int({ error: 'Whole guests only.' })
  .min(1, { error: 'At least 1 guest.' })
  .max(100, { error: 'At most 100 guests.' });

const ZPlanCoordinate = z
  .number({ error: 'Enter a position.' })
  .int({ error: 'Whole centimetres only.' })
  .min(0, { error: 'The table must be inside the room.' })
  .max(FLOOR_LIMITS.max, { error: 'The table must be inside the room.' });

export const ZTableName = z
  .string()
  .trim()
  .min(1, { error: 'Required.' })
  .max(40, { error: 'At most 40 characters.' });
export const ZSectionName = ZOptionalText(60);

const minNotAboveMax = (v: { minGuests?: number | undefined; maxGuests?: number | undefined }) =>
  v.minGuests === undefined || v.maxGuests === undefined || v.minGuests <= v.maxGuests;
const minAboveMaxIssue = { error: 'Min guests must not exceed max guests.', path: ['minGuests'] };

const ZTableFields = z.object({
  name: ZTableName,
  section: ZSectionName,
  minGuests: ZGuests,
  maxGuests: ZGuests,
  shape: z.enum(TABLE_SHAPES, { error: 'Choose round, square or rectangle.' }),
  /** Centre of the table on the floor plan. */
  x: ZPlanCoordinate,
  y: ZPlanCoordinate,
  notes: ZOptionalText(1000),
  bookableOnline: z.boolean(),
});

export const ZTableCreateInput = ZTableFields.partial({ x: true, y: true, notes: true, section: true })
  .extend({
    minGuests: ZGuests.default(1),
    shape: ZTableFields.shape.shape.default('square'),
    bookableOnline: z.boolean().default(true),
  })
  .refine(minNotAboveMax, minAboveMaxIssue);
export type TTableCreateInput = z.input<typeof ZTableCreateInput>;

export const ZTableUpdateInput = ZTableFields.partial()
  .extend({ id: ZUuid })
  .refine(minNotAboveMax, minAboveMaxIssue);
export type TTableUpdateInput = z.input<typeof ZTableUpdateInput>;

export const ZTable = ZTableFields.extend({
  id: ZUuid,
  sortOrder: z.number(),
  active: z.boolean(),
  section: z.string().nullable(),
  notes: z.string().nullable(),
});
export type TTable = z.infer<typeof ZTable>;

export const ZFloor = z.object({
  width: z
    .number({ error: 'Enter a width.' })
    .int()
    .min(FLOOR_LIMITS.min, { error: `At least ${FLOOR_LIMITS.min} cm.` })
    .max(FLOOR_LIMITS.max, { error: `At most ${FLOOR_LIMITS.max} cm.` }),
  height: z
    .number({ error: 'Enter a depth.' })
    .int()
    .min(FLOOR_LIMITS.min, { error: `At least ${FLOOR_LIMITS.min} cm.` })
    .max(FLOOR_LIMITS.max, { error: `At most ${FLOOR_LIMITS.max} cm.` }),
});
export type TFloor = z.infer<typeof ZFloor>;

export const ZTablesListInput = z.object({ includeInactive: z.boolean().default(true) }).default({
  includeInactive: true,
});
export const ZTablesList = z.object({
  floor: ZFloor,
  sections: z.array(z.string()),
  items: z.array(ZTable),
});
export type TTablesList = z.infer<typeof ZTablesList>;

export const ZTableIdInput = z.object({ id: ZUuid });

const uniqueIds = (ids: string[]) => new Set(ids).size === ids.length;

export const ZTablesReorderInput = z.object({
  ids: z.array(ZUuid).min(1).max(500).refine(uniqueIds, { error: 'Each table may appear only once.' }),
});

export const ZSectionRenameInput = z.object({
  from: z.string().trim().min(1, { error: 'Required.' }),
  to: ZSectionName,
});

export const ZPositionsInput = z.object({
  positions: z
    .array(z.object({ id: ZUuid, x: ZPlanCoordinate, y: ZPlanCoordinate }))
    .min(1)
    .max(500)
    .refine((p) => uniqueIds(p.map((t) => t.id)), { error: 'Each table may appear only once.' }),
});

// ── Combinations ────────────────────────────────────────────────────────────

export const ZCombinationFields = z.object({
  name: ZTableName,
  tableIds: z
    .array(ZUuid)
    .min(2, { error: 'Choose at least two tables.' })
    .max(20, { error: 'At most 20 tables.' })
    .refine(uniqueIds, { error: 'Each table may appear only once.' }),
  minGuests: ZGuests,
  maxGuests: ZGuests,
});
export const ZCombinationCreateInput = ZCombinationFields.refine(minNotAboveMax, minAboveMaxIssue);
export const ZCombinationUpdateInput = ZCombinationFields.partial()
  .extend({ id: ZUuid })
  .refine(minNotAboveMax, minAboveMaxIssue);
export type TCombinationInput = z.input<typeof ZCombinationCreateInput>;

export const ZCombination = ZCombinationFields.extend({
  id: ZUuid,
  /** False when a member table is deactivated: the combination is not offered then. */
  usable: z.boolean(),
});
export type TCombination = z.infer<typeof ZCombination>;

// ── Blocks ──────────────────────────────────────────────────────────────────

/** Restaurant-local date and time, 'YYYY-MM-DDTHH:mm'. */
export const ZLocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, {
    error: 'Use a date and time like 2026-11-21T18:00.',
  })
  .refine((v) => ZDate.safeParse(v.slice(0, 10)).success, { error: 'Not a calendar date.' });

export const ZBlockInput = z
  .object({
    tableIds: z
      .array(ZUuid)
      .min(1, { error: 'Choose at least one table.' })
      .max(500)
      .refine(uniqueIds, { error: 'Each table may appear only once.' }),
    from: ZLocalDateTime,
    to: ZLocalDateTime,
    reason: z.string().trim().min(1, { error: 'Say why the table is blocked.' }).max(200),
  })
  .refine((b) => b.to > b.from, { error: 'The block must end after it starts.', path: ['to'] });
export type TBlockInput = z.input<typeof ZBlockInput>;

export const ZBlock = z.object({
  id: ZUuid,
  tableIds: z.array(ZUuid),
  from: z.string(),
  to: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  reason: z.string(),
  releasedAt: z.date().nullable(),
});
export type TBlock = z.infer<typeof ZBlock>;

export const ZBlocksListInput = z.object({
  from: ZDate,
  to: ZDate,
  tableId: ZUuid.optional(),
});
export const ZUnblockInput = z.object({ blockId: ZUuid });

// ── Details ─────────────────────────────────────────────────────────────────

export const ZTableHistoryInput = ZPageInput.extend({ tableId: ZUuid });
export const ZTableHistoryItem = z.object({
  kind: z.enum(['booking', 'block']),
  /** The reservation's or the block's id. */
  id: ZUuid,
  from: z.string(),
  to: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  /** A booking's status; for a block 'active' or 'released'. */
  status: z.string(),
  /** Guest name and party size (bookings) or the reason (blocks). */
  title: z.string(),
  partySize: z.number().nullable(),
  confirmationCode: z.string().nullable(),
});
export type TTableHistoryItem = z.infer<typeof ZTableHistoryItem>;
export const ZTableHistory = z.object({
  items: z.array(ZTableHistoryItem),
  nextCursor: z.string().nullable(),
});

export const ZUtilisationInput = z
  .object({ from: ZDate, to: ZDate, tableIds: z.array(ZUuid).max(500).optional() })
  .refine((r) => r.to >= r.from, { error: 'The range must end on or after its start.', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000, {
    error: 'At most about a year (400 days) at a time.',
    path: ['to'],
  });
export const ZUtilisation = z.object({
  from: ZDate,
  to: ZDate,
  /** Minutes the restaurant is open over the range (from opening hours and special days). */
  openMinutes: z.number(),
  items: z.array(
    z.object({ tableId: ZUuid, name: z.string(), seatedMinutes: z.number(), ratio: z.number().nullable() }),
  ),
});
export type TUtilisation = z.infer<typeof ZUtilisation>;

export const ZTableDetails = ZTable.extend({
  /** Combinations this table belongs to. */
  combinations: z.array(ZCombination),
  /** Blocks not yet lifted that end in the future, soonest first. */
  upcomingBlocks: z.array(ZBlock),
});
export type TTableDetails = z.infer<typeof ZTableDetails>;
