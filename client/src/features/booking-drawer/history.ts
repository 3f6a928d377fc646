import type { TEvent } from '@tobeout/shared';
import { guestsLabel } from '../../lib/bookings';
import { formatDay, formatDuration } from '../../lib/format';

export type HistoryKind = 'created' | 'moved' | 'changed' | 'status' | 'canceled' | 'other';

export type HistoryLine = {
  id: number;
  at: Date;
  kind: HistoryKind;
  /** "Moved 19:00 → 20:30 by Maria". */
  text: string;
};

type Change = { from: unknown; to: unknown };

const STATUS_TEXT: Record<string, string> = {
  created: 'Set back to requested',
  confirmed: 'Confirmed',
  seated: 'Seated',
  completed: 'Completed',
  no_show: 'Marked as a no-show',
  canceled: 'Cancelled',
};

const tablesText = (v: unknown) => (Array.isArray(v) && v.length > 0 ? v.join(' + ') : 'no table');

function quoted(v: unknown): string {
  const s = typeof v === 'string' ? v.trim() : '';
  return s.length > 40 ? `“${s.slice(0, 39)}…”` : `“${s}”`;
}

/** "19:00 → 20:30", "tables T1 → T2", "party 2 → 4"… in the order staff read them. */
export function describeChanges(changes: Record<string, Change>): string[] {
  const parts: string[] = [];
  const c = changes;
  if (c.date) parts.push(`${formatDay(String(c.date.from))} → ${formatDay(String(c.date.to))}`);
  if (c.time) parts.push(`${c.time.from} → ${c.time.to}`);
  if (c.tables) parts.push(`tables ${tablesText(c.tables.from)} → ${tablesText(c.tables.to)}`);
  if (c.partySize) parts.push(`party ${c.partySize.from} → ${c.partySize.to}`);
  if (c.durationMin)
    parts.push(
      `duration ${formatDuration(Number(c.durationMin.from))} → ${formatDuration(Number(c.durationMin.to))}`,
    );
  if (c.specialRequests)
    parts.push(c.specialRequests.to ? `requests ${quoted(c.specialRequests.to)}` : 'requests removed');
  return parts;
}

/** " by Maria", " by Booking bot (API)", " automatically": who did it, after what was done. */
export function byActor(actor: TEvent['actor']): string {
  if (actor.kind === 'system') return ' automatically';
  return actor.kind === 'token' ? ` by ${actor.name} (API)` : ` by ${actor.name}`;
}

/** One audit event of a booking as a sentence people read. */
export function describeEvent(event: Pick<TEvent, 'id' | 'type' | 'actor' | 'payload' | 'at'>): HistoryLine {
  const p = event.payload as Record<string, unknown>;
  let kind: HistoryKind = 'other';
  let text: string;
  switch (event.type) {
    case 'booking.created': {
      kind = 'created';
      const tables = Array.isArray(p.tables) && p.tables.length > 0 ? `, ${tablesText(p.tables)}` : '';
      const party = typeof p.partySize === 'number' ? guestsLabel(p.partySize) : 'guests';
      text =
        p.source === 'walk_in'
          ? `Walk-in seated, ${party}${tables}`
          : `Booked for ${party}, ${formatDay(String(p.date))} at ${p.time}${tables}`;
      break;
    }
    case 'booking.moved':
    case 'booking.updated': {
      const changes = (p.changes ?? {}) as Record<string, Change>;
      const parts = describeChanges(changes);
      kind = changes.date || changes.time || changes.tables ? 'moved' : 'changed';
      text =
        parts.length === 0
          ? 'Saved without changes'
          : `${kind === 'moved' ? 'Moved' : 'Changed'} ${parts.join(', ')}`;
      break;
    }
    case 'booking.statusChanged':
      kind = 'status';
      text = STATUS_TEXT[String(p.to)] ?? `Status ${String(p.to)}`;
      break;
    case 'booking.canceled':
      kind = 'canceled';
      text = 'Cancelled';
      break;
    default:
      text = event.type;
  }
  text += byActor(event.actor);
  if (kind === 'canceled' && typeof p.reason === 'string' && p.reason) text += `: ${p.reason}`;
  return { id: event.id, at: event.at, kind, text };
}
