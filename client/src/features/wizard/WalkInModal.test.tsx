import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '../../test/render';
import { serverError } from '../../test/server-error';
import { booking, check, grid, id, option, renderWithApi, restaurant, slot } from './test-fixtures';
import { WalkInForm } from './WalkInModal';

const UUID = /^[0-9a-f-]{36}$/;

function setup(create: () => unknown = () => booking({ status: 'seated', source: 'walk_in' })) {
  const onDone = vi.fn();
  const result = renderWithApi(
    <WalkInForm restaurant={{ ...restaurant, timezone: 'UTC' }} onDone={onDone} />,
    {
      // Whatever the time now: the check answers for the asked slot; the grid knows that slot too.
      'availability.check': ({ time, partySize }: { time: string; partySize: number }) =>
        check({
          time,
          partySize,
          slots: [slot(time, partySize > 2 ? [option('T3', partySize)] : [option('T1', 2), option('T2', 2)])],
        }),
      'availability.grid': ({ date }: { date: string }) => grid({}, date),
      'bookings.create': create,
    },
  );
  return { ...result, onDone };
}

describe('WalkInForm', () => {
  it('seats a party in two clicks: its size, then the suggested table', async () => {
    const { api, onDone } = setup();
    fireEvent.click(screen.getByRole('radio', { name: '4 guests' }));
    const seat = await screen.findByRole('button', { name: 'Seat 4 at T3' });
    fireEvent.click(seat);
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(api.inputsOf('bookings.create')).toEqual([
      {
        source: 'walk_in',
        partySize: 4,
        guest: { name: 'Walk-in' },
        tableIds: [id(3)],
        idempotencyKey: expect.stringMatching(UUID),
      },
    ]);
    expect(await screen.findByText('Walk-in seated · K7P2M9')).toBeTruthy();
  });

  it('takes a name and another table', async () => {
    const { api } = setup();
    fireEvent.click(await screen.findByRole('radio', { name: /T2/ }));
    fireEvent.change(screen.getByLabelText('Name (optional)'), { target: { value: 'Mr Lee' } });
    fireEvent.click(screen.getByRole('button', { name: 'Seat 2 at T2' }));
    await waitFor(() =>
      expect(api.inputsOf('bookings.create')).toEqual([
        expect.objectContaining({ guest: { name: 'Mr Lee' }, tableIds: [id(2)] }),
      ]),
    );
  });

  it('says when the table was just taken', async () => {
    setup(() => {
      throw serverError({
        code: 'CONFLICT',
        reason: 'SLOT_TAKEN',
        message: 'T1 is already taken at 19:42 on 2030-06-14. Nearest free: 20:00 (T1).',
        details: { alternatives: [] },
      });
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Seat 2 at T1' }));
    expect(await screen.findByText('That table was just taken')).toBeTruthy();
    expect(screen.getByText(/T1 is already taken at 19:42/)).toBeTruthy();
  });
});
