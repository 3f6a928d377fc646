import { useForm } from '@mantine/form';
import {
  type TAvailabilityCheck,
  type TAvailabilityGrid,
  type TBooking,
  type TCellStatus,
  type TFitOption,
  type THold,
  type TRestaurant,
  zonedToInstant,
} from '@tobeout/shared';
import type { ReactNode } from 'react';
import { type FakeHandlers, fakeApi, TestApi } from '../../test/api';
import { newTestQueryClient, render } from '../../test/render';
import { BookingUiProvider } from '../booking-ui/BookingUiProvider';
import { initialValues, type WizardValues } from './model';

/** Test data for the booking wizard: a restaurant in Berlin, a date far ahead, three tables. */
export const TZ = 'Europe/Berlin';
export const DATE = '2030-06-14';
export const TODAY = '2030-06-13';
export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const TABLES = [
  { id: id(1), name: 'T1', section: 'Window', minGuests: 1, maxGuests: 2 },
  { id: id(2), name: 'T2', section: 'Window', minGuests: 2, maxGuests: 4 },
  { id: id(3), name: 'T3', section: 'Main', minGuests: 4, maxGuests: 6 },
];

export const restaurant: TRestaurant = {
  id: id(100),
  name: 'Test Bistro',
  address: null,
  phone: null,
  email: null,
  website: null,
  cuisine: null,
  priceRange: null,
  country: 'DE',
  timezone: TZ,
  slotIntervalMin: 30,
  defaultDurationMin: 120,
  turnTimes: [],
  bookingHorizonDays: 90,
  minLeadTimeMin: 0,
  noShowGraceMin: 15,
  pacingMaxCovers: null,
  updatedAt: new Date('2030-01-01T00:00:00Z'),
};

export const TIMES = ['18:00', '18:30', '19:00', '19:30', '20:00', '20:30', '21:00', '21:30'];

/** The day's grid; `statuses` per table name (default: all free). */
export function grid(statuses: Record<string, TCellStatus[]> = {}, date = DATE): TAvailabilityGrid {
  return {
    date,
    timeZone: TZ,
    slotIntervalMin: 30,
    slots: TIMES.map((time) => ({ time, startsAt: zonedToInstant(date, time, TZ), open: true })),
    tables: TABLES.map((t) => ({ ...t, statuses: statuses[t.name] ?? TIMES.map(() => 'free' as const) })),
    bookings: [],
    blocks: [],
  };
}

export function option(name: string, party: number, reason?: string): TFitOption {
  const t = TABLES.find((x) => x.name === name)!;
  return {
    kind: 'table',
    tableIds: [t.id],
    combinationId: null,
    label: name,
    seats: t.maxGuests,
    emptySeats: t.maxGuests - party,
    reason: reason ?? `${t.maxGuests} seats for ${party} guests`,
  };
}

export function slot(time: string, options: TFitOption[], date = DATE) {
  return { time, startsAt: zonedToInstant(date, time, TZ), options };
}

export function check(
  over: Partial<TAvailabilityCheck> & Pick<TAvailabilityCheck, 'slots'>,
): TAvailabilityCheck {
  return {
    date: DATE,
    partySize: 2,
    durationMin: 120,
    time: null,
    available: true,
    reason: null,
    message: null,
    ...over,
  };
}

export function hold(tableIds: string[], time = '19:30', minutes = 5): THold {
  return {
    holdId: id(500 + tableIds.length + Number(time.replace(':', ''))),
    expiresAt: new Date(Date.now() + minutes * 60_000),
    tableIds,
    date: DATE,
    time,
    partySize: 2,
  };
}

export function booking(over: Partial<TBooking> = {}): TBooking {
  const startsAt = zonedToInstant(DATE, '19:30', TZ);
  return {
    id: id(900),
    code: 'K7P2M9',
    status: 'confirmed',
    source: 'staff',
    date: DATE,
    time: '19:30',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 120 * 60_000),
    durationMin: 120,
    partySize: 2,
    guest: { id: id(700), name: 'Anna Schmidt', phone: '+491701112233', email: null },
    tables: [{ id: id(2), name: 'T2' }],
    specialRequests: null,
    cancelReason: null,
    version: 1,
    createdAt: startsAt,
    updatedAt: startsAt,
    seatedAt: null,
    completedAt: null,
    canceledAt: null,
    ...over,
  };
}

/** A wizard form (as the wizard makes it) handed to one step. */
export function FormHost({
  initial,
  children,
}: {
  initial?: Partial<WizardValues>;
  children: (form: ReturnType<typeof useForm<WizardValues>>) => ReactNode;
}) {
  const form = useForm<WizardValues>({
    initialValues: { ...initialValues({ date: DATE }, TODAY), ...initial },
  });
  return <>{children(form)}</>;
}

/** Renders `ui` over a faked API (and the booking UI context the wizard needs). */
export function renderWithApi(ui: ReactNode, handlers: FakeHandlers) {
  const api = fakeApi({ 'restaurant.get': () => restaurant, ...handlers });
  const queryClient = newTestQueryClient();
  const result = render(
    <TestApi api={api} queryClient={queryClient}>
      <BookingUiProvider>{ui}</BookingUiProvider>
    </TestApi>,
    { queryClient },
  );
  return { ...result, api };
}
