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
