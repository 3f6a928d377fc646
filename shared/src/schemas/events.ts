import { z } from 'zod';
import { ZDate } from './common';

export const ZEventActor = z.object({
  kind: z.enum(['user', 'token', 'system']),
  id: z.string().nullable(),
  name: z.string(),
});
export type TEventActor = z.infer<typeof ZEventActor>;

export const ZEvent = z.object({
  /** Resume cursor: pass it back as lastEventId. Opaque. */
  cursor: z.string(),
  id: z.number(),
  type: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  actor: ZEventActor,
  payload: z.record(z.string(), z.unknown()),
  at: z.date(),
});
export type TEvent = z.infer<typeof ZEvent>;

/** An event cursor as the server hands it out ("<txId>.<id>"); opaque to clients. */
export const ZEventCursor = z
  .string()
  .regex(/^\d{1,20}\.\d{1,19}$/, { error: 'Not an event cursor from this server.' });

export const ZEventStreamInput = z.object({ lastEventId: ZEventCursor.nullish() });
export const ZEventListInput = z.object({
  after: ZEventCursor.nullish(),
  limit: z.number().int().min(1).max(1000).default(200),
});

/**
 * The activity log: newest first, filtered. Dates are restaurant-local days (inclusive); `type`
 * is one event type, `actorId` a user or token id.
 */
export const ZEventLogInput = z
  .object({
    entity: z.string().max(40).nullish(),
    entityId: z.string().max(100).nullish(),
    type: z.string().max(60).nullish(),
    actorId: z.string().max(100).nullish(),
    from: ZDate.nullish(),
    to: ZDate.nullish(),
    cursor: ZEventCursor.nullish(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    error: 'The end date is before the start date.',
    path: ['to'],
  });
export type TEventLogInput = z.input<typeof ZEventLogInput>;

export const ZEventLogPage = z.object({ items: z.array(ZEvent), nextCursor: z.string().nullable() });
