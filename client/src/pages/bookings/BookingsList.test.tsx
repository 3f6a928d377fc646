import type { TBooking } from '@tobeout/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, TestApi } from '../../test/api';
import { fireEvent, newTestQueryClient, render, screen, waitFor, within } from '../../test/render';
import { BookingsList } from './BookingsList';

const ui = vi.hoisted(() => ({ openWizard: vi.fn(), openBooking: vi.fn() }));
vi.mock('../../features/booking-ui/BookingUiProvider', () => ({ useBookingUi: () => ui }));

const DAY = '2026-05-12';

function booking(n: number, name: string, extra: Partial<TBooking> = {}): TBooking {
  const startsAt = new Date(Date.parse('2026-05-12T16:00:00Z') + n * 30 * 60_000);
  return {
    id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
    code: `CODE${n}`,
    status: 'confirmed',
    source: 'phone',
    date: DAY,
    time: `${18 + Math.floor(n / 2)}:${n % 2 ? '30' : '00'}`,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    durationMin: 90,
    partySize: 2,
    guest: { id: '00000000-0000-4000-8000-000000000099', name, phone: null, email: null },
    tables: [{ id: '00000000-0000-4000-8000-000000000001', name: 'T1' }],
    specialRequests: null,
    cancelReason: null,
    version: 1,
    createdAt: startsAt,
    updatedAt: startsAt,
    seatedAt: null,
    completedAt: null,
    canceledAt: null,
    ...extra,
  };
}

const page1 = [booking(0, 'Anna Schmidt'), booking(1, 'Ben Ortiz', { status: 'canceled', partySize: 4 })];
const page2 = [booking(2, 'Chloé Martin', { partySize: 3 })];

function setup() {
  const api = fakeApi({
    'tables.list': () => ({ floor: { width: 1000, height: 800 }, sections: [], items: [] }),
    'bookings.list': (input: { cursor?: string; q?: string }) => {
      if (input.q)
        return {
          items: page1.filter((b) => b.guest.name.toLowerCase().includes(input.q!)),
          nextCursor: null,
        };
      return input.cursor ? { items: page2, nextCursor: null } : { items: page1, nextCursor: 'next' };
    },
  });
  const queryClient = newTestQueryClient();
  render(
    <TestApi api={api} queryClient={queryClient}>
      <BookingsList date={DAY} onDate={vi.fn()} />
    </TestApi>,
    { queryClient },
  );
  return api;
}

const rows = () =>
  within(screen.getByRole('table', { name: 'Bookings' }))
    .getAllByRole('row')
    .slice(1);

afterEach(() => {
  ui.openBooking.mockReset();
});

describe('BookingsList', () => {
  it('lists the day, pages on with "Load more" and opens a booking from its row', async () => {
    const api = setup();
    await screen.findByText('Anna Schmidt');
    expect(api.inputsOf('bookings.list')[0]).toMatchObject({ from: DAY, to: DAY, limit: 50 });
    expect(rows().map((r) => r.getAttribute('data-booking-id'))).toEqual(page1.map((b) => b.id));
    // Cancelled bookings are listed but not counted as guests.
    expect(screen.getByRole('status').textContent).toBe('2+ bookings · 2 guests');

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('Chloé Martin');
    expect(api.inputsOf('bookings.list').at(-1)).toMatchObject({ cursor: 'next' });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('3 bookings · 5 guests');

    fireEvent.click(rows()[2]!);
    expect(ui.openBooking).toHaveBeenCalledWith(page2[0]!.id);
  });

  it('searches by guest, and says when nothing matches', async () => {
    const api = setup();
    await screen.findByText('Anna Schmidt');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'ben' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(api.inputsOf('bookings.list').at(-1)).toMatchObject({ q: 'ben' });
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'zoe' } });
    expect(await screen.findByText('No bookings match')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByText('Anna Schmidt');
  });
});
