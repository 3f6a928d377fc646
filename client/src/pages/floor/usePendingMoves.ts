import { useCallback, useMemo, useState } from 'react';
import type { Point } from './geometry';

/**
 * Table moves made in edit mode and not saved yet (table id → new centre). Moving a table back
 * to its saved place drops it from the list.
 */
export function usePendingMoves() {
  const [moves, setMoves] = useState<ReadonlyMap<string, Point>>(() => new Map());
  const move = useCallback((id: string, to: Point, saved: Point) => {
    setMoves((prev) => {
      const next = new Map(prev);
      if (to.x === saved.x && to.y === saved.y) next.delete(id);
      else next.set(id, to);
      return next;
    });
  }, []);
  const clear = useCallback(() => setMoves(new Map()), []);
  /** Forgets the moves that were saved as they are now (a table moved again meanwhile stays). */
  const settle = useCallback((saved: readonly { id: string; x: number; y: number }[]) => {
    setMoves((prev) => {
      const next = new Map(prev);
      for (const p of saved) {
        const now = next.get(p.id);
        if (now && now.x === p.x && now.y === p.y) next.delete(p.id);
      }
      return next;
    });
  }, []);
  return useMemo(
    () => ({
      moves,
      count: moves.size,
      move,
      clear,
      settle,
      /** The API's savePositions input. */
      positions: () => [...moves].map(([id, p]) => ({ id, x: p.x, y: p.y })),
    }),
    [moves, move, clear, settle],
  );
}

export type PendingMoves = ReturnType<typeof usePendingMoves>;

/** "1 unsaved move", "3 unsaved moves". */
export function unsavedMovesLabel(count: number): string {
  return `${count} unsaved ${count === 1 ? 'move' : 'moves'}`;
}
