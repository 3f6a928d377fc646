import type { TAvailabilityGrid } from '@tobeout/shared';
import { getQueryKey } from '@trpc/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { trpc } from '../../../app/trpc';
import { OfflineContext, type OfflineReason } from '../../../live/offline';
import { fakeApi, TestApi } from '../../../test/api';
import { deferred } from '../../../test/deferred';
import { act, fireEvent, newTestQueryClient, render, screen, waitFor } from '../../../test/render';
import { serverError } from '../../../test/server-error';
import { TimelineBody } from './Timeline';

const ui = vi.hoisted(() => ({ openWizard: vi.fn(), openBooking: vi.fn() }));
vi.mock('../../../features/booking-ui/BookingUiProvider', () => ({ useBookingUi: () => ui }));

const T1 = '00000000-0000-4000-8000-000000000001';
const T2 = '00000000-0000-4000-8000-000000000002';
const ANNA = '00000000-0000-4000-8000-0000000000b1';
const M = 60_000;

/** Tuesday 12 May 2026 (Berlin, UTC+2): 30-minute slots 12:00–15:00 and 18:00–23:00. */
function grid(): TAvailabilityGrid {
  const first = Date.parse('2026-05-12T10:00:00Z');
  const slots = Array.from({ length: 22 }, (_, i) => {
    const at = new Date(first + i * 30 * M);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      minute: '2-digit',
    }).format(at);
    return { time: local, startsAt: at, open: i < 6 || i >= 12 };
  });
  const statuses = slots.map((s) => (s.open ? 'free' : 'closed') as 'free' | 'closed');
  return {
    date: '2026-05-12',
    timeZone: 'Europe/Berlin',
    slotIntervalMin: 30,
    slots,
    tables: [
      { id: T1, name: 'T1', section: 'Window', minGuests: 1, maxGuests: 2, statuses },
      { id: T2, name: 'T2', section: 'Window', minGuests: 2, maxGuests: 4, statuses },
    ],
    bookings: [
      {
        id: ANNA,
        code: 'K7P2M9',
        tableIds: [T1],
        guestId: '00000000-0000-4000-8000-0000000000c1',
        guestName: 'Anna Schmidt',
        partySize: 2,
        time: '19:00',
        startsAt: new Date('2026-05-12T17:00:00Z'),
        endsAt: new Date('2026-05-12T18:30:00Z'),
        status: 'confirmed',
        specialRequests: 'Birthday',
        version: 2,
      },
    ],
    blocks: [
      {
        id: '00000000-0000-4000-8000-0000000000d1',
        tableIds: [T2],
        startsAt: new Date('2026-05-12T10:00:00Z'),
        endsAt: new Date('2026-05-12T11:00:00Z'),
        reason: 'Wobbly leg',
      },
    ],
  };
}

/** The timeline as the page shows it: from the availability.grid query (which moves update at once). */
function Day({ isToday }: { isToday: boolean }) {
  const day = trpc.availability.grid.useQuery({ date: '2026-05-12' });
  return day.data ? <TimelineBody grid={day.data} isToday={isToday} nameWidth={132} fitWidth={5000} /> : null;
}

function setup(
  opts: { isToday?: boolean; move?: (input: { id: string }) => unknown; offline?: OfflineReason } = {},
) {
  const api = fakeApi({
    'bookings.move': opts.move ?? ((input: { id: string }) => ({ id: input.id })),
    'availability.grid': () => grid(),
    'bookings.list': () => ({ items: [], nextCursor: null }),
  });
  const queryClient = newTestQueryClient();
  queryClient.setQueryData(getQueryKey(trpc.availability.grid, { date: '2026-05-12' }, 'query'), grid());
  render(
    <TestApi api={api} queryClient={queryClient}>
      <OfflineContext.Provider value={opts.offline ?? null}>
        <Day isToday={opts.isToday ?? false} />
      </OfflineContext.Provider>
    </TestApi>,
    { queryClient },
  );
  return api;
}

/** Picks Anna's bar up with the keyboard and drops it one table down. */
async function moveDown() {
  const bar = barOf();
  act(() => bar.focus());
  fireEvent.keyDown(bar, { key: ' ', code: 'Space' });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  fireEvent.keyDown(document.activeElement ?? bar, { key: 'ArrowDown', code: 'ArrowDown' });
  fireEvent.keyDown(document.activeElement ?? bar, { key: ' ', code: 'Space' });
}

const barOf = () => screen.getByRole('button', { name: /^Anna Schmidt/ });

afterEach(() => {
  vi.useRealTimers();
  ui.openWizard.mockReset();
  ui.openBooking.mockReset();
});

describe('Timeline', () => {
  it('draws each booking as a bar at its real time, in its table row', () => {
    setup();
    const bar = barOf();
    expect(bar.getAttribute('aria-label')).toBe(
      'Anna Schmidt, 2 guests, 19:00–20:30, Confirmed, has special requests',
    );
    expect(bar.getAttribute('data-table-id')).toBe(T1);
    // 19:00 is 14 slots of 60 px after 12:00; 90 minutes are 3 slots.
    expect(bar.style.left).toBe('840px');
    expect(bar.style.width).toBe('180px');
    expect(bar.textContent).toContain('×2');
    const block = screen.getByRole('note', { name: 'Blocked 12:00–13:00: Wobbly leg' });
    expect(block.style.width).toBe('120px');
  });

  it('books a free slot with the table and time prefilled; closed slots are not buttons', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'New booking at T2, 19:00' }));
    expect(ui.openWizard).toHaveBeenCalledWith({
      date: '2026-05-12',
      time: '19:00',
      tableIds: [T2],
      partySize: 2,
    });
    expect(screen.queryByRole('button', { name: 'New booking at T2, 16:00' })).toBeNull();
  });

  it('opens the booking on click and with Enter', () => {
    setup();
    fireEvent.click(barOf());
    fireEvent.keyDown(barOf(), { key: 'Enter', code: 'Enter' });
    expect(ui.openBooking).toHaveBeenCalledTimes(2);
    expect(ui.openBooking).toHaveBeenCalledWith(ANNA);
  });

  it('draws a line at the current time on today', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-12T17:45:00Z'));
    setup({ isToday: true });
    expect(screen.getByText('19:45')).toBeTruthy();
  });

  it('moves a booking to the next table with the keyboard (Space, arrow, Space)', async () => {
    const api = setup();
    await moveDown();
    await waitFor(() =>
      expect(api.inputsOf('bookings.move')).toEqual([{ id: ANNA, version: 2, tableIds: [T2] }]),
    );
  });

  it('shows a move at once and snaps back with the reason when the server refuses', async () => {
    const answer = deferred();
    setup({
      move: () => answer.promise,
    });
    await moveDown();
    // On T2 before the server answered, and not draggable again meanwhile.
    await waitFor(() => expect(barOf().getAttribute('data-table-id')).toBe(T2));
    expect(barOf().getAttribute('data-pending')).toBe('true');
    act(() =>
      answer.reject(
        serverError({
          code: 'CONFLICT',
          reason: 'SLOT_TAKEN',
          message: 'T2 is already taken at 19:00.',
          details: { alternatives: [{ time: '20:30', options: [{ tableIds: [T2], label: 'T2' }] }] },
        }),
      ),
    );
    await waitFor(() => expect(barOf().getAttribute('data-table-id')).toBe(T1));
    expect(await screen.findByText('T2 is already taken at 19:00.')).toBeTruthy();
    expect(screen.getByText('20:30 on T2')).toBeTruthy();
    expect(barOf().getAttribute('data-pending')).toBeNull();
  });

  it('does not let bookings be dragged while offline, and says why', () => {
    setup({ offline: 'stream' });
    const bar = barOf();
    expect(bar.getAttribute('data-draggable')).toBeNull();
    expect(bar.getAttribute('data-paused')).toBe('true');
    expect(bar.getAttribute('title')).toMatch(/Paused while offline/);
  });
});
