import { RESERVATION_STATUSES, type TReservationStatus } from './enums';

/**
 * The reservation status lifecycle as data, so the server, the client and an AI agent share one
 * source of truth.
 *
 *   created   → confirmed | seated | canceled | no_show
 *   confirmed → seated | canceled | no_show
 *   seated    → completed
 *   completed, canceled, no_show are terminal.
 *
 * Walk-ins are created directly as 'seated' (they never pass through created/confirmed).
 */
export const STATUS_TRANSITIONS: Record<TReservationStatus, readonly TReservationStatus[]> = {
  created: ['confirmed', 'seated', 'canceled', 'no_show'],
  confirmed: ['seated', 'canceled', 'no_show'],
  seated: ['completed'],
  completed: [],
  canceled: [],
  no_show: [],
};

/** Statuses with no way out. */
export const TERMINAL_STATUSES: readonly TReservationStatus[] = RESERVATION_STATUSES.filter(
  (s) => STATUS_TRANSITIONS[s].length === 0,
);

export function isTerminal(status: TReservationStatus): boolean {
  return STATUS_TRANSITIONS[status].length === 0;
}

export function canTransition(from: TReservationStatus, to: TReservationStatus): boolean {
  return STATUS_TRANSITIONS[from]?.includes(to) ?? false;
}

/** How a booking in a status is described: "A canceled booking …". */
const AS_ADJECTIVE: Record<TReservationStatus, string> = {
  created: 'new',
  confirmed: 'confirmed',
  seated: 'seated',
  completed: 'completed',
  canceled: 'canceled',
  no_show: 'no-show',
};

/** What moving into a status is called: "… cannot be seated." */
const AS_ACTION: Record<TReservationStatus, string> = {
  created: 'set back to new',
  confirmed: 'confirmed',
  seated: 'seated',
  completed: 'completed',
  canceled: 'canceled',
  no_show: 'marked as a no-show',
};

/** A clear message for a refused transition, or null when it is allowed. */
export function transitionError(from: TReservationStatus, to: TReservationStatus): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) {
    return from === 'no_show'
      ? 'This booking is already marked as a no-show.'
      : `This booking is already ${AS_ADJECTIVE[from]}.`;
  }
  if (to === 'completed' && (from === 'created' || from === 'confirmed')) {
    return 'A booking must be seated before it can be completed.';
  }
  if (from === 'seated' && (to === 'canceled' || to === 'no_show')) {
    return `A seated booking cannot be ${AS_ACTION[to]}; complete it instead.`;
  }
  return `A ${AS_ADJECTIVE[from]} booking cannot be ${AS_ACTION[to]}.`;
}

/** Whether a booking in this status occupies its table (counts against availability). */
export const HOLDS_TABLE: Record<TReservationStatus, boolean> = {
  created: true,
  confirmed: true,
  seated: true,
  completed: true,
  canceled: false,
  no_show: false,
};

/** The timestamp column stamped when a booking enters a status (created has createdAt already). */
export const STATUS_TIMESTAMP: Record<
  TReservationStatus,
  'confirmedAt' | 'seatedAt' | 'completedAt' | 'canceledAt' | 'noShowAt' | null
> = {
  created: null,
  confirmed: 'confirmedAt',
  seated: 'seatedAt',
  completed: 'completedAt',
  canceled: 'canceledAt',
  no_show: 'noShowAt',
};
