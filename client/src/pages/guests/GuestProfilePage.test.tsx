import type { TGuest, TRole } from '@tobeout/shared';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, signedIn, TestApi } from '../../test/api';
import { deferred } from '../../test/deferred';
import { act, fireEvent, newTestQueryClient, render, screen, waitFor, within } from '../../test/render';
import { serverError } from '../../test/server-error';
import { GuestProfilePage } from './GuestProfilePage';
import { booking, details, guest, guestId, inputOf } from './test-fixtures';

const ui = vi.hoisted(() => ({ openWizard: vi.fn(), openBooking: vi.fn() }));
vi.mock('../../features/booking-ui/BookingUiProvider', () => ({ useBookingUi: () => ui }));

const anna = guest(5, 'Anna Schmidt', {
  email: 'anna@example.com',
  language: 'de',
  tags: ['VIP', 'window'],
  notes: 'Nut allergy',
  segments: ['vip', 'frequent'],
});
const duplicate = guest(9, 'Anna Schmitt', { phone: null, email: 'anna.s@example.com', visitCount: 1 });
const bookings = [
  booking(20, anna, { status: 'confirmed', specialRequests: 'Birthday cake' }),
  booking(3, anna, { status: 'canceled', cancelReason: 'Ill' }),
];

function setup({
  role = 'manager' as TRole,
  id = anna.id,
  update,
}: {
  role?: TRole;
  id?: string;
  update?: (input: { id: string }) => unknown;
} = {}) {
  let current: TGuest = anna;
  const api = fakeApi({
    'guests.get': (input: { id: string }) => {
      if (input.id !== current.id) throw serverError({ code: 'NOT_FOUND', message: 'Not found.' });
      return details(current, {
        upcomingBookings: 1,
        cancellationRate: 0.25,
        noShowCount: 1,
        averagePartySize: 3.5,
      });
    },
    'guests.bookings': () => ({ items: bookings, nextCursor: null }),
    'guests.update':
      update ??
      ((input: Partial<TGuest> & { id: string }) => {
        current = { ...current, ...input };
        return current;
      }),
    'guests.list': () => ({ items: [anna, duplicate], nextCursor: null }),
    'guests.merge': () => ({ ...duplicate, visitCount: 6 }),
  });
  const queryClient = newTestQueryClient();
  render(
    <TestApi api={api} queryClient={queryClient} me={signedIn(role)}>
      <Routes>
        <Route path="/guests/:guestId" element={<GuestProfilePage />} />
      </Routes>
    </TestApi>,
    { queryClient, routerEntries: [`/guests/${id}`] },
  );
  return api;
}

afterEach(() => {
  ui.openWizard.mockReset();
  ui.openBooking.mockReset();
});

describe('GuestProfilePage', () => {
  it('shows who the guest is, their stats and bookings; books again and opens a booking', async () => {
    setup();
    expect(await screen.findByRole('heading', { name: 'Anna Schmidt' })).toBeTruthy();
    expect(
      [...document.querySelectorAll('[data-segment]')].map((b) => b.getAttribute('data-segment')),
    ).toEqual(['vip', 'frequent']);
    const contact = within(screen.getByRole('list', { name: 'Contact' }));
    expect(contact.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '+491700000005',
      'anna@example.com',
      'German',
      expect.stringMatching(/^Guest since /),
    ]);
    expect(screen.getByRole('link', { name: 'Call +491700000005' }).getAttribute('href')).toBe(
      'tel:+491700000005',
    );
    expect(screen.getByRole('link', { name: 'Email anna@example.com' }).getAttribute('href')).toBe(
      'mailto:anna@example.com',
    );

    const stats = within(screen.getByLabelText('Statistics'));
    const stat = (label: string) => stats.getByText(label).parentElement?.querySelector('dd')?.textContent;
    expect(stat('Visits')).toBe('5');
    expect(stat('Upcoming')).toBe('1');
    expect(stat('Cancellations')).toBe('25%');
    expect(stat('No-shows')).toBe('1');
    expect(stat('Average party')).toBe('3.5');

    const entry = await screen.findByRole('button', { name: /^Booking CODE20:/ });
    expect(entry.textContent).toContain('Birthday cake');
    expect(screen.getByRole('button', { name: /^Booking CODE3:/ }).textContent).toContain('Cancelled: Ill');
    fireEvent.click(entry);
    expect(ui.openBooking).toHaveBeenCalledWith(bookings[0]!.id);

    fireEvent.click(screen.getByRole('button', { name: 'Book again' }));
    expect(ui.openWizard).toHaveBeenCalledWith({ guestId: anna.id });
  });

  it('saves tags at once and notes with a button, always sending the tags', async () => {
    const api = setup();
    await screen.findByRole('heading', { name: 'Anna Schmidt' });
    const tags = inputOf(screen, 'Tags');
    tags.focus();
    fireEvent.change(tags, { target: { value: 'vegan' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    await waitFor(() =>
      expect(api.inputsOf('guests.update')).toEqual([{ id: anna.id, tags: ['VIP', 'window', 'vegan'] }]),
    );

    expect(screen.queryByRole('button', { name: 'Save notes' })).toBeNull();
    fireEvent.change(inputOf(screen, 'Notes'), { target: { value: 'Nut allergy. Likes the terrace.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save notes' }));
    await waitFor(() =>
      expect(api.inputsOf('guests.update').at(-1)).toEqual({
        id: anna.id,
        notes: 'Nut allergy. Likes the terrace.',
        tags: ['VIP', 'window', 'vegan'],
      }),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save notes' })).toBeNull());
  });

  it('shows a new tag at once and takes it back, with the reason, when the server refuses', async () => {
    const answer = deferred();
    setup({
      update: () => answer.promise,
    });
    await screen.findByRole('heading', { name: 'Anna Schmidt' });
    const tags = inputOf(screen, 'Tags');
    tags.focus();
    fireEvent.change(tags, { target: { value: 'vegan' } });
    fireEvent.keyDown(tags, { key: 'Enter' });
    const pill = () => screen.queryByText('vegan', { selector: '.mantine-Pill-label' });
    await waitFor(() => expect(pill()).toBeTruthy());
    act(() =>
      answer.reject(
        serverError({
          code: 'BAD_REQUEST',
          message: 'A guest has at most 20 tags.',
        }),
      ),
    );
    await waitFor(() => expect(pill()).toBeNull());
    expect(await screen.findByText('A guest has at most 20 tags.')).toBeTruthy();
  });

  it('merges a duplicate after saying what happens, then shows the kept guest', async () => {
    const api = setup();
    await screen.findByRole('heading', { name: 'Anna Schmidt' });
    fireEvent.click(screen.getByRole('button', { name: 'Merge' }));
    const modal = within(await screen.findByRole('dialog', { name: 'Merge a duplicate' }));
    const picker = inputOf(modal, 'The duplicate');
    picker.focus();
    fireEvent.change(picker, { target: { value: 'Anna Schmit' } });
    // The server's matches, without the guest herself.
    // (The search is sent after a pause.)
    fireEvent.click(await screen.findByRole('option', { name: /Anna Schmitt/ }, { timeout: 4000 }));
    expect(screen.queryByRole('option', { name: /Anna Schmidt/ })).toBeNull();
    fireEvent.click(modal.getByRole('radio', { name: /Keep Anna Schmitt/ }));
    fireEvent.click(modal.getByRole('button', { name: 'Continue' }));

    const confirm = within(await screen.findByRole('dialog', { name: 'Merge these guests?' }));
    expect(confirm.getByText(/All bookings of Anna Schmidt move to Anna Schmitt/)).toBeTruthy();
    expect(confirm.getByText(/cannot be undone/)).toBeTruthy();
    fireEvent.click(confirm.getByRole('button', { name: 'Merge guests' }));
    await waitFor(() =>
      expect(api.inputsOf('guests.merge')).toEqual([{ keepId: duplicate.id, mergeId: anna.id }]),
    );
    // Anna's record is gone; the page moves to the kept one.
    await waitFor(() => expect(api.inputsOf('guests.get').at(-1)).toEqual({ id: guestId(9) }));
  });

  it('offers no merge to staff', async () => {
    setup({ role: 'staff' });
    await screen.findByRole('heading', { name: 'Anna Schmidt' });
    expect(screen.queryByRole('button', { name: 'Merge' })).toBeNull();
  });

  it('says when the guest does not exist (e.g. merged away)', async () => {
    setup({ id: guestId(42) });
    expect(await screen.findByText('Guest not found')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'All guests' }).getAttribute('href')).toBe('/guests');
  });
});
