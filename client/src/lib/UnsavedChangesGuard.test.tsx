import { Link, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '../test/render';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

function Editor({ dirty }: { dirty: boolean }) {
  return (
    <>
      <h1>Editor</h1>
      <Link to="/elsewhere">Elsewhere</Link>
      <UnsavedChangesGuard when={dirty} message="2 unsaved moves on the floor plan." />
    </>
  );
}

function app(dirty: boolean) {
  return (
    <Routes>
      <Route path="/floor" element={<Editor dirty={dirty} />} />
      <Route path="/elsewhere" element={<h1>Elsewhere page</h1>} />
    </Routes>
  );
}

describe('UnsavedChangesGuard', () => {
  it('lets links through when nothing is unsaved', async () => {
    render(app(false), { routerEntries: ['/floor'] });
    fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere page' })).toBeTruthy();
  });

  it('asks before leaving with unsaved work; Stay keeps the page, Leave follows the link', async () => {
    render(app(true), { routerEntries: ['/floor'] });
    fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    expect(await screen.findByText(/2 unsaved moves on the floor plan\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stay on this page' }));
    await waitFor(() => expect(screen.queryByText(/2 unsaved moves/)).toBeNull());
    expect(screen.getByRole('heading', { name: 'Editor' })).toBeTruthy();

    fireEvent.click(screen.getByRole('link', { name: 'Elsewhere' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Leave without saving' }));
    expect(await screen.findByRole('heading', { name: 'Elsewhere page' })).toBeTruthy();
  });

  it('asks the browser to confirm a reload or close', () => {
    render(app(true), { routerEntries: ['/floor'] });
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });
});
