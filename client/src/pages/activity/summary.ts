import type { TEvent, TReservationStatus } from '@tobeout/shared';
import { describeChanges } from '../../features/booking-drawer/history';
import { BOOKING_STATUS } from '../../lib/bookings';
import { formatDay } from '../../lib/format';
import { guestPath } from '../../lib/guests';
import { formatLocalRange } from '../../lib/local-time';

/**
 * One line about what an event did, from its payload, for the activity log ("Anna ×4 · 20:30 ·
 * T4", "time 20:00 → 20:30"). Pure: payloads from older servers may lack fields, so every field
 * is optional and unknown types say nothing.
 */
export type SummaryEvent = Pick<TEvent, 'type' | 'entityId' | 'payload'>;

/** What the page knows besides the event (member names for member events). */
export type SummaryContext = { memberName?: (userId: string) => string | undefined };

type Payload = Record<string, unknown>;
type Change = { from: unknown; to: unknown };

const SEP = ' · ';
const MAX_VALUE = 32;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
const obj = (v: unknown): Payload => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Payload) : {});
const join = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(SEP);
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function truncate(s: string, max = MAX_VALUE): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A value in a change: '—' for nothing, lists joined, long text cut. */
function plain(v: unknown, glue = ', '): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length === 0 ? '—' : truncate(v.map((x) => plain(x)).join(glue));
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object') return '…';
  return truncate(String(v));
}

const statusOf = (v: unknown) => BOOKING_STATUS[v as TReservationStatus]?.label ?? plain(v);

type Field = {
  label: string;
  /** How its values read (default: `plain`). */
  show?: (v: unknown) => string;
  /** Only say that it changed (long text, coordinates). */
  brief?: boolean;
};

/** "time 20:00 → 20:30", for each changed field in `fields` order (unknown fields last, by name). */
function changes(d: Record<string, Change>, fields: Record<string, Field>): string[] {
  const keys = [
    ...Object.keys(fields).filter((k) => k in d),
    ...Object.keys(d).filter((k) => !(k in fields)),
  ];
  const said = new Set<string>();
  const out: string[] = [];
  for (const key of keys) {
    const field = fields[key] ?? { label: humanize(key) };
    if (said.has(field.label)) continue;
    said.add(field.label);
    const change = obj(d[key]);
    const show = field.show ?? ((v: unknown) => plain(v));
    out.push(
      field.brief ? `${field.label} changed` : `${field.label} ${show(change.from)} → ${show(change.to)}`,
    );
  }
  return out;
}

/** 'slotIntervalMin' → 'slot interval min' (for fields nobody named). */
function humanize(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

const GUEST_FIELDS: Record<string, Field> = {
  name: { label: 'name' },
  phone: { label: 'phone' },
  email: { label: 'email' },
  language: { label: 'language' },
  tags: { label: 'tags' },
  notes: { label: 'notes', brief: true },
};

const TABLE_FIELDS: Record<string, Field> = {
  name: { label: 'name' },
  section: { label: 'section' },
  minGuests: { label: 'min guests' },
  maxGuests: { label: 'max guests' },
  shape: { label: 'shape' },
  // x and y: one "position changed".
  x: { label: 'position', brief: true },
  y: { label: 'position', brief: true },
  notes: { label: 'notes', brief: true },
  bookableOnline: { label: 'online booking' },
};

const COMBINATION_FIELDS: Record<string, Field> = {
  name: { label: 'name' },
  tables: { label: 'tables', show: (v) => plain(v, ' + ') },
  minGuests: { label: 'min guests' },
  maxGuests: { label: 'max guests' },
};

/** Restaurant settings are many and some are long: only which ones changed. */
const RESTAURANT_FIELDS: Record<string, string> = {
  name: 'name',
  address: 'address',
  phone: 'phone',
  email: 'email',
  website: 'website',
  cuisine: 'cuisine',
  priceRange: 'price range',
  country: 'country',
  timezone: 'time zone',
  slotIntervalMin: 'slot interval',
  defaultDurationMin: 'default duration',
  turnTimes: 'turn times',
  bookingHorizonDays: 'booking horizon',
  minLeadTimeMin: 'lead time',
  noShowGraceMin: 'no-show grace',
  pacingMaxCovers: 'pacing',
};

const party = (p: Payload) => (num(p.partySize) === null ? null : `×${p.partySize}`);
const guestAndParty = (p: Payload) => [str(p.guestName), party(p)].filter(Boolean).join(' ') || null;
const when = (p: Payload) =>
  str(p.date) ? `${formatDay(p.date as string)}${str(p.time) ? ` ${p.time}` : ''}` : str(p.time);
const quoted = (v: unknown) => str(v) && `“${truncate(v as string, 60)}”`;
/** The old → new fields of an event (servers before 2026-05 called them `diff`). */
const changed = (p: Payload) => obj(p.changes ?? p.diff) as Record<string, Change>;

/** "T1 + T2" by name, or "2 tables" when only ids were recorded. */
function tables(p: Payload): string | null {
  const names = strings(p.tables);
  if (names.length > 0) return names.length <= 4 ? names.join(' + ') : count(names.length, 'table');
  const ids = [p.tableIds, p.ids, p.positions].find(Array.isArray) as unknown[] | undefined;
  return ids ? count(ids.length, 'table') : null;
}

function tableCount(p: Payload): string | null {
  const list = [p.tables, p.ids, p.positions].find(Array.isArray) as unknown[] | undefined;
  return list ? count(list.length, 'table') : null;
}

const statusChange = (p: Payload) => (p.from || p.to ? `${statusOf(p.from)} → ${statusOf(p.to)}` : null);
const blockPeriod = (p: Payload) =>
  str(p.from) && str(p.to) ? formatLocalRange(p.from as string, p.to as string) : null;
const dayName = (p: Payload, e: SummaryEvent) => {
  const date = str(p.date) ?? e.entityId;
  return join(date && formatDay(date), str(p.name));
};

type Summarize = (p: Payload, e: SummaryEvent, ctx: SummaryContext) => string | null;

const SUMMARIES: Record<string, Summarize> = {
  'booking.created': (p) => join(guestAndParty(p), when(p), tables(p)),
  'booking.updated': (p) => join(str(p.guestName), ...describeChanges(changed(p))),
  'booking.moved': (p) => join(str(p.guestName), ...describeChanges(changed(p))),
  'booking.statusChanged': (p) => join(guestAndParty(p), statusChange(p)),
  'booking.canceled': (p) => join(guestAndParty(p), quoted(p.reason)),
  'guest.created': (p) => str(p.name),
  'guest.updated': (p) => join(str(p.name), ...changes(changed(p), GUEST_FIELDS)),
  'guest.merged': (p) =>
    join(
      str(p.mergedName) && str(p.name) ? `${p.mergedName} merged into ${p.name}` : str(p.name),
      num(p.bookingsMoved) ? `${count(p.bookingsMoved as number, 'booking')} moved` : null,
    ),
  'guests.imported': (p) =>
    join(
      num(p.created) !== null && `${p.created} added`,
      num(p.updated) !== null && `${p.updated} updated`,
      num(p.errors) ? `${count(p.errors as number, 'row')} skipped` : null,
    ),
  'table.created': (p) =>
    join(str(p.name), num(p.maxGuests) !== null && `up to ${count(p.maxGuests as number, 'guest')}`),
  'table.updated': (p) => join(str(p.name), ...changes(changed(p), TABLE_FIELDS)),
  'table.deactivated': (p) => str(p.name),
  'table.reactivated': (p) => str(p.name),
  'tables.reordered': (p) => tableCount(p),
  'tables.sectionRenamed': (p) =>
    join(
      str(p.from) || str(p.to) ? `${plain(p.from)} → ${plain(p.to)}` : null,
      num(p.tables) !== null && count(p.tables as number, 'table'),
    ),
  'tables.moved': (p) => join(tables(p) && `${tables(p)} moved`),
  'floor.updated': (p) => (num(p.width) && num(p.height) ? `${p.width} × ${p.height} cm` : null),
  'combination.created': (p) => join(str(p.name), tables(p)),
  'combination.updated': (p) => join(str(p.name), ...changes(changed(p), COMBINATION_FIELDS)),
  'combination.deleted': (p) => str(p.name),
  'table.blocked': (p) => join(tables(p), blockPeriod(p), quoted(p.reason)),
  'table.unblocked': (p) => join(tables(p), blockPeriod(p)),
  'hold.created': (p) => join(party(p), when(p), tables(p)),
  'hold.released': (p) => join(party(p), when(p), tables(p)),
  'restaurant.updated': (p) => {
    const keys = Object.keys(changed(p));
    return keys.length === 0
      ? null
      : `Changed: ${keys.map((k) => RESTAURANT_FIELDS[k] ?? humanize(k)).join(', ')}`;
  },
  'hours.set': (p) => (num(p.services) === null ? null : count(p.services as number, 'service')),
  'specialDay.set': (p, e) =>
    join(dayName(p, e), p.closed === true ? 'closed' : p.closed === false ? 'special hours' : null),
  'specialDay.deleted': (p, e) => dayName(p, e),
  'member.added': (p) => join(str(p.email), str(p.role)),
  'member.roleChanged': (p, e, ctx) =>
    join(
      e.entityId && ctx.memberName?.(e.entityId),
      p.from || p.to ? `${plain(p.from)} → ${plain(p.to)}` : null,
    ),
  'member.removed': (p) => str(p.email),
  'token.created': (p) => join(str(p.name), str(p.role)),
  'token.revoked': (p) => str(p.name),
};

export function summarize(event: SummaryEvent, ctx: SummaryContext = {}): string {
  const summary = SUMMARIES[event.type];
  return summary?.(obj(event.payload), event, ctx) || '';
}

/** Where an entry leads: a booking opens in the drawer, the rest are pages. */
export type ActivityLink =
  | { kind: 'booking'; bookingId: string; label: string }
  | { kind: 'page'; to: string; label: string };

const FLOOR = { to: '/floor', label: 'Open the floor plan' };
const HOURS = { to: '/settings/hours', label: 'Open opening hours' };
const PAGES: Record<string, { to: string; label: string }> = {
  table: FLOOR,
  block: FLOOR,
  combination: FLOOR,
  floor: FLOOR,
  hours: HOURS,
  specialDay: HOURS,
  restaurant: { to: '/settings/restaurant', label: 'Open restaurant settings' },
  member: { to: '/settings/members', label: 'Open members' },
  token: { to: '/settings/tokens', label: 'Open API tokens' },
};

export function activityLink(event: Pick<TEvent, 'entity' | 'entityId'>): ActivityLink | null {
  const { entity, entityId } = event;
  if (entity === 'booking')
    return entityId ? { kind: 'booking', bookingId: entityId, label: 'Open booking' } : null;
  if (entity === 'guest')
    return entityId
      ? { kind: 'page', to: guestPath(entityId), label: 'Open guest' }
      : { kind: 'page', to: '/guests', label: 'Open guests' };
  const page = PAGES[entity];
  return page ? { kind: 'page', ...page } : null;
}
