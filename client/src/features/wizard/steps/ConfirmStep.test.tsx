import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '../../../test/render';
import { initialValues } from '../model';
import { id, option, slot, TODAY } from '../test-fixtures';
import { ConfirmStep } from './ConfirmStep';

const values = {
  ...initialValues({ date: '2030-06-14', time: '19:30', partySize: 4 }, TODAY),
  tableIds: [id(2)],
  guest: { name: 'Clara Weber', phone: '0170 5551234', email: 'clara@test.local' },
  specialRequests: 'Birthday\nCake at dessert',
};

describe('ConfirmStep', () => {
  it('sums up the whole booking', () => {
    render(
      <ConfirmStep
        values={values}
        country="DE"
        option={option('T2', 4)}
        durationMin={120}
        guest={null}
        onPickAlternative={vi.fn()}
      />,
    );
    const summary = within(screen.getByRole('region', { name: 'Booking summary' }));
    expect(summary.getByText('Fri, Jun 14, 2030')).toBeTruthy();
    expect(summary.getByText(/19:30 – 21:30/)).toBeTruthy();
    expect(summary.getByText('4 guests')).toBeTruthy();
    expect(summary.getByText('T2')).toBeTruthy();
    expect(summary.getByText(/Clara Weber/).textContent).toContain('new guest');
    expect(summary.getByText('+491705551234 · clara@test.local')).toBeTruthy();
    expect(summary.getByText(/Cake at dessert/)).toBeTruthy();
  });

  it('offers the alternatives when the booking was refused', () => {
    const onPick = vi.fn();
    const other = option('T3', 4);
    render(
      <ConfirmStep
        values={{ ...values, guestId: id(700), specialRequests: '' }}
        country="DE"
        option={option('T2', 4)}
        durationMin={120}
        guest={{
          id: id(700),
          name: 'Anna Schmidt',
          phone: '+491701112233',
          email: null,
          bookings: 2,
          lastDate: null,
        }}
        conflict={{
          title: 'The hold expired',
          message: 'Check availability again.',
          alternatives: [slot('20:00', [other])],
        }}
        onPickAlternative={onPick}
      />,
    );
    expect(screen.getByText(/Anna Schmidt/).textContent).toContain('known guest');
    expect(screen.getByText('None')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '20:00 at T3' }));
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ time: '20:00' }), other);
  });
});
