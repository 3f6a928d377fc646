import type { TEvent, TRole } from '@tobeout/shared';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, signedIn, TestApi } from '../../test/api';
import { fireEvent, newTestQueryClient, render, screen, waitFor, within } from '../../test/render';
import { serverError } from '../../test/server-error';
import { inputOf } from '../guests/test-fixtures';
import { ActivityPage } from './ActivityPage';

const ui = vi.hoisted(() => ({ openWizard: vi.fn(), openBooking: vi.fn() }));
vi.mock('../../features/booking-ui/BookingUiProvider', () => ({ useBookingUi: () => ui }));

const MARIA = { kind: 'user', id: 'u1', name: 'Maria' } as const;

function event(id: number, type: string, entity: string, entityId: string | null, payload = {}): TEvent {
  return {
    cursor: `1.${id}`,
    id,
    type,
    entity,
    entityId,
    actor: MARIA,
    payload,
    at: new Date(Date.UTC(2026, 0, 15, 19, 30 - id)),
  };
}

const page1 = [
  event(3, 'booking.created', 'booking', 'b1', {
    guestName: 'Anna',
    partySize: 4,
    time: '20:30',
    tables: ['Table 4'],
  }),
  event(2, 'guest.updated', 'guest', 'g1', { name: 'Anna', changes: { phone: { from: null, to: '+4917' } } }),
];
const page2 = [
  {
    ...event(1, 'table.updated', 'table', 't1', { name: 'T1' }),
    actor: { kind: 'system', id: null, name: 'System' },
  },
];

function Address() {
  const navigate = useNavigate();
  return (
    <>
      <p data-testid="address">{useLocation().search}</p>
      <button type="button" onClick={() => navigate(-1)}>
        Back
      </button>
    </>
  );
}

function setup(
  url = '/activity',
  role: TRole = 'manager',
  log?: (input: Record<string, unknown>) => unknown,
) {
  const api = fakeApi({
    'events.log':
      log ??
      ((input: { entity?: string; cursor?: string }) => {
        if (input.entity === 'token') return { items: [], nextCursor: null };
        return input.cursor ? { items: page2, nextCursor: null } : { items: page1, nextCursor: '1.2' };
      }),
    'restaurant.get': () => ({ timezone: 'Europe/Berlin' }),
    'restaurant.members.list': () => [
      { userId: 'u1', email: 'maria@test.local', name: 'Maria', role: 'manager', createdAt: new Date() },
      { userId: 'u2', email: 'ben@test.local', name: 'Ben', role: 'staff', createdAt: new Date() },
    ],
    'restaurant.tokens.list': () => [],
  });
  const queryClient = newTestQueryClient();
  render(
    <TestApi api={api} queryClient={queryClient} me={signedIn(role)}>
      <Routes>
        <Route path="/activity" element={<ActivityPage />} />
        <Route path="/guests/:guestId" element={<p>Guest profile</p>} />
      </Routes>
      <Address />
    </TestApi>,
    { queryClient, routerEntries: [url] },
  );
  /** The last events.log input, without what the infinite query adds. */
  const lastInput = () => {
    const { direction: _, cursor, ...input } = api.inputsOf('events.log').at(-1) as Record<string, unknown>;
    return cursor ? { ...input, cursor } : input;
  };
  return { api, lastInput };
}

const rows = () =>
  within(screen.getByRole('table', { name: 'Activity' }))
    .getAllByRole('row')
    .slice(1);

/** The log is shown (event labels are also in the filter's options: not a sign). */
const loaded = () => screen.findByRole('table', { name: 'Activity' });

async function choose(label: string, option: string) {
  fireEvent.click(inputOf(screen, label));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('ActivityPage', () => {
  it('shows who did what when (restaurant time), and pages on', async () => {
    const { lastInput } = setup();
    await loaded();
    expect(lastInput()).toEqual({ limit: 50 });
    const [booking, guest] = rows();
    // 19:27 UTC is 20:27 in the restaurant (Berlin).
    expect(within(booking!).getByText('20:27')).toBeTruthy();
    expect(within(booking!).getByText('Maria')).toBeTruthy();
    expect(within(booking!).getByText('Anna ×4 · 20:30 · Table 4')).toBeTruthy();
    expect(within(guest!).getByText('Anna · phone — → +4917')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('2+ entries');

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(lastInput()).toMatchObject({ cursor: '1.2' });
    expect(within(rows()[2]!).getByText('System')).toBeTruthy();
    expect(within(rows()[2]!).getByRole('link', { name: 'Table changed' }).getAttribute('href')).toBe(
      '/floor',
    );
    expect(screen.getByRole('status').textContent).toBe('3 entries');
  });

  it('links a booking to its drawer and a guest to the profile', async () => {
    setup();
    await loaded();
    fireEvent.click(screen.getByRole('button', { name: 'Booking created' }));
    expect(ui.openBooking).toHaveBeenCalledWith('b1');
    fireEvent.click(screen.getByRole('link', { name: 'Guest changed' }));
    await screen.findByText('Guest profile');
  });

  it('maps the filters to events.log and the address, and Back undoes one', async () => {
    const { lastInput } = setup();
    await loaded();

    await choose('Category', 'Bookings');
    await waitFor(() => expect(lastInput()).toEqual({ entity: 'booking', limit: 50 }));
    // Event types narrowed to bookings.
    fireEvent.click(inputOf(screen, 'Event'));
    expect(screen.queryByRole('option', { name: 'Guest added' })).toBeNull();
    fireEvent.click(await screen.findByRole('option', { name: 'Booking moved' }));
    await choose('By', 'Ben');
    await waitFor(() =>
      expect(lastInput()).toEqual({ entity: 'booking', type: 'booking.moved', actorId: 'u2', limit: 50 }),
    );
    expect(screen.getByTestId('address').textContent).toBe('?entity=booking&type=booking.moved&actor=u2');

    // Another category drops an event type that is not of it.
    await choose('Category', 'Guests');
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('?entity=guest&actor=u2'));

    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() =>
      expect(screen.getByTestId('address').textContent).toBe('?entity=booking&type=booking.moved&actor=u2'),
    );
    expect((inputOf(screen, 'Event') as HTMLInputElement).value).toBe('Booking moved');
    await waitFor(() => expect(lastInput()).toMatchObject({ type: 'booking.moved' }));
  }, 20_000);

  it('opens with the filters of the address', async () => {
    const { lastInput } = setup('/activity?entity=table&from=2026-01-01&to=2026-01-31&actor=u1');
    await loaded();
    expect(lastInput()).toEqual({
      entity: 'table',
      actorId: 'u1',
      from: '2026-01-01',
      to: '2026-01-31',
      limit: 50,
    });
    expect((inputOf(screen, 'Category') as HTMLInputElement).value).toBe('Tables');
    await waitFor(() => expect((inputOf(screen, 'By') as HTMLInputElement).value).toBe('Maria'));
  });

  it('says when nothing matches and clears the filters', async () => {
    const { lastInput } = setup('/activity?entity=token');
    expect(await screen.findByText('No activity matches these filters')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await loaded();
    expect(lastInput()).toEqual({ limit: 50 });
    expect(screen.getByTestId('address').textContent).toBe('');
  });

  it('shows a failed load with a retry', async () => {
    setup('/activity', 'manager', () => {
      throw serverError({ code: 'INTERNAL_SERVER_ERROR', message: 'The database is not answering.' });
    });
    expect(await screen.findByText('The database is not answering.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('tells staff it is for managers, without asking the server', async () => {
    const { api } = setup('/activity', 'staff');
    expect(await screen.findByText('Managers only')).toBeTruthy();
    expect(api.inputsOf('events.log')).toEqual([]);
    expect(api.inputsOf('restaurant.members.list')).toEqual([]);
  });
});
