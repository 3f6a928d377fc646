import { Badge, type BadgeProps, type MantineColor } from '@mantine/core';
import type { TAvailableSlot, TReservationStatus } from '@tobeout/shared';
import { serverErrorData } from './errors';

/** What each booking status is called and its colour, everywhere bookings are shown. */
export const BOOKING_STATUS: Record<TReservationStatus, { label: string; color: MantineColor }> = {
  created: { label: 'Requested', color: 'blue' },
  confirmed: { label: 'Confirmed', color: 'indigo' },
  seated: { label: 'Seated', color: 'orange' },
  completed: { label: 'Completed', color: 'teal' },
  canceled: { label: 'Cancelled', color: 'gray' },
  no_show: { label: 'No-show', color: 'red' },
};

export function BookingStatusBadge({
  status,
  ...props
}: { status: TReservationStatus } & Omit<BadgeProps, 'color' | 'children'>) {
  const s = BOOKING_STATUS[status];
  return (
    <Badge variant="light" color={s.color} data-status={status} {...props}>
      {s.label}
    </Badge>
  );
}

/** "1 guest", "4 guests". */
export function guestsLabel(n: number): string {
  return `${n} ${n === 1 ? 'guest' : 'guests'}`;
}

/** The free slots the server suggested with SLOT_TAKEN or NO_AVAILABILITY (none for other errors). */
export function alternativesOf(error: unknown): TAvailableSlot[] {
  const alternatives = serverErrorData(error)?.details?.alternatives;
  return Array.isArray(alternatives) ? (alternatives as TAvailableSlot[]) : [];
}

/** "19:30 on T3" for a suggested slot (its best table option). */
export function describeAlternative(slot: Pick<TAvailableSlot, 'time' | 'options'>): string {
  const option = slot.options[0];
  return option ? `${slot.time} on ${option.label}` : slot.time;
}

/**
 * Why a booking could not go where it was asked to: the server's sentence (without its own list
 * of free slots) and, when it suggested some, the nearest `max` of them.
 */
export function refusal(error: unknown, max = 3): { message: string; alternatives: TAvailableSlot[] } {
  const raw = error instanceof Error ? error.message : String(error);
  const alternatives = alternativesOf(error).slice(0, max);
  const message = alternatives.length > 0 ? raw.replace(/\s*Nearest free:.*$/s, '') : raw;
  return { message, alternatives };
}

/** "2–4" seats of a table ("4" when both are the same). */
export function seatsRange(t: { minGuests: number; maxGuests: number }): string {
  return t.minGuests === t.maxGuests ? String(t.maxGuests) : `${t.minGuests}–${t.maxGuests}`;
}
