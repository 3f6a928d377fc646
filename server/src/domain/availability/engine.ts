import {
  addDays,
  type FindSlotReason,
  findSlot,
  instantToZoned,
  noFitReason,
  rankFits,
  type Slot,
  servicesOn,
  serviceWindow,
  slotsForDay,
  type TAvailabilityCheck,
  type TAvailabilityGrid,
  type TAvailableSlot,
  type TCellStatus,
  type TFitOption,
  type TNoAvailabilityReason,
  type TReservationSource,
  todayIn,
  turnTimeFor,
} from '@tobeout/shared';
import { type Day, type Settings, type Taken, tablesFor } from './day';

const MINUTE = 60_000;
/** How many alternatives a check offers around a requested time, and options per slot. */
const NEAREST = 6;
const OPTIONS_PER_SLOT = 3;

export function durationFor(settings: Settings, partySize: number, override?: number): number {
  return override ?? turnTimeFor(partySize, settings.turnTimes, settings.defaultDurationMin);
}

export type Want = {
  partySize: number;
  durationMin: number;
  source: TReservationSource;
  now: Date;
  /** A booking being moved (or the caller's hold): its own allocations do not count against it. */
  ignoreOwner?: string | undefined;
  /** Staff booking past the pacing limit, explicitly. */
  overridePacing?: boolean | undefined;
};

function takenByTable(day: Day, ignoreOwner?: string): Map<string, Taken[]> {
  const map = new Map<string, Taken[]>();
  for (const t of day.taken) {
    if (t.ownerId === ignoreOwner) continue;
    const list = map.get(t.tableId);
    if (list) list.push(t);
    else map.set(t.tableId, [t]);
  }
  return map;
}

/**
 * Tables free over [from, to) with their slack: the free minutes left next to the stay (before +
 * after, up to the neighbouring allocations). A small slack is a snug fit that keeps the rest of
 * the evening in long, bookable stretches.
 */
export function freeTables(
  day: Day,
  from: number,
  to: number,
  source: TReservationSource,
  ignoreOwner?: string,
) {
  const byTable = takenByTable(day, ignoreOwner);
  const free = [];
  const slack = new Map<string, number>();
  const open = 24 * 60;
  for (const table of tablesFor(day, source)) {
    const taken = byTable.get(table.id) ?? [];
    if (taken.some((t) => t.from < to && from < t.to)) continue;
    const before = Math.max(...taken.filter((t) => t.to <= from).map((t) => t.to), Number.NEGATIVE_INFINITY);
    const after = Math.min(...taken.filter((t) => t.from >= to).map((t) => t.from), Number.POSITIVE_INFINITY);
    slack.set(
      table.id,
      (Number.isFinite(before) ? (from - before) / MINUTE : open) +
        (Number.isFinite(after) ? (after - to) / MINUTE : open),
    );
    free.push(table);
  }
  return { free, slack };
}

/** Covers (guests) of bookings starting at `at`, each booking once however many tables it has. */
export function coversStartingAt(day: Day, at: number, ignoreOwner?: string): number {
  const seen = new Set<string>();
  let covers = 0;
  for (const t of day.taken) {
    if (t.kind !== 'booking' || t.from !== at || t.ownerId === ignoreOwner || seen.has(t.ownerId)) continue;
    seen.add(t.ownerId);
    covers += t.partySize ?? 0;
  }
  return covers;
}

/** Options worked out per `taken` list (a day's, or a write's own read), see optionsAt. */
const optionsMemo = new WeakMap<Taken[], Map<string, readonly TFitOption[]>>();
/** Entries kept per memo (a day's options, the days with requested slots, a day's requested slots). */
const MEMO_MAX = 5_000;

/**
 * Ranked seating options for a stay starting at `startsAt` (empty when nothing fits). Ranking is
 * most of an availability answer's CPU and a cached day (see day-cache.ts) is asked the same
 * questions over and over, so the answer is kept with the day's `taken` list — which a day never
 * changes in place (a writer that reads what takes the tables assigns a new list). Callers must
 * not modify what it returns.
 */
export function optionsAt(day: Day, startsAt: Date, want: Want): readonly TFitOption[] {
  const from = startsAt.getTime();
  const online = want.source === 'online' || want.source === 'ai';
  const key = `${from} ${want.durationMin} ${want.partySize} ${online} ${want.ignoreOwner ?? ''}`;
  let memo = optionsMemo.get(day.taken);
  if (!memo) {
    memo = new Map();
    optionsMemo.set(day.taken, memo);
  }
  let options = memo.get(key);
  if (!options) {
    const { free, slack } = freeTables(
      day,
      from,
      from + want.durationMin * MINUTE,
      want.source,
      want.ignoreOwner,
    );
    options = rankFits(want.partySize, free, day.combinations, slack);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(key, options);
  }
  return options;
}

export function pacingExceeded(day: Day, startsAt: Date, want: Want): boolean {
  const max = day.settings.pacingMaxCovers;
  return max !== null && coversStartingAt(day, startsAt.getTime(), want.ignoreOwner) + want.partySize > max;
}

/**
 * Booking-window rules: never in the past; guests booking online or through an AI agent also
 * respect the minimum lead time and the booking horizon (staff may book at short notice and far
 * ahead).
 */
export function timingProblem(day: Day, startsAt: Date, want: Want): TNoAvailabilityReason | null {
  const { settings } = day;
  if (startsAt.getTime() < want.now.getTime() - settings.slotIntervalMin * MINUTE) return 'in_the_past';
  if (want.source !== 'online' && want.source !== 'ai') return null;
  if (startsAt.getTime() < want.now.getTime() + settings.minLeadTimeMin * MINUTE) return 'too_soon';
  if (day.date > addDays(todayIn(settings.timeZone, want.now), settings.bookingHorizonDays))
    return 'beyond_horizon';
  return null;
}

type SlotVerdict = { options: readonly TFitOption[]; reason: TNoAvailabilityReason | null };

function judgeSlot(day: Day, slot: Slot, want: Want): SlotVerdict {
  const timing = timingProblem(day, slot.startsAt, want);
  if (timing) return { options: [], reason: timing };
  const options = optionsAt(day, slot.startsAt, want);
  if (options.length === 0)
    return { options, reason: noFitReason(want.partySize, tablesFor(day, want.source), day.combinations) };
  if (!want.overridePacing && pacingExceeded(day, slot.startsAt, want))
    return { options: [], reason: 'pacing' };
  return { options, reason: null };
}

export function reasonMessage(reason: TNoAvailabilityReason, day: Day, want: Want, time?: string): string {
  const at = time ? ` at ${time}` : '';
  switch (reason) {
    case 'closed':
      return `The restaurant is closed on ${day.date}.`;
    case 'outside_hours':
      return `${time} is outside the opening hours on ${day.date}.`;
    case 'after_last_seating':
      return `${time} is after the last seating (a stay of ${want.durationMin} min must fit in the service).`;
    case 'off_grid':
      return `${time} is not a bookable slot: bookings start every ${day.settings.slotIntervalMin} minutes.`;
    case 'in_the_past':
      return `${day.date}${at} has already passed.`;
    case 'too_soon':
      return `Online bookings need at least ${day.settings.minLeadTimeMin} minutes' notice.`;
    case 'beyond_horizon':
      return `Bookings open ${day.settings.bookingHorizonDays} days ahead: ${day.date} is too far.`;
    case 'full':
      return `No table for ${want.partySize} is free on ${day.date}${at}.`;
    case 'pacing':
      return `Too many guests already arrive${at}: the kitchen takes at most ${day.settings.pacingMaxCovers} covers per slot.`;
    case 'party_too_large':
      return `No table or combination seats a party of ${want.partySize}.`;
  }
}

function toAvailable(slot: Slot, options: readonly TFitOption[]): TAvailableSlot {
  return { time: slot.time, startsAt: slot.startsAt, options: options.slice(0, OPTIONS_PER_SLOT) };
}

const slotMemo = new WeakMap<Day['rules'], Map<number, readonly Slot[]>>();
/** Requested slots by day (its date and rules as text: a write reads its own copy of the rules). */
const foundMemo = new Map<string, Map<string, ReturnType<typeof findSlot>>>();

/**
 * findSlot for a day, worked out once per day, requested time and stay: its time-zone arithmetic
 * is most of the CPU of a booking write's or an availability answer's own work.
 */
export function daySlotAt(day: Day, time: string, durationMin: number): ReturnType<typeof findSlot> {
  const dayKey = `${day.date} ${JSON.stringify(day.rules)}`;
  let byKey = foundMemo.get(dayKey);
  if (!byKey) {
    if (foundMemo.size >= MEMO_MAX) foundMemo.clear();
    byKey = new Map();
    foundMemo.set(dayKey, byKey);
  }
  const key = `${time} ${durationMin}`;
  let found = byKey.get(key);
  if (!found) {
    found = findSlot(day.date, time, day.rules, durationMin);
    if (byKey.size >= MEMO_MAX) byKey.clear();
    byKey.set(key, found);
  }
  return found;
}

/**
 * The day's slots for a stay length. Time-zone arithmetic is most of an availability answer's
 * CPU, and a cached day (see day-cache.ts) keeps its rules object: work it out once per day.
 */
function daySlots(day: Day, durationMin: number): readonly Slot[] {
  let byDuration = slotMemo.get(day.rules);
  if (!byDuration) {
    byDuration = new Map();
    slotMemo.set(day.rules, byDuration);
  }
  let slots = byDuration.get(durationMin);
  if (!slots) {
    slots = slotsForDay(day.date, day.rules, durationMin);
    byDuration.set(durationMin, slots);
  }
  return slots;
}

/**
 * The bookable slots of the day nearest to `around` (all of them without it), best first. With
 * `around`, slots are judged nearest first (earlier first at equal distance) until NEAREST are found.
 */
export function availableSlots(day: Day, want: Want, around?: Date): TAvailableSlot[] {
  const slots = daySlots(day, want.durationMin);
  const t = around?.getTime();
  const ordered =
    t === undefined
      ? slots
      : [...slots].sort((a, b) => Math.abs(a.startsAt.getTime() - t) - Math.abs(b.startsAt.getTime() - t));
  const open: TAvailableSlot[] = [];
  for (const slot of ordered) {
    if (t !== undefined && open.length === NEAREST) break;
    const { options } = judgeSlot(day, slot, want);
    if (options.length > 0) open.push(toAvailable(slot, options));
  }
  return open;
}

/** Where a requested local time would be on the day's grid, even when it is not a slot. */
function approximateInstant(day: Day, time: string): Date | undefined {
  const slots = daySlots(day, 1);
  return slots.find((s) => s.time >= time)?.startsAt ?? slots.at(-1)?.startsAt;
}

/** availability.check: the requested time's verdict, with the nearest alternatives. */
export function checkAvailability(day: Day, want: Want, time?: string): TAvailabilityCheck {
  const base = {
    date: day.date,
    partySize: want.partySize,
    durationMin: want.durationMin,
    time: time ?? null,
  };
  if (!time) {
    const slots = availableSlots(day, want);
    const reason = slots.length > 0 ? null : dayProblem(day, want);
    return {
      ...base,
      available: slots.length > 0,
      reason,
      message: reason ? reasonMessage(reason, day, want) : null,
      slots,
    };
  }
  const found = daySlotAt(day, time, want.durationMin);
  let reason: TNoAvailabilityReason | null;
  let requested: TAvailableSlot | null = null;
  if (!found.slot) reason = found.reason satisfies FindSlotReason;
  else {
    const verdict = judgeSlot(day, found.slot, want);
    reason = verdict.reason;
    if (!reason) requested = toAvailable(found.slot, verdict.options);
  }
  const around = found.slot?.startsAt ?? approximateInstant(day, time);
  const others = reason === 'party_too_large' ? [] : availableSlots(day, want, around);
  const slots = requested ? [requested, ...others.filter((s) => s.time !== requested.time)] : others;
  return {
    ...base,
    available: requested !== null,
    reason,
    message: reason ? reasonMessage(reason, day, want, time) : null,
    slots: slots.slice(0, NEAREST),
  };
}

/** Why a whole day has nothing: closed, outside the booking window, party too large, or full. */
function dayProblem(day: Day, want: Want): TNoAvailabilityReason {
  const slots = daySlots(day, want.durationMin);
  if (slots.length === 0) return 'closed';
  const timing = slots.map((slot) => timingProblem(day, slot.startsAt, want));
  if (timing.every((t) => t !== null)) return timing.at(-1)!;
  const all = tablesFor(day, want.source);
  return noFitReason(want.partySize, all, day.combinations) === 'party_too_large'
    ? 'party_too_large'
    : 'full';
}

/**
 * availability.grid: every active table × every slot from the first service's start to the last
 * one's end. A cell is closed outside services, else the strongest of what overlaps it:
 * blocked > occupied (seated) > reserved (booked or held) > free.
 */
export function buildGrid(day: Day): Omit<TAvailabilityGrid, 'bookings' | 'blocks'> {
  const step = day.settings.slotIntervalMin * MINUTE;
  const base = {
    date: day.date,
    timeZone: day.settings.timeZone,
    slotIntervalMin: day.settings.slotIntervalMin,
  };
  const windows = serviceWindows(day);
  if (windows.length === 0)
    return { ...base, slots: [], tables: day.tables.map((t) => ({ ...cellsOf(t), statuses: [] })) };
  const first = Math.min(...windows.map((w) => w.from));
  const last = Math.max(...windows.map((w) => w.to));
  const slots: { time: string; startsAt: Date; open: boolean }[] = [];
  for (let t = first; t < last; t += step) {
    const startsAt = new Date(t);
    slots.push({
      time: instantToZoned(startsAt, day.settings.timeZone).time,
      startsAt,
      open: windows.some((w) => t >= w.from && t < w.to),
    });
  }
  const byTable = takenByTable(day);
  const rank: Record<TCellStatus, number> = { closed: 0, free: 1, reserved: 2, occupied: 3, blocked: 4 };
  return {
    ...base,
    slots,
    tables: day.tables.map((table) => {
      const taken = byTable.get(table.id) ?? [];
      return {
        ...cellsOf(table),
        statuses: slots.map((slot): TCellStatus => {
          if (!slot.open) return 'closed';
          const from = slot.startsAt.getTime();
          let status: TCellStatus = 'free';
          for (const t of taken) {
            if (!(t.from < from + step && from < t.to)) continue;
            const s: TCellStatus =
              t.kind === 'block'
                ? 'blocked'
                : t.status === 'seated' || t.status === 'completed'
                  ? 'occupied'
                  : 'reserved';
            if (rank[s] > rank[status]) status = s;
          }
          return status;
        }),
      };
    }),
  };
}

function cellsOf(t: Day['tables'][number]) {
  return { id: t.id, name: t.name, section: t.section, minGuests: t.minGuests, maxGuests: t.maxGuests };
}

/** The day's service windows as epoch-ms ranges. */
function serviceWindows(day: Day): { from: number; to: number }[] {
  return servicesOn(day.date, day.rules.weekly, day.rules.special).map((service) => {
    const w = serviceWindow(day.date, service, day.rules.timeZone);
    return { from: w.startsAt.getTime(), to: w.endsAt.getTime() };
  });
}
