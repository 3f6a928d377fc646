import { describe, expect, it } from 'vitest';
import { RESERVATION_STATUSES } from './enums';
import {
  canTransition,
  HOLDS_TABLE,
  isTerminal,
  STATUS_TIMESTAMP,
  STATUS_TRANSITIONS,
  TERMINAL_STATUSES,
  transitionError,
} from './lifecycle';

const ALLOWED = new Set([
  'created→confirmed',
  'created→seated',
  'created→canceled',
  'created→no_show',
  'confirmed→seated',
  'confirmed→canceled',
  'confirmed→no_show',
  'seated→completed',
]);

describe('reservation lifecycle', () => {
  it('every transition is allowed or refused exactly as specified', () => {
    for (const from of RESERVATION_STATUSES) {
      for (const to of RESERVATION_STATUSES) {
        const key = `${from}→${to}`;
        const allowed = ALLOWED.has(key);
        expect(canTransition(from, to), key).toBe(allowed);
        const error = transitionError(from, to);
        if (allowed) expect(error, key).toBeNull();
        else expect(error, key).toMatch(/^[A-Z].+\.$/);
      }
    }
    const count = Object.values(STATUS_TRANSITIONS).reduce((n, list) => n + list.length, 0);
    expect(count).toBe(ALLOWED.size);
  });

  it('completed, canceled and no-show are terminal', () => {
    expect([...TERMINAL_STATUSES].sort()).toEqual(['canceled', 'completed', 'no_show']);
    expect(RESERVATION_STATUSES.filter(isTerminal)).toEqual(['completed', 'canceled', 'no_show']);
  });

  it('refusals read clearly', () => {
    expect(transitionError('completed', 'seated')).toBe('A completed booking cannot be seated.');
    expect(transitionError('canceled', 'confirmed')).toBe('A canceled booking cannot be confirmed.');
    expect(transitionError('no_show', 'seated')).toBe('A no-show booking cannot be seated.');
    expect(transitionError('confirmed', 'created')).toBe('A confirmed booking cannot be set back to new.');
    expect(transitionError('seated', 'confirmed')).toBe('A seated booking cannot be confirmed.');
    expect(transitionError('created', 'completed')).toBe(
      'A booking must be seated before it can be completed.',
    );
    expect(transitionError('confirmed', 'completed')).toBe(
      'A booking must be seated before it can be completed.',
    );
    expect(transitionError('seated', 'canceled')).toBe(
      'A seated booking cannot be canceled; complete it instead.',
    );
    expect(transitionError('seated', 'no_show')).toBe(
      'A seated booking cannot be marked as a no-show; complete it instead.',
    );
    expect(transitionError('seated', 'seated')).toBe('This booking is already seated.');
    expect(transitionError('no_show', 'no_show')).toBe('This booking is already marked as a no-show.');
  });

  it('which statuses hold a table', () => {
    expect(HOLDS_TABLE).toEqual({
      created: true,
      confirmed: true,
      seated: true,
      completed: true,
      canceled: false,
      no_show: false,
    });
  });

  it('which timestamp each status stamps', () => {
    expect(STATUS_TIMESTAMP).toEqual({
      created: null,
      confirmed: 'confirmedAt',
      seated: 'seatedAt',
      completed: 'completedAt',
      canceled: 'canceledAt',
      no_show: 'noShowAt',
    });
  });
});
