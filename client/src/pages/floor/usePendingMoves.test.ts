import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { unsavedMovesLabel, usePendingMoves } from './usePendingMoves';

describe('usePendingMoves', () => {
  it('keeps moves until they are saved or the table goes back to its place', () => {
    const { result } = renderHook(() => usePendingMoves());
    act(() => result.current.move('a', { x: 300, y: 200 }, { x: 100, y: 100 }));
    act(() => result.current.move('b', { x: 500, y: 500 }, { x: 400, y: 400 }));
    expect(result.current.count).toBe(2);
    expect(result.current.positions()).toEqual([
      { id: 'a', x: 300, y: 200 },
      { id: 'b', x: 500, y: 500 },
    ]);

    // Back where it was saved: nothing to save for it.
    act(() => result.current.move('b', { x: 400, y: 400 }, { x: 400, y: 400 }));
    expect(result.current.count).toBe(1);

    // Saved while "a" was moved again: the newer move stays.
    const saving = result.current.positions();
    act(() => result.current.move('a', { x: 325, y: 200 }, { x: 100, y: 100 }));
    act(() => result.current.settle(saving));
    expect(result.current.positions()).toEqual([{ id: 'a', x: 325, y: 200 }]);
    act(() => result.current.settle(result.current.positions()));
    expect(result.current.count).toBe(0);
  });

  it('says how many moves are unsaved', () => {
    expect(unsavedMovesLabel(1)).toBe('1 unsaved move');
    expect(unsavedMovesLabel(3)).toBe('3 unsaved moves');
  });
});
