import type { TTable } from '@tobeout/shared';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { serverError } from '../../test/server-error';
import { TableForm } from './TableForm';

/** The error text attached to an input (Mantine links it with aria-describedby). */
function errorOf(input: HTMLElement): string | null {
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => document.getElementById(id))
    .filter((el) => el?.className.includes('error'))
    .map((el) => el?.textContent ?? '')
    .join(' ');
}

/** The input labelled `label` (the section's suggestion list has the same label). */
function field(label: string): HTMLInputElement {
  return screen.getAllByLabelText(label).find((el) => el.tagName !== 'DIV') as HTMLInputElement;
}

function type(label: string, value: string) {
  fireEvent.change(field(label), { target: { value } });
}

const t4: TTable = {
  id: '00000000-0000-4000-8000-000000000004',
  name: 'T4',
  section: 'Terrace',
  minGuests: 2,
  maxGuests: 4,
  shape: 'round',
  x: 300,
  y: 200,
  sortOrder: 3,
  notes: 'By the olive tree',
  bookableOnline: true,
  active: true,
};

describe('TableForm', () => {
  it('checks the fields with the shared schema and does not save', async () => {
    const onSave = vi.fn(async () => {});
    render(<TableForm sections={[]} onSave={onSave} onCancel={vi.fn()} />);
    type('Min guests', '6');
    type('Max guests', '4');
    fireEvent.click(screen.getByRole('button', { name: 'Add table' }));

    await waitFor(() => expect(errorOf(screen.getByLabelText('Name'))).toBe('Required.'));
    expect(errorOf(screen.getByLabelText('Min guests'))).toBe('Min guests must not exceed max guests.');
    expect(errorOf(screen.getByLabelText('Max guests'))).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('says when the guests are missing', async () => {
    const onSave = vi.fn(async () => {});
    render(<TableForm sections={[]} onSave={onSave} onCancel={vi.fn()} />);
    type('Name', 'T1');
    type('Max guests', '');
    fireEvent.click(screen.getByRole('button', { name: 'Add table' }));
    await waitFor(() =>
      expect(errorOf(screen.getByLabelText('Max guests'))).toBe('Enter a number of guests.'),
    );
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves the fields in API shape (trimmed, empty notes as null)', async () => {
    const onSave = vi.fn(async () => {});
    render(<TableForm sections={['Terrace', 'Bar']} onSave={onSave} onCancel={vi.fn()} />);
    type('Name', '  T9 ');
    type('Section', 'Terrace');
    type('Min guests', '2');
    type('Max guests', '6');
    fireEvent.click(screen.getByRole('radio', { name: 'Rectangle' }));
    fireEvent.click(screen.getByRole('switch', { name: /Bookable online/ }));
    expect(screen.getByText('On the plan: 250 × 80 cm')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add table' }));

    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave).toHaveBeenCalledWith({
      name: 'T9',
      section: 'Terrace',
      minGuests: 2,
      maxGuests: 6,
      shape: 'rectangle',
      notes: null,
      bookableOnline: false,
    });
  });

  it("shows the server's field errors on the field they name", async () => {
    const onSave = vi.fn(async () => {
      throw serverError({
        code: 'CONFLICT',
        reason: 'DUPLICATE',
        message: 'A table named "T4" already exists.',
        fieldErrors: { name: ['A table named "T4" already exists.'] },
      });
    });
    render(<TableForm sections={[]} onSave={onSave} onCancel={vi.fn()} />);
    type('Name', 'T4');
    fireEvent.click(screen.getByRole('button', { name: 'Add table' }));
    await waitFor(() =>
      expect(errorOf(screen.getByLabelText('Name'))).toBe('A table named "T4" already exists.'),
    );
  });

  it('edits an existing table, starting from its values', async () => {
    const onSave = vi.fn(async () => {});
    const onCancel = vi.fn();
    render(<TableForm table={t4} sections={['Terrace']} onSave={onSave} onCancel={onCancel} />);
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('T4');
    expect(field('Section').value).toBe('Terrace');
    expect((screen.getByRole('radio', { name: 'Round' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('By the olive tree');

    type('Max guests', '5');
    fireEvent.click(screen.getByRole('button', { name: 'Save table' }));
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'T4', maxGuests: 5, shape: 'round' }),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
