import type { TCellStatus } from '@tobeout/shared';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { trpc } from '../../app/trpc';
import { localToday } from '../../lib/local-time';
import { useNow } from '../../lib/use-now';
import { defaultSlotIndex, slotIndexOf, statusAt, statusCounts } from './status';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

type Changes = Record<string, string | null>;

/**
 * Search parameters as state. React Router applies address changes in a transition, so new values
 * are also kept here until the address has them: quick key presses each build on the last.
 */
function useParams(): [(name: string) => string | null, (changes: Changes) => void] {
  const [params, setParams] = useSearchParams();
  const [pending, setPending] = useState<Changes | null>(null);
  useEffect(() => {
    if (pending && Object.entries(pending).every(([k, v]) => params.get(k) === v)) setPending(null);
  }, [pending, params]);
  const get = (name: string) => (pending && name in pending ? pending[name]! : params.get(name));
  const set = (changes: Changes) => {
    setPending((prev) => ({ ...prev, ...changes }));
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries({ ...pending, ...changes })) {
          if (v === null) p.delete(k);
          else p.set(k, v);
        }
        return p;
      },
      { replace: true },
    );
  };
  return [get, set];
}

/**
 * The floor at a chosen moment, from availability.grid: the date and slot live in the address
 * (?date=…&at=…, so a reload or a shared link shows the same). Without `at` the view follows the
 * clock on today and starts at the first open slot on other days.
 */
export function useFloorStatus({ timeZone, enabled }: { timeZone: string; enabled: boolean }) {
  const [param, setParams] = useParams();
  const askedDate = param('date');
  const askedAt = param('at');
  const now = useNow(30_000, enabled);
  const today = localToday(timeZone, new Date(now));
  const date = askedDate && ISO_DATE.test(askedDate) ? askedDate : today;
  const at = askedAt && HHMM.test(askedAt) ? askedAt : null;
  const isToday = date === today;

  const grid = trpc.availability.grid.useQuery(
    { date },
    { enabled, staleTime: 15_000, refetchInterval: isToday ? 60_000 : false },
  );
  const data = grid.data;
  const chosen = data ? slotIndexOf(data, at) : -1;
  const index = data ? (chosen >= 0 ? chosen : (defaultSlotIndex(data, isToday ? now : null) ?? -1)) : -1;

  return {
    date,
    today,
    grid: data,
    query: grid,
    index,
    followingNow: isToday && chosen < 0,
    setDate: (next: string) => setParams({ date: next === today ? null : next }),
    setIndex: (i: number) => {
      const time = data?.slots[i]?.time;
      if (time) setParams({ at: time });
    },
    goNow: () => setParams({ date: null, at: null }),
    statusOf: (tableId: string): TCellStatus | undefined =>
      data ? statusAt(data, tableId, index) : undefined,
    counts: data ? statusCounts(data, index) : undefined,
  };
}
