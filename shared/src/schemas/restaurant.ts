import { z } from 'zod';
import { minuteInService, overlappingServices, serviceSpan } from '../domain/opening-hours';
import { ZDate, ZEmail, ZName, ZOptionalText, ZTime, ZTimezone, ZUuid } from './common';

export const ZTurnTimeRule = z
  .object({
    minParty: z.number().int().min(1).max(100),
    maxParty: z.number().int().min(1).max(100),
    minutes: z.number().int().min(15).max(720),
  })
  .refine((r) => r.minParty <= r.maxParty, { error: 'From must not exceed to.', path: ['maxParty'] });

export const ZRestaurantProfile = z.object({
  name: ZName,
  address: ZOptionalText(300),
  phone: ZOptionalText(40),
  email: ZEmail.nullish().or(z.literal('').transform(() => null)),
  website: z
    .url({ error: 'Enter a full address such as https://example.com.' })
    .nullish()
    .or(z.literal('').transform(() => null)),
  cuisine: ZOptionalText(100),
  priceRange: z.number().int().min(1).max(4).nullish(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, { error: 'Use a two-letter country code such as DE.' }),
  timezone: ZTimezone,
});

export const ZRestaurantRules = z.object({
  slotIntervalMin: z.union([z.literal(10), z.literal(15), z.literal(20), z.literal(30), z.literal(60)], {
    error: 'Choose 10, 15, 20, 30 or 60 minutes.',
  }),
  defaultDurationMin: z.number().int().min(15).max(720),
  turnTimes: z
    .array(ZTurnTimeRule)
    .max(20)
    .superRefine((rules, ctx) => {
      const sorted = rules.map((r, i) => ({ ...r, i })).sort((a, b) => a.minParty - b.minParty);
      for (let k = 1; k < sorted.length; k++) {
        if (sorted[k]!.minParty <= sorted[k - 1]!.maxParty) {
          ctx.addIssue({
            code: 'custom',
            message: 'Party sizes overlap another rule.',
            path: [sorted[k]!.i, 'minParty'],
          });
        }
      }
    }),
  bookingHorizonDays: z.number().int().min(1).max(730),
  minLeadTimeMin: z.number().int().min(0).max(10_080),
  noShowGraceMin: z.number().int().min(0).max(240),
  pacingMaxCovers: z.number().int().min(1).max(1000).nullable(),
});

export const ZRestaurant = ZRestaurantProfile.extend(ZRestaurantRules.shape).extend({
  id: ZUuid,
  updatedAt: z.date(),
});
export type TRestaurant = z.infer<typeof ZRestaurant>;

export const ZRestaurantUpdateInput = ZRestaurantProfile.partial().extend(ZRestaurantRules.partial().shape);
export type TRestaurantUpdateInput = z.infer<typeof ZRestaurantUpdateInput>;

/** A service as staff enter it: end ≤ start means it runs past midnight. */
export const ZServiceInput = z
  .object({
    name: ZName,
    start: ZTime,
    end: ZTime,
    lastSeating: ZTime.nullish(),
  })
  .superRefine((s, ctx) => {
    if (s.start === s.end)
      ctx.addIssue({
        code: 'custom',
        message: 'A service must last longer than zero minutes.',
        path: ['end'],
      });
    if (s.lastSeating) {
      const { startMinute, endMinute } = serviceSpan(s.start, s.end);
      if (minuteInService(startMinute, s.lastSeating) > endMinute)
        ctx.addIssue({
          code: 'custom',
          message: 'Last seating must be within the service.',
          path: ['lastSeating'],
        });
    }
  });

export const ZWeeklyService = ZServiceInput.safeExtend({ weekday: z.number().int().min(1).max(7) });

export const ZOpeningHours = z.object({
  services: z
    .array(ZWeeklyService)
    .max(50)
    .superRefine((services, ctx) => {
      const spans = services.map((s) => ({
        weekday: s.weekday,
        name: s.name,
        ...serviceSpan(s.start, s.end),
      }));
      for (const [, j] of overlappingServices(spans)) {
        ctx.addIssue({ code: 'custom', message: 'Overlaps another service.', path: [j, 'start'] });
      }
    }),
});
export type TOpeningHours = z.infer<typeof ZOpeningHours>;

export const ZSpecialDay = z
  .object({
    date: ZDate,
    name: ZOptionalText(100),
    closed: z.boolean(),
    services: z.array(ZServiceInput).max(10).default([]),
  })
  .superRefine((d, ctx) => {
    if (!d.closed && d.services.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'Add at least one service, or mark the day closed.',
        path: ['services'],
      });
    }
    const spans = d.services.map((s) => ({ weekday: 1, name: s.name, ...serviceSpan(s.start, s.end) }));
    for (const [, j] of overlappingServices(spans)) {
      ctx.addIssue({ code: 'custom', message: 'Overlaps another service.', path: ['services', j, 'start'] });
    }
  });
export type TSpecialDay = z.infer<typeof ZSpecialDay>;

export const ZSpecialDaysListInput = z.object({ from: ZDate.optional(), to: ZDate.optional() });
export const ZSpecialDayDeleteInput = z.object({ date: ZDate });
