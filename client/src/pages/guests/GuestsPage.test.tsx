import type { TRole } from '@tobeout/shared';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fakeApi, signedIn, TestApi } from '../../test/api';
import { fireEvent, newTestQueryClient, render, screen, waitFor, within } from '../../test/render';
import { GuestsPage } from './GuestsPage';
import { guest, inputOf } from './test-fixtures';

const page1 = [
  guest(7, 'Anna Schmidt', { segments: ['vip', 'frequent'], tags: ['VIP', 'window'] }),
  guest(1, 'Ben Ortiz', { email: 'ben@example.com' }),
];
const page2 = [guest(0, 'Chloé Martin', { phone: null, segments: ['new'] })];

function Address() {
  return <p data-testid="address">{useLocation().search}</p>;
}

function setup(url = '/guests', role: TRole = 'manager') {
  const api = fakeApi({
    'guests.list': (input: { q?: string; cursor?: string }) => {
      if (input.q === 'nobody') return { items: [], nextCursor: null };
      return input.cursor ? { items: page2, nextCursor: null } : { items: page1, nextCursor: 'next' };
    },
  });
  const queryClient = newTestQueryClient();
  render(
    <TestApi api={api} queryClient={queryClient} me={signedIn(role)}>
      <Routes>
        <Route path="/guests" element={<GuestsPage />} />
        <Route path="/guests/:guestId" element={<p>Profile page</p>} />
      </Routes>
      <Address />
    </TestApi>,
    { queryClient, routerEntries: [url] },
  );
  /** The last guests.list input, without what the infinite query adds (direction, first cursor). */
  const lastInput = () => {
    const { direction: _, cursor, ...input } = api.inputsOf('guests.list').at(-1) as Record<string, unknown>;
    return cursor ? { ...input, cursor } : input;
  };
  return { api, lastInput };
}

/** Typed filters are sent after a pause: allow for it on a busy machine. */
const eventually = (check: () => void) => waitFor(check, { timeout: 4000 });

const rows = () =>
  within(screen.getByRole('table', { name: 'Guests' }))
    .getAllByRole('row')
    .slice(1);

describe('GuestsPage', () => {
  it('maps search, filters and sort to guests.list, the address and the CSV export', async () => {
    const { lastInput } = setup();
    await screen.findByText('Anna Schmidt');
    expect(lastInput()).toEqual({ limit: 50 });
    // By name until a column is chosen.
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('ascending');

    // Typing is sent after a pause; the best match comes first (no column sorted).
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'anna ' } });
    await eventually(() => expect(lastInput()).toEqual({ q: 'anna', limit: 50 }));
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBeNull();
    await eventually(() =>
      expect(screen.getByRole('status').textContent).toBe('2+ guests · best match first'),
    );

    fireEvent.click(inputOf(screen, 'Segment'));
    fireEvent.click(await screen.findByRole('option', { name: 'VIP' }));
    await eventually(() => expect(lastInput()).toMatchObject({ segment: 'vip' }));

    fireEvent.change(inputOf(screen, 'Min. visits'), { target: { value: '3' } });
    await eventually(() => expect(lastInput()).toMatchObject({ minVisits: 3 }));

    fireEvent.change(inputOf(screen, 'Tag'), { target: { value: 'window' } });
    await eventually(() => expect(lastInput()).toMatchObject({ tag: 'window' }));

    fireEvent.click(screen.getByRole('button', { name: 'Sort by visits' }));
    await eventually(() => expect(lastInput()).toMatchObject({ sort: 'visits', dir: 'desc' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sort by visits' }));
    await eventually(() =>
      expect(lastInput()).toEqual({
        q: 'anna',
        segment: 'vip',
        tag: 'window',
        minVisits: 3,
        sort: 'visits',
        dir: 'asc',
        limit: 50,
      }),
    );
    expect(screen.getByRole('columnheader', { name: /Visits/ }).getAttribute('aria-sort')).toBe('ascending');

    // The export takes the same filters (its order is by name); the address keeps them all.
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
      '/export/guests.csv?q=anna&segment=vip&tag=window&minVisits=3',
    );
    expect(screen.getByTestId('address').textContent).toBe(
      '?q=anna&segment=vip&tag=window&minVisits=3&sort=visits&dir=asc',
    );
  });

  it('offers the best match again under a search sorted by a column', async () => {
    const { lastInput } = setup('/guests?q=anna&sort=visits&dir=desc');
    await screen.findByText('Anna Schmidt');
    expect(screen.getByRole('status').textContent).toBe('2+ guests');
    fireEvent.click(screen.getByRole('button', { name: 'Best match first' }));
    await eventually(() => expect(lastInput()).toEqual({ q: 'anna', limit: 50 }));
    await eventually(() =>
      expect(screen.getByRole('status').textContent).toBe('2+ guests · best match first'),
    );
    expect(screen.queryByRole('button', { name: 'Best match first' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();
  });

  it('opens with the filters of the address (back from a profile)', async () => {
    const { lastInput } = setup(
      '/guests?language=de&lastVisitFrom=2026-01-01&lastVisitTo=2026-03-31&sort=lastVisit&dir=asc&segment=bogus',
    );
    await screen.findByText('Anna Schmidt');
    expect(lastInput()).toEqual({
      language: 'de',
      lastVisitFrom: '2026-01-01',
      lastVisitTo: '2026-03-31',
      sort: 'lastVisit',
      dir: 'asc',
      limit: 50,
    });
    expect((inputOf(screen, 'Language') as HTMLInputElement).value).toBe('German (de)');
    expect(screen.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe(
      '/export/guests.csv?language=de&lastVisitFrom=2026-01-01&lastVisitTo=2026-03-31',
    );
  });

  it('shows segments and contacts, pages on with "Load more" and opens a profile', async () => {
    const { lastInput } = setup('/guests', 'staff');
    await screen.findByText('Anna Schmidt');
    // Staff cannot export.
    expect(screen.queryByRole('link', { name: 'Export CSV' })).toBeNull();
    const anna = rows()[0]!;
    expect([...anna.querySelectorAll('[data-segment]')].map((b) => b.getAttribute('data-segment'))).toEqual([
      'vip',
      'frequent',
    ]);
    expect(within(anna).getByText('+491700000007')).toBeTruthy();
    expect(within(rows()[1]!).getByText('ben@example.com')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('Chloé Martin');
    expect(lastInput()).toMatchObject({ cursor: 'next' });
    expect(screen.getByRole('status').textContent).toBe('3 guests');

    fireEvent.click(rows()[2]!);
    await screen.findByText('Profile page');
  });

  it('says when nobody matches and clears the filters', async () => {
    const { lastInput } = setup('/guests?q=nobody&minVisits=2');
    expect(await screen.findByText('No guests match')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByText('Anna Schmidt', {}, { timeout: 4000 });
    expect(lastInput()).toEqual({ limit: 50 });
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('');
  });
});
