import type { Day } from './day';

export type DayCacheOptions = {
  /** Longest a day is served without re-reading, even if no wake-up arrived (a lost NOTIFY). */
  ttlMs?: number;
  /** Days kept per process (least recently loaded go first). */
  maxEntries?: number;
};

type Entry = { day: Promise<Day>; loadedAt: number };

/**
 * The availability READ path's memory of loaded days: `availability.check` is asked on every
 * keystroke of the wizard and by voice agents, over and over for the same few days. Every
 * committed change that can move availability emits an event, and every event wakes the bus for
 * its restaurant (in this process at once, in others by NOTIFY) — which drops that restaurant's
 * days here. A short TTL bounds what a lost wake-up could leave stale. Writes never use this:
 * they read the day inside their transaction, under their locks.
 */
export class DayCache {
  private readonly byRestaurant = new Map<string, Map<string, Entry>>();
  private size = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(opts: DayCacheOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 2_000;
    this.maxEntries = opts.maxEntries ?? 2_000;
  }

  get(restaurantId: string, date: string, load: () => Promise<Day>): Promise<Day> {
    const now = Date.now();
    let days = this.byRestaurant.get(restaurantId);
    const hit = days?.get(date);
    if (hit && now - hit.loadedAt < this.ttlMs) return hit.day.then((d) => withoutExpiredHolds(d, now));
    if (!days) {
      days = new Map();
      this.byRestaurant.set(restaurantId, days);
    }
    if (hit) this.size--;
    const day = load();
    const entry: Entry = { day, loadedAt: now };
    days.set(date, entry);
    this.size++;
    day.catch(() => this.drop(restaurantId, date, entry));
    if (this.size > this.maxEntries) this.evictOldest();
    return day;
  }

  /** Something of this restaurant changed: its days are read again on next use. */
  invalidate(restaurantId: string): void {
    const days = this.byRestaurant.get(restaurantId);
    if (!days) return;
    this.size -= days.size;
    this.byRestaurant.delete(restaurantId);
  }

  private drop(restaurantId: string, date: string, entry: Entry) {
    const days = this.byRestaurant.get(restaurantId);
    if (days?.get(date) !== entry) return;
    days.delete(date);
    this.size--;
  }

  private evictOldest() {
    let oldest: { rid: string; date: string; at: number } | null = null;
    for (const [rid, days] of this.byRestaurant)
      for (const [date, e] of days)
        if (!oldest || e.loadedAt < oldest.at) oldest = { rid, date, at: e.loadedAt };
    if (oldest) this.drop(oldest.rid, oldest.date, this.byRestaurant.get(oldest.rid)!.get(oldest.date)!);
  }
}

/** Holds free themselves when they expire: a cached day must not keep one that has. */
function withoutExpiredHolds(day: Day, now: number): Day {
  if (!day.taken.some((t) => t.expiresAt !== null && t.expiresAt <= now)) return day;
  return { ...day, taken: day.taken.filter((t) => t.expiresAt === null || t.expiresAt > now) };
}
