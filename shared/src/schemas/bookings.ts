import { z } from 'zod';
import { RESERVATION_SOURCES, RESERVATION_STATUSES } from '../domain/enums';
import { ZDate, ZEmail, ZName, ZOptionalText, ZPageInput, ZTime, ZUuid } from './common';

export const ZPartySize = z
  .number({ error: 'Enter the number of guests.' })
  .int({ error: 'Whole guests only.' })
  .min(1, { error: 'At least 1 guest.' })
  .max(200, { error: 'At most 200 guests.' });
export const ZDurationMin = z
  .number()
  .int()
  .min(15, { error: 'At least 15 minutes.' })
  .max(720, { error: 'At most 12 hours.' });
const ZTableIds = z
  .array(ZUuid)
  .min(1, { error: 'Choose at least one table.' })
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'Each table may appear only once.' });

// ── Availability ────────────────────────────────────────────────────────────

export const CELL_STATUSES = ['free', 'reserved', 'occupied', 'blocked', 'closed'] as const;
export type TCellStatus = (typeof CELL_STATUSES)[number];

export const NO_AVAILABILITY_REASONS = [
  'closed',
  'outside_hours',
  'after_last_seating',
  'off_grid',
  'in_the_past',
  'too_soon',
  'beyond_horizon',
  'full',
  'pacing',
  'party_too_large',
] as const;
export type TNoAvailabilityReason = (typeof NO_AVAILABILITY_REASONS)[number];

export const ZFitOption = z.object({
  kind: z.enum(['table', 'combination']),
  tableIds: z.array(ZUuid),
  combinationId: ZUuid.nullable(),
  label: z.string(),
  seats: z.number(),
  emptySeats: z.number(),
  reason: z.string(),
});
export type TFitOption = z.infer<typeof ZFitOption>;

export const ZAvailableSlot = z.object({
  time: z.string(),
  startsAt: z.date(),
  /** Best first: fewest empty seats, snug fit, then combinations. */
  options: z.array(ZFitOption),
});
export type TAvailableSlot = z.infer<typeof ZAvailableSlot>;

export const ZAvailabilityCheckInput = z.object({
  date: ZDate,
  partySize: ZPartySize,
  time: ZTime.optional(),
  durationMin: ZDurationMin.optional(),
  /** Online/AI callers only see tables bookable online; staff see all. */
  source: z.enum(RESERVATION_SOURCES).default('staff'),
  /** The caller's own hold: its tables count as free (re-checking while holding). */
  holdId: ZUuid.optional(),
  /** Staff about to book past the pacing limit: slots over it are offered anyway. */
  overridePacing: z.boolean().default(false),
});
export const ZAvailabilityCheck = z.object({
  date: ZDate,
  partySize: z.number(),
  durationMin: z.number(),
  time: z.string().nullable(),
  /** True when the requested time has a table (or, without a time, when any slot has). */
  available: z.boolean(),
  reason: z.enum(NO_AVAILABILITY_REASONS).nullable(),
  message: z.string().nullable(),
  /** The requested slot first when available, then the nearest others; the whole day without a time. */
  slots: z.array(ZAvailableSlot),
});
export type TAvailabilityCheck = z.infer<typeof ZAvailabilityCheck>;

export const ZGridBooking = z.object({
  id: ZUuid,
  code: z.string(),
  tableIds: z.array(ZUuid),
  guestId: ZUuid,
  guestName: z.string(),
  partySize: z.number(),
  time: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  status: z.enum(RESERVATION_STATUSES),
  specialRequests: z.string().nullable(),
  version: z.number(),
});
export type TGridBooking = z.infer<typeof ZGridBooking>;

export const ZAvailabilityGrid = z.object({
  date: ZDate,
  timeZone: z.string(),
  slotIntervalMin: z.number(),
  /** Slots from the first service's start to the last one's end; open = within a service. */
  slots: z.array(z.object({ time: z.string(), startsAt: z.date(), open: z.boolean() })),
  tables: z.array(
    z.object({
      id: ZUuid,
      name: z.string(),
      section: z.string().nullable(),
      minGuests: z.number(),
      maxGuests: z.number(),
      /** One status per slot, aligned with `slots`. */
      statuses: z.array(z.enum(CELL_STATUSES)),
    }),
  ),
  bookings: z.array(ZGridBooking),
  blocks: z.array(
    z.object({
      id: ZUuid,
      tableIds: z.array(ZUuid),
      startsAt: z.date(),
      endsAt: z.date(),
      reason: z.string(),
    }),
  ),
});
export type TAvailabilityGrid = z.infer<typeof ZAvailabilityGrid>;

export const ZAvailabilityRangeInput = z
  .object({ from: ZDate, to: ZDate, partySize: ZPartySize })
  .refine((r) => r.to >= r.from, { error: 'The range must end on or after its start.', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 62 * 86_400_000, {
    error: 'At most two months at a time.',
    path: ['to'],
  });
export const ZAvailabilityRange = z.array(
  z.object({
    date: ZDate,
    open: z.boolean(),
    availableSlots: z.number(),
    firstTime: z.string().nullable(),
    lastTime: z.string().nullable(),
  }),
);

export const ZHoldInput = z.object({
  date: ZDate,
  time: ZTime,
  partySize: ZPartySize,
  durationMin: ZDurationMin.optional(),
  tableIds: ZTableIds.optional(),
  source: z.enum(RESERVATION_SOURCES).default('staff'),
  /** Staff may hold past the pacing limit, explicitly (as bookings.create). */
  overridePacing: z.boolean().default(false),
});
export const ZHold = z.object({
  holdId: ZUuid,
  expiresAt: z.date(),
  tableIds: z.array(ZUuid),
  date: ZDate,
  time: z.string(),
  partySize: z.number(),
});
export type THold = z.infer<typeof ZHold>;

// ── Bookings ────────────────────────────────────────────────────────────────

export const ZGuestInput = z.object({
  name: ZName,
  phone: z.string().trim().max(40).optional(),
  email: ZEmail.optional(),
  language: z.string().trim().min(2).max(10).optional(),
});

export const ZBookingCreateInput = z
  .object({
    date: ZDate.optional(),
    time: ZTime.optional(),
    partySize: ZPartySize.optional(),
    guestId: ZUuid.optional(),
    guest: ZGuestInput.optional(),
    tableIds: ZTableIds.optional(),
    durationMin: ZDurationMin.optional(),
    specialRequests: ZOptionalText(1000),
    source: z.enum(RESERVATION_SOURCES).default('staff'),
    idempotencyKey: z.string().trim().min(1).max(200).optional(),
    /** Converts an availability.hold into the booking (date, time, party and tables from it). */
    holdId: ZUuid.optional(),
    /** Staff may book past the pacing limit, explicitly. */
    overridePacing: z.boolean().default(false),
  })
  .superRefine((b, ctx) => {
    const walkIn = b.source === 'walk_in';
    if (!b.holdId) {
      if (!walkIn && !b.date) ctx.addIssue({ code: 'custom', message: 'Required.', path: ['date'] });
      if (!walkIn && !b.time) ctx.addIssue({ code: 'custom', message: 'Required.', path: ['time'] });
      if (!b.partySize) ctx.addIssue({ code: 'custom', message: 'Required.', path: ['partySize'] });
    }
    if (!b.guestId === !b.guest)
      ctx.addIssue({
        code: 'custom',
        message: 'Give an existing guest or a new guest’s name.',
        path: ['guest'],
      });
  });
export type TBookingCreateInput = z.input<typeof ZBookingCreateInput>;

export const ZBooking = z.object({
  id: ZUuid,
  code: z.string(),
  status: z.enum(RESERVATION_STATUSES),
  source: z.enum(RESERVATION_SOURCES),
  date: ZDate,
  time: z.string(),
  startsAt: z.date(),
  endsAt: z.date(),
  durationMin: z.number(),
  partySize: z.number(),
  guest: z.object({
    id: ZUuid,
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  tables: z.array(z.object({ id: ZUuid, name: z.string() })),
  specialRequests: z.string().nullable(),
  cancelReason: z.string().nullable(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  seatedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  canceledAt: z.date().nullable(),
});
export type TBooking = z.infer<typeof ZBooking>;

export const ZBookingIdInput = z.object({ id: ZUuid });

export const ZBookingUpdateInput = z.object({
  id: ZUuid,
  /** The version you saw: if someone changed the booking since, this is a CONFLICT. */
  version: z.number().int().min(1),
  date: ZDate.optional(),
  time: ZTime.optional(),
  partySize: ZPartySize.optional(),
  durationMin: ZDurationMin.optional(),
  tableIds: ZTableIds.optional(),
  specialRequests: ZOptionalText(1000).optional(),
  /** The new start as an instant, instead of date + time (names a repeated autumn hour exactly). */
  startsAt: z.date().optional(),
});
export type TBookingUpdateInput = z.input<typeof ZBookingUpdateInput>;

export const ZBookingMoveInput = z
  .object({
    id: ZUuid,
    version: z.number().int().min(1).optional(),
    tableIds: ZTableIds.optional(),
    date: ZDate.optional(),
    time: ZTime.optional(),
    startsAt: z.date().optional(),
    durationMin: ZDurationMin.optional(),
  })
  .refine((m) => m.tableIds || m.time || m.date || m.startsAt || m.durationMin, {
    error: 'Say where to: new tables, a new time or a new duration.',
    path: ['tableIds'],
  });

export const ZBookingStatusInput = z.object({
  id: ZUuid,
  status: z.enum(['confirmed', 'seated', 'completed', 'no_show']),
  version: z.number().int().min(1).optional(),
});
export const ZBookingCancelInput = z.object({
  id: ZUuid,
  reason: z.string().trim().min(1, { error: 'Say why the booking is cancelled.' }).max(500),
  version: z.number().int().min(1).optional(),
});

export const ZBookingsListInput = ZPageInput.extend({
  date: ZDate.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  status: z.array(z.enum(RESERVATION_STATUSES)).max(6).optional(),
  tableId: ZUuid.optional(),
  guestId: ZUuid.optional(),
  /** Guest name, phone digits or confirmation code. */
  q: z.string().trim().max(100).optional(),
});
export const ZBookingsPage = z.object({ items: z.array(ZBooking), nextCursor: z.string().nullable() });

export const ZFindByPhoneInput = z.object({ phone: z.string().trim().min(3).max(40) });
export const ZFindByCodeInput = z.object({ code: z.string().trim().min(4).max(12) });
