import { describe, expect, it, vi } from 'vitest';
import html from '../../index.html?raw';
import { errorMessage, errorTitle, isOfflineError } from '../lib/errors';
import { fakeApi } from '../test/api';
import { createOfflineGate, createTrpcClient, offlineLink } from './trpc';

describe('offlineLink', () => {
  it('refuses to send changes while offline, with a message that says so; reads and sign-out pass', async () => {
    const gate = createOfflineGate();
    const api = fakeApi(
      {
        'bookings.get': () => ({ id: 'b1' }),
        'bookings.setStatus': () => ({ id: 'b1' }),
        'auth.logout': () => ({ ok: true }),
      },
      { before: [offlineLink(gate)] },
    );
    gate.offline = true;
    const refused = await api.client.bookings.setStatus
      .mutate({ id: 'b1' } as never)
      .catch((e: unknown) => e);
    expect(isOfflineError(refused)).toBe(true);
    expect(errorTitle(refused)).toBe('You are offline');
    expect(errorMessage(refused)).toMatch(
      /^You are offline: this change was not sent\..*nothing you entered is lost/,
    );
    expect(api.inputsOf('bookings.setStatus')).toEqual([]);
    expect(await api.client.bookings.get.query({ id: 'b1' })).toEqual({ id: 'b1' });
    expect(await api.client.auth.logout.mutate()).toEqual({ ok: true });

    gate.offline = false;
    expect(await api.client.bookings.setStatus.mutate({ id: 'b1' } as never)).toEqual({ id: 'b1' });
    expect(api.inputsOf('bookings.setStatus')).toHaveLength(1);
  });
});

describe('the auth.me preload in index.html', () => {
  it('is the request the app makes first, so the browser hands over the preloaded answer', async () => {
    const preload = html.match(/<link\s+rel="preload"\s+as="fetch"[^>]*\shref="([^"]+)"/)?.[1];
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return new Response(JSON.stringify([{ result: { data: { json: { user: null } } } }]), {
        headers: { 'content-type': 'application/json' },
      });
    });
    await createTrpcClient('/trpc').auth.me.query();
    expect(urls).toEqual([preload?.replaceAll('&amp;', '&')]);
  });
});

describe('large shared answers', () => {
  it('a day grid is asked on its own request, outside the batch of the queries made with it', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      const one = { result: { data: { json: null } } };
      return new Response(JSON.stringify(url.includes('batch=1') ? [one, one] : one), {
        headers: { 'content-type': 'application/json' },
      });
    });
    const client = createTrpcClient('/trpc');
    await Promise.all([
      client.availability.grid.query({ date: '2026-12-24' }),
      client.restaurant.get.query(),
      client.auth.me.query(),
    ]);
    expect(urls.map((u) => u.split('?')[0]).sort()).toEqual([
      '/trpc/availability.grid',
      '/trpc/restaurant.get,auth.me',
    ]);
    expect(urls.find((u) => u.startsWith('/trpc/availability.grid'))).not.toContain('batch=');
  });
});
