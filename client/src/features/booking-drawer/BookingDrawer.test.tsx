import type { TBooking, TReservationStatus } from '@tobeout/shared';
import { describe, expect, it, vi } from 'vitest';
import { createLiveBus, LiveBusContext } from '../../live/bus';
import { OfflineContext, type OfflineReason } from '../../live/offline';
import { fakeApi, signedIn, TestApi } from '../../test/api';
import { deferred } from '../../test/deferred';
import { act, fireEvent, newTestQueryClient, render, screen, waitFor, within } from '../../test/render';
import { serverError } from '../../test/server-error';
import { BookingDrawer } from './BookingDrawer';
import { statusActionsFor } from './StatusActions';

const ID = '00000000-0000-4000-8000-000000000b01';
const T1 = { id: '00000000-0000-4000-8000-000000000001', name: 'T1' };
const T2 = { id: '00000000-0000-4000-8000-000000000002', name: 'T2' };

function booking(status: TReservationStatus, extra: Partial<TBooking> = {}): TBooking {
  return {
    id: ID,
    code: 'K7P2M9',
    status,
    source: 'phone',
    date: '2026-05-12',
    time: '19:00',
    startsAt: new Date('2026-05-12T17:00:00Z'),
    endsAt: new Date('2026-05-12T19:00:00Z'),
    durationMin: 120,
    partySize: 4,
    guest: {
      id: '00000000-0000-4000-8000-000000000011',
      name: 'Anna Schmidt',
      phone: '+491701234567',
      email: 'anna@example.com',
    },
    tables: [T1],
    specialRequests: 'Window seat, birthday',
    cancelReason: null,
    version: 3,
    createdAt: new Date('2026-05-01T10:00:00Z'),
    updatedAt: new Date('2026-05-01T10:00:00Z'),
    seatedAt: null,
    completedAt: null,
    canceledAt: null,
    ...extra,
  };
}

const restaurant = { timezone: 'Europe/Berlin' };
const tablesList = {
  floor: { width: 1000, height: 800 },
  sections: [],
  items: [T1, T2].map((t, i) => ({
    ...t,
    section: null,
    minGuests: 2,
    maxGuests: 4,
    shape: 'square',
    x: 100,
    y: 100,
    sortOrder: i,
    notes: null,
    bookableOnline: true,
    active: true,
  })),
};
const slots = ['18:30', '19:00', '19:30', '20:00'].map((time, i) => ({
  time,
  startsAt: new Date(Date.parse('2026-05-12T16:30:00Z') + i * 30 * 60_000),
  open: true,
}));

function setup(
  initial: TBooking,
  handlers: Record<string, (input: never) => unknown> = {},
  role = 'manager' as const,
  offline: OfflineReason | null = null,
) {
  let current = initial;
  const api = fakeApi({
    'bookings.get': () => current,
    'restaurant.get': () => restaurant,
    'tables.list': () => tablesList,
    'availability.grid': () => ({
      date: '2026-05-12',
      timeZone: 'Europe/Berlin',
      slotIntervalMin: 30,
      slots,
      tables: [],
      bookings: [],
      blocks: [],
    }),
    'bookings.history': () => [
      {
        cursor: '1.1',
        id: 1,
        type: 'booking.moved',
        entity: 'booking',
        entityId: ID,
        actor: { kind: 'user', id: 'u2', name: 'Maria' },
        payload: { changes: { time: { from: '18:00', to: '19:00' } } },
        at: new Date('2026-05-02T09:00:00Z'),
      },
    ],
    'bookings.setStatus': (input: { status: TReservationStatus }) => {
      current = { ...current, status: input.status, version: current.version + 1 };
      return current;
    },
    'bookings.cancel': (input: { reason: string }) => {
      current = { ...current, status: 'canceled', cancelReason: input.reason, version: current.version + 1 };
      return current;
    },
    ...handlers,
  });
  const queryClient = newTestQueryClient();
  const onClose = vi.fn();
  const bus = createLiveBus();
  render(
    <TestApi api={api} queryClient={queryClient} me={signedIn(role)}>
      <LiveBusContext.Provider value={bus}>
        <OfflineContext.Provider value={offline}>
          <BookingDrawer bookingId={ID} onClose={onClose} />
        </OfflineContext.Provider>
      </LiveBusContext.Provider>
    </TestApi>,
    { queryClient },
  );
  return { api, onClose, bus, queryClient, set: (b: TBooking) => (current = b) };
}

const statusButtons = () =>
  within(screen.getByRole('group', { name: 'Status' }))
    .getAllByRole('button')
    .map((b) => b.textContent);

describe('statusActionsFor', () => {
  it('follows the lifecycle', () => {
    expect(statusActionsFor('created')).toEqual(['confirmed', 'seated', 'no_show', 'canceled']);
    expect(statusActionsFor('confirmed')).toEqual(['seated', 'no_show', 'canceled']);
    expect(statusActionsFor('seated')).toEqual(['completed']);
    expect(statusActionsFor('completed')).toEqual([]);
    expect(statusActionsFor('canceled')).toEqual([]);
  });
});

describe('BookingDrawer', () => {
  it('shows the booking, the guest contacts and its history', async () => {
    setup(booking('confirmed'));
    expect(await screen.findByText('Booking K7P2M9')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Anna Schmidt' })).toBeTruthy();
    expect(screen.getByText('Window seat, birthday')).toBeTruthy();
    expect(screen.getByRole('link', { name: /\+491701234567/ }).getAttribute('href')).toBe(
      'tel:+491701234567',
    );
    expect(screen.getByRole('link', { name: /anna@example.com/ }).getAttribute('href')).toBe(
      'mailto:anna@example.com',
    );
    expect(await screen.findByText('Moved 18:00 → 19:00 by Maria')).toBeTruthy();
    expect(screen.queryByText(/12:00 → 13:00/)).toBeNull();
  });

  it('offers the status changes the lifecycle allows and seats the party', async () => {
    const { api } = setup(booking('confirmed'));
    await screen.findByText('Booking K7P2M9');
    expect(statusButtons()).toEqual(['Seat', 'No-show', 'Cancel booking']);
    fireEvent.click(screen.getByRole('button', { name: 'Seat' }));
    await waitFor(() => expect(statusButtons()).toEqual(['Complete']));
    expect(api.inputsOf('bookings.setStatus')).toEqual([{ id: ID, status: 'seated', version: 3 }]);
    expect(await screen.findByText('Anna Schmidt is seated.')).toBeTruthy();
  });

  it('asks for a reason before cancelling', async () => {
    const { api } = setup(booking('created'));
    await screen.findByText('Booking K7P2M9');
    expect(statusButtons()).toEqual(['Confirm', 'Seat', 'No-show', 'Cancel booking']);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel booking' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel this booking?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel booking' }));
    expect(await within(dialog).findByText('Say why the booking is cancelled.')).toBeTruthy();
    expect(api.inputsOf('bookings.cancel')).toEqual([]);

    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Guest is ill' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel booking' }));
    await screen.findByText(/This booking is cancelled; its status cannot change any more\./);
    expect(api.inputsOf('bookings.cancel')).toEqual([{ id: ID, reason: 'Guest is ill', version: 3 }]);
    expect(screen.getByText('Guest is ill')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Status' })).toBeNull();
    // A cancelled booking cannot be edited either.
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('has no status buttons once the visit is complete', async () => {
    setup(booking('completed'));
    expect(
      await screen.findByText(/This booking is completed; its status cannot change any more\./),
    ).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Status' })).toBeNull();
  });

  it('shows their version when someone else changed the booking first', async () => {
    const theirs = booking('seated', { version: 4 });
    const { set } = setup(booking('confirmed'), {
      'bookings.setStatus': () => {
        set(theirs);
        throw serverError({
          code: 'CONFLICT',
          reason: 'VERSION_CONFLICT',
          message: 'Someone else changed this booking (version 4, you had 3).',
          details: { current: theirs },
        });
      },
    });
    await screen.findByText('Booking K7P2M9');
    fireEvent.click(screen.getByRole('button', { name: 'Seat' }));
    expect(await screen.findByText('Changed by someone else')).toBeTruthy();
    await waitFor(() => expect(statusButtons()).toEqual(['Complete']));
  });

  it('on an edit conflict shows theirs and yours, and saves mine on top of theirs', async () => {
    const theirs = booking('confirmed', { version: 4, time: '20:00', tables: [T2] });
    const updates: unknown[] = [];
    const { set } = setup(booking('confirmed'), {
      'bookings.update': (input: { version: number }) => {
        updates.push(input);
        if (input.version === 3) {
          set(theirs);
          throw serverError({
            code: 'CONFLICT',
            reason: 'VERSION_CONFLICT',
            message: 'Someone else changed this booking.',
            details: { current: theirs },
          });
        }
        const saved = { ...theirs, partySize: 2, version: 5 };
        set(saved);
        return saved;
      },
    });
    await screen.findByText('Booking K7P2M9');
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const form = await screen.findByRole('form', { name: 'Edit booking' });
    fireEvent.change(within(form).getByLabelText('Guests'), { target: { value: '2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    const panel = await screen.findByRole('alert', { name: 'Someone else changed this booking' });
    const rows = within(panel)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual(['Theirs (saved)Yours', 'Time20:0019:00', 'Guests42', 'TablesT2T1']);
    fireEvent.click(within(panel).getByRole('button', { name: 'Save mine on top of theirs' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit booking' })).toBeNull());
    expect(updates).toEqual([
      { id: ID, version: 3, partySize: 2 },
      { id: ID, version: 4, partySize: 2 },
    ]);
  });

  it('shows the history to staff too, read for this booking only', async () => {
    const { api } = setup(booking('confirmed'), {}, 'staff' as 'manager');
    expect(await screen.findByText(/by Maria/)).toBeTruthy();
    expect(api.inputsOf('bookings.history')).toEqual([{ id: ID }]);
  });
  it('tells the person editing at once when someone else moves the booking, keeping their edit', async () => {
    const { bus, queryClient, set } = setup(booking('confirmed'));
    await screen.findByText('Booking K7P2M9');
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const form = await screen.findByRole('form', { name: 'Edit booking' });
    fireEvent.change(within(form).getByLabelText('Guests'), { target: { value: '2' } });

    // Maria moves it to 20:00 in her tab: the stream brings the event, bookings.get fetches again.
    set(booking('confirmed', { version: 4, time: '20:00' }));
    act(() =>
      bus.publish({
        cursor: '1.9',
        id: 9,
        type: 'booking.moved',
        entity: 'booking',
        entityId: ID,
        actor: { kind: 'user', id: 'u2', name: 'Maria' },
        payload: {
          code: 'K7P2M9',
          guestName: 'Anna Schmidt',
          changes: { time: { from: '19:00', to: '20:00' } },
        },
        at: new Date(),
      }),
    );
    void queryClient.invalidateQueries();

    const panel = await screen.findByRole('alert', { name: 'Someone else changed this booking' });
    expect(
      within(panel).getByText(/Maria moved this booking to 20:00 while you were editing\./),
    ).toBeTruthy();
    // The edit is still there, and it cannot be saved over theirs unseen.
    expect((within(form).getByLabelText('Guests') as HTMLInputElement).value).toBe('2');
    expect(within(form).getByRole('button', { name: 'Save changes' }).hasAttribute('disabled')).toBe(true);
    expect(
      within(panel)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['Theirs (saved)Yours', 'Time20:0019:00', 'Guests42']);

    fireEvent.click(within(panel).getByRole('button', { name: 'Use theirs' }));
    await waitFor(() =>
      expect(screen.queryByRole('alert', { name: 'Someone else changed this booking' })).toBeNull(),
    );
    expect((within(form).getByLabelText('Guests') as HTMLInputElement).value).toBe('4');
  });

  it('shows a status change at once and puts it back, with the reason, when the server refuses', async () => {
    const answer = deferred();
    setup(booking('confirmed'), {
      'bookings.setStatus': () => answer.promise,
    });
    await screen.findByText('Booking K7P2M9');
    fireEvent.click(screen.getByRole('button', { name: 'Seat' }));
    // Seated before the server answered.
    await waitFor(() => expect(statusButtons()).toEqual(['Complete']));
    expect(document.querySelector('.mantine-Badge-root[data-status="seated"]')).toBeTruthy();

    act(() =>
      answer.reject(
        serverError({
          code: 'CONFLICT',
          reason: 'INVALID_TRANSITION',
          message: 'The party cannot be seated before 18:30.',
        }),
      ),
    );
    await waitFor(() => expect(statusButtons()).toEqual(['Seat', 'No-show', 'Cancel booking']));
    expect(await screen.findByText('The party cannot be seated before 18:30.')).toBeTruthy();
    expect(screen.getByText('Not possible now')).toBeTruthy();
  });

  it('pauses status changes and saving while offline, and says why', async () => {
    const { api } = setup(booking('confirmed'), {}, 'manager', 'network');
    await screen.findByText('Booking K7P2M9');
    const buttons = within(screen.getByRole('group', { name: 'Status' })).getAllByRole('button');
    expect(buttons.every((b) => b.hasAttribute('disabled'))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const form = await screen.findByRole('form', { name: 'Edit booking' });
    const save = within(form).getByRole('button', { name: 'Save changes' });
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.mouseEnter(save.parentElement!);
    expect(await screen.findByText(/Paused while offline/)).toBeTruthy();
    expect(api.inputsOf('bookings.setStatus')).toEqual([]);
  });
});
