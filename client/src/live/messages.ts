import { EVENT_TYPES, isEventType, type TEvent } from '@tobeout/shared';
import { z } from 'zod';
import { byActor, describeChanges } from '../features/booking-drawer/history';
import { formatDay } from '../lib/format';

/** What a live message needs of an event. */
export type LiveEvent = Pick<TEvent, 'type' | 'entity' | 'entityId' | 'actor' | 'payload'>;

/** True when the signed-in user made the change (tokens and the system are someone else). */
export function isMine(actor: TEvent['actor'], userId: string): boolean {
  return actor.kind === 'user' && actor.id === userId;
}

// Payloads are loose records written by several versions of the server: read what is there,
// ignore what is malformed, fall back to the catalogue's label.
const opt = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const ZChange = z.object({ from: z.unknown(), to: z.unknown() });
const ZBookingPayload = z.object({
  code: opt(z.string()),
  guestName: opt(z.string()),
  partySize: opt(z.number()),
  date: opt(z.string()),
  time: opt(z.string()),
  tables: opt(z.array(z.string())),
  source: opt(z.string()),
  changes: opt(z.record(z.string(), ZChange)),
  from: opt(z.string()),
  to: opt(z.string()),
  reason: opt(z.string()),
});
type BookingPayload = z.infer<typeof ZBookingPayload>;
const ZNamed = z.object({
  name: opt(z.string()),
  mergedName: opt(z.string()),
  created: opt(z.number()),
  updated: opt(z.number()),
});

/** Options for the words: today's restaurant date (other days are named). */
export type MessageOptions = { today?: string };

/** "T4", "T1 + T2", or null for none. */
function tablesText(v: unknown): string | null {
  return Array.isArray(v) && v.length > 0 && v.every((t) => typeof t === 'string') ? v.join(' + ') : null;
}

/** "Anna ×4", "Anna", "Booking K7P2M9" or "A booking". */
function bookingSubject(p: BookingPayload): string {
  if (p.guestName) return p.partySize ? `${p.guestName} ×${p.partySize}` : p.guestName;
  return p.code ? `Booking ${p.code}` : 'A booking';
}

/** "20:30" today, "Tue, 12 May 2026, 20:30" on another day. */
function when(date: unknown, time: unknown, opts: MessageOptions): string {
  const t = typeof time === 'string' ? time : '';
  if (typeof date !== 'string' || date === opts.today) return t;
  return t ? `${formatDay(date)}, ${t}` : formatDay(date);
}

const STATUS_VERB: Record<string, string> = {
  created: 'set back to requested',
  confirmed: 'confirmed',
  seated: 'seated',
  completed: 'completed',
  no_show: 'marked as a no-show',
  canceled: 'canceled',
};

/**
 * What was done to a booking, without the subject and the actor: "moved to T3 at 20:30",
 * "changed: party 2 → 4", "seated". `tablesPrefix` is set when the sentence reads better after
 * its table ("T4: Anna ×4 moved to 20:30").
 */
function bookingChange(type: string, p: BookingPayload): { text: string; tablesPrefix: boolean } {
  const c = p.changes ?? {};
  if (type === 'booking.statusChanged')
    return { text: STATUS_VERB[p.to ?? ''] ?? 'changed', tablesPrefix: true };
  if (type === 'booking.canceled') return { text: 'canceled', tablesPrefix: false };
  const movedTables = c.tables ? tablesText(c.tables.to) : null;
  // The day is named when it changed; a move within the day names the time only.
  const movedWhen = c.date || c.time ? when(c.date?.to, c.time?.to ?? p.time, {}) : null;
  const { date: _d, time: _t, tables: _tb, ...rest } = c;
  const others = describeChanges(rest);
  if (movedTables || movedWhen) {
    const where = [movedTables, movedWhen && (movedTables ? `at ${movedWhen}` : movedWhen)]
      .filter(Boolean)
      .join(' ');
    return {
      text: `moved to ${where}${others.length ? `; ${others.join(', ')}` : ''}`,
      tablesPrefix: !movedTables,
    };
  }
  if (others.length) return { text: `changed: ${others.join(', ')}`, tablesPrefix: true };
  return { text: type === 'booking.moved' ? 'moved' : 'changed', tablesPrefix: true };
}

function bookingMessage(event: LiveEvent, opts: MessageOptions): string {
  const p = ZBookingPayload.parse(event.payload ?? {});
  const by = byActor(event.actor);
  const subject = bookingSubject(p);
  const tables = tablesText(p.tables);
  if (event.type === 'booking.created') {
    if (p.source === 'walk_in') return `${subject} seated as a walk-in${tables ? ` at ${tables}` : ''}${by}`;
    const at = when(p.date, p.time, opts);
    return `${subject} booked${at ? ` for ${at}` : ''}${tables ? ` at ${tables}` : ''}${by}`;
  }
  if (event.type === 'booking.canceled') {
    const who = p.code ? `Booking ${p.code}${p.guestName ? ` (${subject})` : ''}` : subject;
    return `${who} canceled${by}${p.reason ? `: ${p.reason}` : ''}`;
  }
  const change = bookingChange(event.type, p);
  const prefix = change.tablesPrefix && tables ? `${tables}: ` : '';
  return `${prefix}${subject} ${change.text}${by}`;
}

const GUEST_VERB: Record<string, string> = {
  'guest.created': 'added',
  'guest.updated': 'changed',
};
const TABLE_VERB: Record<string, string> = {
  'table.created': 'added',
  'table.updated': 'changed',
  'table.deactivated': 'deactivated',
  'table.reactivated': 'reactivated',
};

/**
 * One event as a sentence for the people who did not make it: "T4: Anna ×4 moved to 20:30 by
 * Maria", "Anna ×2 booked for 19:00 at T3 by Maria", "Booking K7P2M9 canceled by Maria". Null
 * for what is not worth a notification (holds come and go with every wizard) and unknown types.
 */
export function eventMessage(event: LiveEvent, opts: MessageOptions = {}): string | null {
  if (event.entity === 'hold' || event.type.startsWith('hold.')) return null;
  if (event.type.startsWith('booking.')) return bookingMessage(event, opts);
  const by = byActor(event.actor);
  const n = ZNamed.parse(event.payload ?? {});
  const guestVerb = GUEST_VERB[event.type];
  if (guestVerb) return n.name ? `Guest ${n.name} ${guestVerb}${by}` : `${labelOf(event.type)}${by}`;
  if (event.type === 'guest.merged' && n.name)
    return n.mergedName
      ? `Guests ${n.mergedName} and ${n.name} merged${by}`
      : `Guest ${n.name} merged with a duplicate${by}`;
  if (event.type === 'guests.imported' && n.created !== undefined)
    return `${n.created} ${n.created === 1 ? 'guest' : 'guests'} imported${
      n.updated ? ` (${n.updated} updated)` : ''
    }${by}`;
  const tableVerb = TABLE_VERB[event.type];
  if (tableVerb && n.name) return `Table ${n.name} ${tableVerb}${by}`;
  if (!isEventType(event.type)) return null;
  return `${labelOf(event.type)}${by}`;
}

function labelOf(type: string): string {
  return isEventType(type) ? EVENT_TYPES[type].label : type;
}

/** A burst of changes by one actor as one line: "12 changes by Maria". */
export function burstMessage(count: number, actor: TEvent['actor']): string {
  return `${count} ${count === 1 ? 'change' : 'changes'}${byActor(actor)}`;
}

/**
 * For someone editing the booking when the event came: "Maria moved this booking to 20:30
 * while you were editing."
 */
export function editedWhileMessage(event: LiveEvent): string {
  const p = ZBookingPayload.parse(event.payload ?? {});
  const { actor } = event;
  const change = event.type.startsWith('booking.') ? bookingChange(event.type, p).text : 'changed';
  // "moved to 20:30" → "moved this booking to 20:30"; "changed: party 2 → 4" → "changed this booking: …".
  const done = change.replace(
    /^(\w+)( to|:)?/,
    (_, verb: string, rest = '') => `${verb} this booking${rest}`,
  );
  if (actor.kind === 'system') return `This booking was ${change} automatically while you were editing.`;
  const name = actor.kind === 'token' ? `${actor.name} (API)` : actor.name;
  return `${name} ${done} while you were editing.`;
}
