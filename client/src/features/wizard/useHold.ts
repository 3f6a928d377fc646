import type { THold } from '@tobeout/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { trpc } from '../../app/trpc';
import { useNow } from '../../lib/use-now';

export type HoldWant = {
  date: string;
  time: string;
  partySize: number;
  tableIds: string[];
  /** Past the pacing limit, as staff chose explicitly. */
  overridePacing?: boolean;
};

const sameWant = (h: THold, w: HoldWant) =>
  h.date === w.date &&
  h.time === w.time &&
  h.partySize === w.partySize &&
  [...h.tableIds].sort().join() === [...w.tableIds].sort().join();

/**
 * The tables the wizard keeps for the guest while the host finishes (availability.hold, five
 * minutes). One hold at a time: placing another replaces it, closing the wizard releases it,
 * and a booking converts it. `expired` turns true when its time is up (then place it again).
 */
export function useHold() {
  const utils = trpc.useUtils();
  const [hold, setHold] = useState<THold | null>(null);
  const current = useRef<THold | null>(null);
  const [placing, setPlacing] = useState(false);
  const now = useNow(1000, hold !== null);
  const expired = hold !== null && hold.expiresAt.getTime() <= now;

  const set = useCallback((next: THold | null) => {
    current.current = next;
    setHold(next);
  }, []);

  const releaseHold = useCallback(
    (h: THold) => utils.client.availability.release.mutate({ holdId: h.holdId }).catch(() => undefined),
    [utils],
  );

  /**
   * Holds `want`, releasing the previous hold (first when they share a table, since our own hold
   * would stand in the way; else after, so the host never holds nothing). Throws the server's
   * refusal (SLOT_TAKEN / NO_AVAILABILITY with alternatives); the previous hold is then kept.
   */
  const place = useCallback(
    async (want: HoldWant): Promise<THold> => {
      const previous = current.current;
      if (previous && sameWant(previous, want) && previous.expiresAt.getTime() > Date.now()) return previous;
      const overlaps = previous?.tableIds.some((id) => want.tableIds.includes(id)) ?? false;
      setPlacing(true);
      try {
        if (previous && overlaps) {
          set(null);
          await releaseHold(previous);
        }
        let next: THold;
        try {
          next = await utils.client.availability.hold.mutate(want);
        } catch (error) {
          if (previous && overlaps && previous.expiresAt.getTime() > Date.now()) {
            // Take the old tables back rather than leave the host with nothing held.
            const { date, time, partySize, tableIds } = previous;
            await utils.client.availability.hold
              .mutate({ date, time, partySize, tableIds })
              .then(set)
              .catch(() => undefined);
          }
          throw error;
        }
        if (previous && !overlaps) void releaseHold(previous);
        set(next);
        return next;
      } finally {
        setPlacing(false);
      }
    },
    [utils, set, releaseHold],
  );

  /** Gives the tables back (the host went back to change the time, or closed the wizard). */
  const release = useCallback(() => {
    const h = current.current;
    set(null);
    if (h) void releaseHold(h);
  }, [set, releaseHold]);

  /** The booking took the hold's tables: nothing to release any more. */
  const consume = useCallback(() => set(null), [set]);

  // Closed without booking: release what is still held.
  const releaseOnUnmount = useRef(releaseHold);
  releaseOnUnmount.current = releaseHold;
  useEffect(
    () => () => {
      const h = current.current;
      current.current = null;
      if (h) void releaseOnUnmount.current(h);
    },
    [],
  );

  return { hold, expired, placing, place, release, consume };
}
