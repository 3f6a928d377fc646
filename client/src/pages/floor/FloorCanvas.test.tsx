import type { TTable } from '@tobeout/shared';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '../../test/render';
import { FloorCanvas } from './FloorCanvas';

const table = (n: number, over: Partial<TTable> = {}): TTable => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  name: `T${n}`,
  section: null,
  minGuests: 2,
  maxGuests: 4,
  shape: 'square',
  x: 100 * n + 100,
  y: 200,
  sortOrder: n,
  notes: null,
  bookableOnline: true,
  active: true,
  ...over,
});

const floor = { width: 1200, height: 800 };
const tables = [
  table(1, { section: 'Window', shape: 'round' }),
  table(2, { section: 'Window' }),
  table(3, { section: 'Bar', shape: 'rectangle', minGuests: 4, maxGuests: 6, x: 800, y: 600 }),
];

/** The element drawn for a (clickable) table. */
function drawn(name: RegExp | string) {
  return screen.getByRole('button', { name });
}

describe('FloorCanvas', () => {
  it('draws the room to scale with each table at its centre, sized by its footprint', () => {
    render(<FloorCanvas floor={floor} tables={tables} width={606} onTableClick={vi.fn()} />);
    const room = screen.getByRole('group', { name: 'Floor plan, 12 × 8 m' });
    // 600 px for 1200 cm (the 3 px walls are outside the plan): 0.5 px per cm.
    expect(room.style.width).toBe('600px');
    expect(room.style.height).toBe('400px');

    const t3 = drawn('Table T3, 4–6 seats');
    expect(t3.dataset.x).toBe('800');
    expect(t3.dataset.y).toBe('600');
    expect(t3.dataset.shape).toBe('rectangle');
    // Rectangle for 6: 250 × 80 cm → 125 × 40 px, centred on (400, 300) px.
    expect(t3.style.width).toBe('125px');
    expect(t3.style.height).toBe('40px');
    expect(t3.style.left).toBe(`${400 - 62.5}px`);
    expect(t3.style.top).toBe('280px');
    expect(t3.textContent).toContain('T3');
    expect(t3.textContent).toContain('4–6');
  });

  it('draws one labelled area per section', () => {
    const { container } = render(<FloorCanvas floor={floor} tables={tables} width={606} />);
    const areas = [...container.querySelectorAll<HTMLElement>('[data-section]')].map(
      (a) => a.dataset.section,
    );
    expect(areas).toEqual(['Bar', 'Window']);
    // Without onTableClick the tables are pictures, not buttons.
    expect(screen.getByRole('img', { name: 'Table T1, 2–4 seats' })).toBeTruthy();
  });

  it('dims other sections when one is chosen and reports clicks', () => {
    const onTableClick = vi.fn();
    render(
      <FloorCanvas floor={floor} tables={tables} width={606} section="Bar" onTableClick={onTableClick} />,
    );
    expect(drawn(/^Table T1/).dataset.dimmed).toBe('true');
    expect(drawn(/^Table T3/).dataset.dimmed).toBeUndefined();
    fireEvent.click(drawn(/^Table T2/));
    expect(onTableClick).toHaveBeenCalledWith(expect.objectContaining({ name: 'T2' }));
  });

  it('colours tables by status and shows what the colours mean', () => {
    const status = { [tables[0]!.id]: 'free', [tables[1]!.id]: 'occupied' } as const;
    render(
      <FloorCanvas
        floor={floor}
        tables={tables}
        width={606}
        statusOf={(id) => status[id as keyof typeof status]}
        onTableClick={vi.fn()}
      />,
    );
    expect(drawn('Table T1, 2–4 seats, free').dataset.status).toBe('free');
    expect(drawn('Table T2, 2–4 seats, occupied').dataset.status).toBe('occupied');
    expect(drawn('Table T3, 4–6 seats').dataset.status).toBeUndefined();
    expect(screen.getByText('Reserved')).toBeTruthy();
  });

  it('shows unsaved positions and makes tables movable in edit mode', () => {
    const positions = new Map([[tables[0]!.id, { x: 500, y: 400 }]]);
    render(
      <FloorCanvas
        floor={floor}
        tables={tables}
        width={606}
        positions={positions}
        editable
        onTableClick={vi.fn()}
      />,
    );
    const t1 = drawn(/^Table T1/);
    expect(t1.dataset.x).toBe('500');
    expect(t1.dataset.moved).toBe('true');
    expect(t1.tagName).toBe('DIV');
    expect(t1.getAttribute('aria-roledescription')).toBe('movable table');
    expect(t1.getAttribute('tabindex')).toBe('0');
  });

  it('wraps view-mode tables (hover cards) without losing their clicks, and counts statuses', () => {
    const onTableClick = vi.fn();
    render(
      <FloorCanvas
        floor={floor}
        tables={tables}
        width={606}
        statusOf={() => 'free'}
        statusCounts={{ free: 3 }}
        onTableClick={onTableClick}
        wrapTable={(t, element) => <div data-testid={`wrap-${t.name}`}>{element}</div>}
      />,
    );
    const t2 = drawn(/^Table T2/);
    expect(screen.getByTestId('wrap-T2').contains(t2)).toBe(true);
    fireEvent.click(t2);
    expect(onTableClick).toHaveBeenCalledWith(expect.objectContaining({ name: 'T2' }));
    expect(screen.getByLabelText('Table colours').textContent).toContain('3 free');
  });
});
