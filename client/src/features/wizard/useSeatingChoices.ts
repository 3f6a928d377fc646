import type { TFitOption } from '@tobeout/shared';
import { trpc } from '../../app/trpc';
import { freeTablesAt, seatingKey } from './seating';

export type SeatingWant = {
  date: string;
  time: string;
  partySize: number;
  overridePacing?: boolean;
  /** The wizard's own hold: the check counts its tables as free, not as taken. */
  holdId?: string | undefined;
};

/**
 * What can seat the party at the time, live: the server's verdict and best suggestions
 * (availability.check) plus the other free tables of the grid, so the host may pick any of them.
 */
export function useSeatingChoices(want: SeatingWant, enabled = true) {
  const ready = enabled && want.time !== '' && want.partySize > 0;
  const check = trpc.availability.check.useQuery(
    {
      date: want.date,
      time: want.time,
      partySize: want.partySize,
      ...(want.overridePacing ? { overridePacing: true } : {}),
      ...(want.holdId ? { holdId: want.holdId } : {}),
    },
    { enabled: ready, staleTime: 5_000 },
  );
  const grid = trpc.availability.grid.useQuery({ date: want.date }, { enabled: ready, staleTime: 5_000 });
  const data = check.data;
  const requested = data?.available ? data.slots.find((s) => s.time === want.time) : undefined;
  const suggested: TFitOption[] = requested?.options ?? [];
  const taken = new Set(suggested.map((o) => seatingKey(o.tableIds)));
  const others =
    data && requested
      ? freeTablesAt(grid.data, want.time, data.durationMin, want.partySize).filter(
          (o) => !taken.has(seatingKey(o.tableIds)),
        )
      : [];
  return { check, grid, suggested, others, durationMin: data?.durationMin ?? null };
}
