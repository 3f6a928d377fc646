import type { TTable } from '@tobeout/shared';
import { describe, expect, it, vi } from 'vitest';
import { collapseListErrors } from '../../lib/errors';
import { fireEvent, render, screen, waitFor } from '../../test/render';
import { serverError } from '../../test/server-error';
import { CombinationForm } from './CombinationForm';

const table = (n: number, active = true): TTable => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  name: `T${n}`,
  section: null,
  minGuests: 2,
  maxGuests: 4,
  shape: 'square',
  x: 100,
  y: 100,
  sortOrder: n,
  notes: null,
  bookableOnline: true,
  active,
});
const tables = [table(1), table(2), table(3, false)];

describe('CombinationForm', () => {
  it('needs two tables (shared schema) before saving', async () => {
    const onSave = vi.fn(async () => {});
    render(<CombinationForm combination={null} tables={tables} onSave={onSave} onCancel={vi.fn()} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'T1 + T2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add combination' }));
    expect(await screen.findByText('Choose at least two tables.')).toBeTruthy();
    expect(onSave).not.toHaveBeenCalled();
  });

  it("shows the server's errors about single tables on the table picker", async () => {
    const onSave = vi.fn(async () => {
      throw serverError({
        code: 'BAD_REQUEST',
        reason: 'VALIDATION',
        message: 'Every table of a combination must be an active table of this restaurant.',
        fieldErrors: { 'tableIds.1': ['T3 is deactivated.'] },
      });
    });
    const combination = {
      id: '00000000-0000-4000-8000-0000000000c1',
      name: 'T1 + T3',
      tableIds: [tables[0]!.id, tables[2]!.id],
      minGuests: 4,
      maxGuests: 8,
      usable: false,
    };
    render(<CombinationForm combination={combination} tables={tables} onSave={onSave} onCancel={vi.fn()} />);
    // The inactive member stays visible (labelled) so it can be removed.
    expect(screen.getByText('T3 (inactive)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save combination' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('T3 is deactivated.')).toBeTruthy();
  });

  it('collapses per-item errors onto the list', () => {
    expect(collapseListErrors({ name: 'Taken.', 'tableIds.0': 'A', 'tableIds.2': 'A' }, 'tableIds')).toEqual({
      name: 'Taken.',
      tableIds: 'A',
    });
  });
});
