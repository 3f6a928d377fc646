import { describe, expect, it } from 'vitest';
import { moveInOrder } from './reorder';

describe('moveInOrder', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];

  it('swaps with the neighbour', () => {
    expect(moveInOrder(order, order, 'c', -1)).toEqual(['a', 'c', 'b', 'd', 'e']);
    expect(moveInOrder(order, order, 'c', 1)).toEqual(['a', 'b', 'd', 'c', 'e']);
  });

  it('cannot move past the ends', () => {
    expect(moveInOrder(order, order, 'a', -1)).toBeNull();
    expect(moveInOrder(order, order, 'e', 1)).toBeNull();
    expect(moveInOrder(order, order, 'x', 1)).toBeNull();
  });

  it('moves past the visible neighbour when the list is filtered', () => {
    const visible = ['a', 'c', 'e'];
    expect(moveInOrder(order, visible, 'e', -1)).toEqual(['a', 'b', 'e', 'c', 'd']);
    expect(moveInOrder(order, visible, 'a', 1)).toEqual(['b', 'c', 'a', 'd', 'e']);
  });
});
