import type { Day } from './day';

export type DayCacheOptions = {
  /**
   * How long a day is served before it is read again even if no wake-up arrived: the NOTIFY of
   * a process that crashed between its commit and the NOTIFY. (Wake-ups missed while the LISTEN
   * connection was down are covered by `clear()` when it is back.) Past it, the day it holds is
   * still served while it is read again in the background — a reader never waits for this
   * safety net — but never past twice the TTL.
   */
  ttlMs?: number;
  /** Days kept per process (those closest to expiring go first). */
  maxEntries?: number;
};

type Entry = {
  value: Promise<unknown>;
  /** Past it (the TTL), the value is read again in the background and served meanwhile. */
  staleAt: number;
  /** Past it, the value is not served at all: twice the TTL, or when a hold it shows expires. */
  expiresAt: number;
  settled: boolean;
  refreshing: boolean;
};

/**
 * The availability READ path's memory of loaded days: `availability.check` is asked on every
 * keystroke of the wizard and by voice agents, over and over for the same few days. Every
 * committed change that can move availability emits an event, and every event wakes the bus for
 * its restaurant (in this process at once, in others by NOTIFY) — which drops that restaurant's
 * days here. A TTL bounds what a lost wake-up could leave stale. Writes never use this: they
 * read the day inside their transaction, under their locks.
 */
export class DayCache {
  private readonly byRestaurant = new Map<string, Map<string, Entry>>();
  private size = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(opts: DayCacheOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 30_000;
    this.maxEntries = opts.maxEntries ?? 2_000;
  }

  get(restaurantId: string, date: string, load: () => Promise<Day>): Promise<Day> {
    const now = Date.now();
    return this.memo(restaurantId, `day ${date}`, load).then((d) => withoutExpiredHolds(d, now));
  }

  /**
   * Anything else worked out from a restaurant's data alone (an availability grid), kept and
   * dropped with its days. `key` names it within the restaurant; `validUntil` (epoch ms) ends
   * a value's life sooner than the TTL (when a hold it shows expires).
   */
  memo<T>(
    restaurantId: string,
    key: string,
    load: () => Promise<T>,
    validUntil?: (value: T) => number | null,
  ): Promise<T> {
    const now = Date.now();
    let entries = this.byRestaurant.get(restaurantId);
    const hit = entries?.get(key);
    if (hit && now < hit.expiresAt) {
      if (now >= hit.staleAt && hit.settled && !hit.refreshing)
        this.refresh(restaurantId, key, hit, load, validUntil);
      return hit.value as Promise<T>;
    }
    if (!entries) {
      entries = new Map();
      this.byRestaurant.set(restaurantId, entries);
    }
    if (hit) this.size--;
    const entry = this.entry(load(), validUntil);
    entries.set(key, entry);
    this.size++;
    entry.value.catch(() => this.drop(restaurantId, key, entry));
    if (this.size > this.maxEntries) this.evictOldest();
    return entry.value as Promise<T>;
  }

  private entry<T>(value: Promise<T>, validUntil?: (value: T) => number | null): Entry {
    const now = Date.now();
    const entry: Entry = {
      value,
      staleAt: now + this.ttlMs,
      expiresAt: now + 2 * this.ttlMs,
      settled: false,
      refreshing: false,
    };
    value.then(
      (v) => {
        entry.settled = true;
        const until = validUntil?.(v);
        if (until != null) entry.expiresAt = Math.min(entry.expiresAt, until);
      },
      () => {},
    );
    return entry;
  }

  /**
   * Reads a stale entry again while it is still served; the new value takes its place only if
   * nothing dropped or replaced it meanwhile (a change invalidated the restaurant: this read
   * may be older than that change). A failed read drops it.
   */
  private refresh<T>(
    restaurantId: string,
    key: string,
    stale: Entry,
    load: () => Promise<T>,
    validUntil?: (value: T) => number | null,
  ) {
    stale.refreshing = true;
    const fresh = this.entry(load(), validUntil);
    fresh.value.then(
      () => {
        const entries = this.byRestaurant.get(restaurantId);
        if (entries?.get(key) === stale) entries.set(key, fresh);
      },
      () => this.drop(restaurantId, key, stale),
    );
  }

  /** Something of this restaurant changed: its days are read again on next use. */
  invalidate(restaurantId: string): void {
    const entries = this.byRestaurant.get(restaurantId);
    if (!entries) return;
    this.size -= entries.size;
    this.byRestaurant.delete(restaurantId);
  }

  /** Wake-ups may have been missed (the LISTEN connection was down): everything is read again. */
  clear(): void {
    this.byRestaurant.clear();
    this.size = 0;
  }

  private drop(restaurantId: string, key: string, entry: Entry) {
    const entries = this.byRestaurant.get(restaurantId);
    if (entries?.get(key) !== entry) return;
    entries.delete(key);
    this.size--;
  }

  private evictOldest() {
    let oldest: { rid: string; key: string; entry: Entry } | null = null;
    for (const [rid, entries] of this.byRestaurant)
      for (const [key, entry] of entries)
        if (!oldest || entry.expiresAt < oldest.entry.expiresAt) oldest = { rid, key, entry };
    if (oldest) this.drop(oldest.rid, oldest.key, oldest.entry);
  }
}

/** Holds free themselves when they expire: a cached day must not keep one that has. */
function withoutExpiredHolds(day: Day, now: number): Day {
  if (!day.taken.some((t) => t.expiresAt !== null && t.expiresAt <= now)) return day;
  return { ...day, taken: day.taken.filter((t) => t.expiresAt === null || t.expiresAt > now) };
}
