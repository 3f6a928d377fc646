import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '../../../test/render';
import { serverError } from '../../../test/server-error';
import { OpeningHoursEditor } from './OpeningHoursEditor';

const week = {
  services: [
    { weekday: 2, name: 'Dinner', start: '18:00', end: '23:00', lastSeating: '21:30' },
    { weekday: 1, name: 'Lunch', start: '12:00', end: '15:00', lastSeating: null },
    { weekday: 1, name: 'Dinner', start: '18:00', end: '22:00', lastSeating: null },
  ],
};

/** The error text attached to an input (Mantine links it with aria-describedby). */
function errorOf(input: HTMLElement): string | null {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const texts = ids.map((id) => document.getElementById(id)?.textContent ?? '').filter(Boolean);
  return input.getAttribute('aria-invalid') === 'true' ? texts.join(' ') : null;
}

describe('OpeningHoursEditor', () => {
  it('shows the overlap error next to the overlapping service (shared ZOpeningHours) and does not save', async () => {
    const onSave = vi.fn(async () => {});
    render(<OpeningHoursEditor hours={week} canEdit onSave={onSave} />);

    // Monday's dinner now starts during lunch.
    const dinnerStart = screen.getByLabelText('Monday service 2 start');
    fireEvent.change(dinnerStart, { target: { value: '14:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save week' }));

    await waitFor(() =>
      expect(errorOf(screen.getByLabelText('Monday service 2 start'))).toBe('Overlaps another service.'),
    );
    expect(errorOf(screen.getByLabelText('Monday service 1 start'))).toBeNull();
    expect(errorOf(screen.getByLabelText('Tuesday service 1 start'))).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves the whole week in API shape (flat list, empty last seating as null)', async () => {
    const onSave = vi.fn(async () => {});
    render(<OpeningHoursEditor hours={week} canEdit onSave={onSave} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add service on Sunday' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save week' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      services: [
        ...week.services,
        { weekday: 7, name: 'Lunch', start: '12:00', end: '15:00', lastSeating: null },
      ],
    });
  });

  it("shows the server's field errors on the field they name", async () => {
    const onSave = vi.fn(async () => {
      throw serverError({
        code: 'BAD_REQUEST',
        reason: 'VALIDATION',
        message: 'Invalid input',
        fieldErrors: { 'services.0.lastSeating': ['Last seating must be within the service.'] },
      });
    });
    render(<OpeningHoursEditor hours={week} canEdit onSave={onSave} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save week' }));
    await waitFor(() =>
      expect(errorOf(screen.getByLabelText('Tuesday service 1 last seating'))).toBe(
        'Last seating must be within the service.',
      ),
    );
  });

  it('is read-only without the manager role', () => {
    render(<OpeningHoursEditor hours={week} canEdit={false} onSave={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Save week' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Add service/ })).toBeNull();
    // Disabled through its <fieldset disabled> (the browser disables every control inside).
    expect(screen.getByLabelText('Monday service 1 start').closest('fieldset')?.disabled).toBe(true);
  });
});
