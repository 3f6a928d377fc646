import { testDbKinds } from '@tobeout/db/testing';
import { describe, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../src/auth/rate-limit';
import { cookieClient, errorOf, login, PASSWORD, restaurantWithMember, startServer } from './harness';
import { serverForSuite } from './suite';

describe.each(testDbKinds)('auth on %s', (kind) => {
  const server = serverForSuite(kind);

  it('logs in with an HttpOnly, SameSite=Lax cookie and a new session each time', async () => {
    const { email, restaurant } = await restaurantWithMember(server, 'staff');
    const res = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ json: { email, password: PASSWORD } }),
    });
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // plain HTTP on loopback

    const first = await login(server.url, email);
    const second = await login(server.url, email);
    expect(first).not.toBe(second);

    const me = await cookieClient(server.url, second).auth.me.query();
    expect(me.user?.email).toBe(email);
    expect(me.activeRestaurant).toEqual({
      restaurantId: restaurant.id,
      restaurantName: restaurant.name,
      role: 'staff',
    });
  });

  it('sets Secure only behind a trusted HTTPS proxy', async () => {
    const viaProxy = (url: string, email: string) =>
      fetch(`${url}/trpc/auth.login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://tobeout.example',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'tobeout.example',
        },
        body: JSON.stringify({ json: { email, password: PASSWORD } }),
      });
    // Not trusted: X-Forwarded-* are ignored, so the foreign origin is refused.
    const { email } = await restaurantWithMember(server, 'staff');
    expect((await viaProxy(server.url, email)).status).toBe(403);
    const proxied = await startServer(kind, { trustProxy: true });
    try {
      const m = await restaurantWithMember(proxied, 'staff');
      const res = await viaProxy(proxied.url, m.email);
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('rejects a wrong password with a field error, and unknown e-mails the same way', async () => {
    const { email } = await restaurantWithMember(server, 'staff');
    const anon = cookieClient(server.url, '');
    const wrong = await errorOf(anon.auth.login.mutate({ email, password: 'not the password' }));
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', reason: 'INVALID_CREDENTIALS' });
    expect(wrong.fieldErrors?.password).toBeDefined();
    const unknown = await errorOf(
      anon.auth.login.mutate({ email: 'nobody@test.local', password: 'whatever' }),
    );
    expect(unknown.message).toBe(wrong.message);
  });

  it('rejects malformed input with field errors', async () => {
    const anon = cookieClient(server.url, '');
    const err = await errorOf(anon.auth.login.mutate({ email: 'not-an-email', password: '' }));
    expect(err).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION', httpStatus: 400 });
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(['email', 'password']);
  });

  it('throttles failed logins per account with TOO_MANY_REQUESTS', async () => {
    const { email } = await restaurantWithMember(server, 'staff');
    const anon = cookieClient(server.url, '');
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      await errorOf(anon.auth.login.mutate({ email, password: 'wrong password' }));
    }
    // Even the right password is refused now.
    const err = await errorOf(anon.auth.login.mutate({ email, password: PASSWORD }));
    expect(err).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED', httpStatus: 429 });
  });

  it('refuses cookie-authenticated mutations from another origin (CSRF)', async () => {
    const { cookie } = await restaurantWithMember(server, 'owner');
    const evil = cookieClient(server.url, cookie, 'https://evil.example');
    const err = await errorOf(evil.restaurant.update.mutate({ name: 'Pwned' }));
    expect(err).toMatchObject({ code: 'FORBIDDEN', reason: 'ORIGIN_MISMATCH' });
    const res = await fetch(`${server.url}/trpc/restaurant.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ json: { name: 'No origin' } }),
    });
    expect(res.status).toBe(403);
    // Reading is fine from anywhere the cookie goes (SameSite=Lax keeps it first-party).
    expect((await evil.restaurant.get.query()).name).not.toBe('Pwned');
  });

  it('logout ends the session; an unknown cookie is SESSION_EXPIRED', async () => {
    const { cookie, api } = await restaurantWithMember(server, 'staff');
    await api.auth.logout.mutate();
    const err = await errorOf(api.restaurant.get.query());
    expect(err).toMatchObject({ code: 'UNAUTHORIZED', reason: 'SESSION_EXPIRED' });
    expect((await cookieClient(server.url, cookie).auth.me.query()).user).toBeNull();
    const none = await errorOf(cookieClient(server.url, '').restaurant.get.query());
    expect(none.reason).toBe('UNAUTHENTICATED');
  });

  it('switches between the restaurants a user belongs to, and only those', async () => {
    const a = await restaurantWithMember(server, 'owner', { name: 'Alpha' });
    const b = await restaurantWithMember(server, 'owner', { name: 'Beta' });
    // make a's user a staff member of b too
    const { addMembership } = await import('../src/seed/factories');
    await addMembership(server.app.db.db, b.restaurant.id, a.user.id, 'staff');
    const me = await a.api.auth.switchRestaurant.mutate({ restaurantId: b.restaurant.id });
    expect(me.activeRestaurant).toMatchObject({ restaurantId: b.restaurant.id, role: 'staff' });
    expect((await a.api.restaurant.get.query()).name).toBe('Beta');
    // staff of Beta may not change Beta
    expect((await errorOf(a.api.restaurant.update.mutate({ name: 'x' }))).reason).toBe('ROLE_REQUIRED');
    const outsider = await restaurantWithMember(server, 'owner', { name: 'Gamma' });
    const err = await errorOf(a.api.auth.switchRestaurant.mutate({ restaurantId: outsider.restaurant.id }));
    expect(err).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
    expect(err.fieldErrors?.restaurantId).toBeDefined();
  });

  it('serves /health with the database kind and migration level', async () => {
    const res = await fetch(`${server.url}/health`);
    const body = (await res.json()) as {
      ok: boolean;
      database: string;
      migration: { pending: number; latest: string };
    };
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ ok: true, database: kind, migration: { pending: 0 } });
  });
});
