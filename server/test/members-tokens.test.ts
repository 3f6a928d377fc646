import { testDbKinds } from '@tobeout/db/testing';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import type { AppRouter } from '../src/routers';
import {
  cookieClient,
  errorOf,
  eventsOf,
  login,
  memberOf,
  PASSWORD,
  restaurantWithMember,
  tokenClient,
} from './harness';
import { serverForSuite } from './suite';

/** A client that sends exactly these headers (no Origin unless given). */
function headerClient(url: string, headers: Record<string, string>) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${url}/trpc`, transformer: superjson, headers })],
  });
}

const NEW_PASSWORD = 'a brand new first password';

describe.each(testDbKinds)('members on %s', (kind) => {
  const server = serverForSuite(kind);

  it('managers list the team (no secrets in the output); staff may not', async () => {
    const owner = await restaurantWithMember(server, 'owner');
    const manager = await memberOf(server, owner.restaurant.id, 'manager');
    const staff = await memberOf(server, owner.restaurant.id, 'staff');
    const list = await manager.api.restaurant.members.list.query();
    expect(list.map((m) => [m.userId, m.email, m.role]).sort()).toEqual(
      [
        [owner.user.id, owner.email, 'owner'],
        [manager.user.id, manager.email, 'manager'],
        [staff.user.id, staff.email, 'staff'],
      ].sort(),
    );
    for (const m of list)
      expect(Object.keys(m).sort()).toEqual(['createdAt', 'email', 'name', 'role', 'userId']);
    const err = await errorOf(staff.api.restaurant.members.list.query());
    expect(err).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
  });

  it('adds a new account (a first password is required), who can then sign in and sees the restaurant', async () => {
    const owner = await restaurantWithMember(server, 'owner', { name: 'Newcomers' });
    const email = `new-${Date.now()}@test.local`;
    const noPassword = await errorOf(
      owner.api.restaurant.members.add.mutate({ email, name: 'New Person', role: 'staff' }),
    );
    expect(noPassword).toMatchObject({ code: 'BAD_REQUEST', reason: 'VALIDATION' });
    expect(Object.keys(noPassword.fieldErrors ?? {})).toEqual(['password']);
    expect(await owner.api.restaurant.members.list.query()).toHaveLength(1);

    const short = await errorOf(
      owner.api.restaurant.members.add.mutate({
        email,
        name: 'New Person',
        role: 'staff',
        password: 'short',
      }),
    );
    expect(Object.keys(short.fieldErrors ?? {})).toEqual(['password']);

    const added = await owner.api.restaurant.members.add.mutate({
      email: ` ${email.toUpperCase()} `,
      name: 'New Person',
      role: 'manager',
      password: NEW_PASSWORD,
    });
    expect(added).toMatchObject({ email, name: 'New Person', role: 'manager' });

    const cookie = await login(server.url, email, NEW_PASSWORD);
    const api = cookieClient(server.url, cookie);
    const me = await api.auth.me.query();
    expect(me.activeRestaurant).toEqual({
      restaurantId: owner.restaurant.id,
      restaurantName: 'Newcomers',
      role: 'manager',
    });
    expect((await api.restaurant.get.query()).id).toBe(owner.restaurant.id);
    // Managers may not change the team.
    expect(
      await errorOf(
        api.restaurant.members.add.mutate({
          email: 'x@test.local',
          name: 'X',
          role: 'staff',
          password: NEW_PASSWORD,
        }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_REQUIRED',
    });

    const events = await eventsOf(owner.api, (items) => items.length >= 1);
    expect(events.map((e) => [e.type, e.entityId, e.payload])).toEqual([
      ['member.added', added.userId, { name: 'New Person', email, role: 'manager' }],
    ]);
  });

  it('adds an existing account by e-mail without a password and never changes its password or name', async () => {
    const owner = await restaurantWithMember(server, 'owner', { name: 'Second home' });
    const elsewhere = await restaurantWithMember(server, 'staff', { name: 'First home' });
    const added = await owner.api.restaurant.members.add.mutate({
      email: elsewhere.email.toUpperCase(),
      name: 'Ignored',
      role: 'staff',
    });
    expect(added).toMatchObject({
      userId: elsewhere.user.id,
      email: elsewhere.email,
      name: elsewhere.user.name,
      role: 'staff',
    });

    // A password sent along for an existing account is ignored.
    const other = await restaurantWithMember(server, 'owner');
    await other.api.restaurant.members.add.mutate({
      email: elsewhere.email,
      name: 'Hijack',
      role: 'owner',
      password: NEW_PASSWORD,
    });
    await expect(login(server.url, elsewhere.email, NEW_PASSWORD)).rejects.toThrow(/login failed: 401/);
    const cookie = await login(server.url, elsewhere.email, PASSWORD);
    const me = await cookieClient(server.url, cookie).auth.me.query();
    expect(me.user?.name).toBe(elsewhere.user.name);
    expect(me.memberships.map((m) => [m.restaurantName, m.role]).sort()).toEqual(
      [
        ['First home', 'staff'],
        ['Second home', 'staff'],
        [(await other.api.restaurant.get.query()).name, 'owner'],
      ].sort(),
    );
  });

  it('refuses to add someone twice: CONFLICT, DUPLICATE, field error on email', async () => {
    const owner = await restaurantWithMember(server, 'owner');
    const staff = await memberOf(server, owner.restaurant.id, 'staff');
    const err = await errorOf(
      owner.api.restaurant.members.add.mutate({ email: staff.email, name: 'Again', role: 'manager' }),
    );
    expect(err).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE', httpStatus: 409 });
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(['email']);
    const self = await errorOf(
      owner.api.restaurant.members.add.mutate({ email: owner.email, name: 'Me', role: 'staff' }),
    );
    expect(self).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE' });
    const roles = (await owner.api.restaurant.members.list.query()).map((m) => [m.userId, m.role]).sort();
    expect(roles).toEqual(
      [
        [owner.user.id, 'owner'],
        [staff.user.id, 'staff'],
      ].sort(),
    );
  });

  it('changes roles (owner only); the new role applies at once; an unknown user is NOT_FOUND', async () => {
    const owner = await restaurantWithMember(server, 'owner');
    const staff = await memberOf(server, owner.restaurant.id, 'staff');
    expect(await errorOf(staff.api.restaurant.update.mutate({ name: 'Not yet' }))).toMatchObject({
      reason: 'ROLE_REQUIRED',
    });
    const promoted = await owner.api.restaurant.members.updateRole.mutate({
      userId: staff.user.id,
      role: 'manager',
    });
    expect(promoted).toMatchObject({ userId: staff.user.id, role: 'manager' });
    expect((await staff.api.restaurant.update.mutate({ name: 'Now allowed' })).name).toBe('Now allowed');
    // A manager cannot promote themselves.
    const self = await errorOf(
      staff.api.restaurant.members.updateRole.mutate({ userId: staff.user.id, role: 'owner' }),
    );
    expect(self).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });

    const missing = await errorOf(
      owner.api.restaurant.members.updateRole.mutate({ userId: 'no-such-user', role: 'staff' }),
    );
    expect(missing).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(Object.keys(missing.fieldErrors ?? {})).toEqual(['userId']);
    const badRole = await errorOf(
      owner.api.restaurant.members.updateRole.mutate({ userId: staff.user.id, role: 'admin' as 'owner' }),
    );
    expect(Object.keys(badRole.fieldErrors ?? {})).toEqual(['role']);

    const events = await eventsOf(owner.api, (items) => items.some((e) => e.type === 'member.roleChanged'));
    expect(events.filter((e) => e.type === 'member.roleChanged').map((e) => [e.entityId, e.payload])).toEqual(
      [[staff.user.id, { name: staff.user.name, email: staff.email, from: 'staff', to: 'manager' }]],
    );
  });

  it('never demotes or removes the last owner (CONFLICT, LAST_OWNER) and changes nothing', async () => {
    const owner = await restaurantWithMember(server, 'owner');
    const manager = await memberOf(server, owner.restaurant.id, 'manager');
    const before = await owner.api.restaurant.members.list.query();
    for (const attempt of [
      () => owner.api.restaurant.members.updateRole.mutate({ userId: owner.user.id, role: 'manager' }),
      () => owner.api.restaurant.members.remove.mutate({ userId: owner.user.id }),
    ]) {
      const err = await errorOf(attempt());
      expect(err).toMatchObject({ code: 'CONFLICT', reason: 'LAST_OWNER', httpStatus: 409 });
      expect(err.fieldErrors?.role).toBeDefined();
    }
    expect(await owner.api.restaurant.members.list.query()).toEqual(before);
    // Setting the same role is a no-op, not an error.
    expect(
      (await owner.api.restaurant.members.updateRole.mutate({ userId: owner.user.id, role: 'owner' })).role,
    ).toBe('owner');

    // With a second owner, the first may step down.
    await owner.api.restaurant.members.updateRole.mutate({ userId: manager.user.id, role: 'owner' });
    await owner.api.restaurant.members.updateRole.mutate({ userId: owner.user.id, role: 'staff' });
    const after = await manager.api.restaurant.members.list.query();
    expect(after.filter((m) => m.role === 'owner').map((m) => m.userId)).toEqual([manager.user.id]);
    expect(
      await errorOf(manager.api.restaurant.members.remove.mutate({ userId: manager.user.id })),
    ).toMatchObject({ reason: 'LAST_OWNER' });
  });

  it('two owners demoting or removing each other at the same moment: exactly one succeeds, one owner remains', async () => {
    for (let round = 0; round < 6; round++) {
      const a = await restaurantWithMember(server, 'owner');
      const b = await memberOf(server, a.restaurant.id, 'owner');
      const remove = round % 2 === 1;
      const results = await Promise.allSettled(
        remove
          ? [
              a.api.restaurant.members.remove.mutate({ userId: b.user.id }),
              b.api.restaurant.members.remove.mutate({ userId: a.user.id }),
            ]
          : [
              a.api.restaurant.members.updateRole.mutate({ userId: b.user.id, role: 'manager' }),
              b.api.restaurant.members.updateRole.mutate({ userId: a.user.id, role: 'manager' }),
            ],
      );
      const ok = results.filter((r) => r.status === 'fulfilled');
      expect(ok, `round ${round}`).toHaveLength(1);
      const failed = results.find((r) => r.status === 'rejected');
      const err = await errorOf(Promise.reject(failed?.reason));
      // Either the loser's own demotion landed first (it lost the owner role) or its target was the last owner.
      expect(['LAST_OWNER', 'ROLE_REQUIRED', 'NOT_A_MEMBER']).toContain(err.reason);

      const winner = results[0]!.status === 'fulfilled' ? a : b;
      const members = await winner.api.restaurant.members.list.query();
      expect(members.filter((m) => m.role === 'owner').map((m) => m.userId)).toEqual([winner.user.id]);
    }
  });

  it("a removed member's session is refused at once with NOT_A_MEMBER", async () => {
    const owner = await restaurantWithMember(server, 'owner');
    const staff = await memberOf(server, owner.restaurant.id, 'staff');
    expect((await staff.api.restaurant.get.query()).id).toBe(owner.restaurant.id);
    expect(await owner.api.restaurant.members.remove.mutate({ userId: staff.user.id })).toEqual({ ok: true });
    const err = await errorOf(staff.api.restaurant.get.query());
    expect(err).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER', httpStatus: 403 });
    expect((await staff.api.auth.me.query()).memberships).toEqual([]);
    expect((await owner.api.restaurant.members.list.query()).map((m) => m.userId)).toEqual([owner.user.id]);
    const again = await errorOf(owner.api.restaurant.members.remove.mutate({ userId: staff.user.id }));
    expect(again).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
  });
});

describe.each(testDbKinds)('API tokens on %s', (kind) => {
  const server = serverForSuite(kind);

  it('returns the secret once; the list shows only its prefix', async () => {
    const owner = await restaurantWithMember(server, 'owner');
    const created = await owner.api.restaurant.tokens.create.mutate({
      name: 'Nightly export',
      role: 'staff',
    });
    expect(created.token).toMatch(/^tbo_[A-Za-z0-9_-]{43}$/);
    expect(created.apiToken).toMatchObject({
      name: 'Nightly export',
      role: 'staff',
      prefix: created.token.slice(0, 10),
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(Object.keys(created.apiToken).sort()).toEqual([
      'createdAt',
      'id',
      'lastUsedAt',
      'name',
      'prefix',
      'revokedAt',
      'role',
    ]);

    const list = await owner.api.restaurant.tokens.list.query();
    expect(list).toEqual([created.apiToken]);
    const raw = JSON.stringify(list);
    expect(raw).not.toContain(created.token);
    expect(raw).not.toContain(created.token.slice(10));

    const events = await eventsOf(owner.api, (items) => items.length >= 1);
    expect(events.map((e) => [e.type, e.entityId, e.payload])).toEqual([
      ['token.created', created.apiToken.id, { name: 'Nightly export', role: 'staff' }],
    ]);
    expect(JSON.stringify(events)).not.toContain(created.token);
  });

  it('a token acts for its restaurant with its role, records its use, and needs no Origin header', async () => {
    const owner = await restaurantWithMember(server, 'owner', { name: 'Token Town' });
    const staff = await owner.api.restaurant.tokens.create.mutate({ name: 'Floor display', role: 'staff' });
    const manager = await owner.api.restaurant.tokens.create.mutate({
      name: 'Import script',
      role: 'manager',
    });

    const asStaff = tokenClient(server, staff.token);
    expect(await asStaff.restaurant.get.query()).toMatchObject({
      id: owner.restaurant.id,
      name: 'Token Town',
    });
    expect(await errorOf(asStaff.restaurant.update.mutate({ name: 'By staff token' }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_REQUIRED',
    });
    expect(await errorOf(asStaff.events.list.query({}))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_REQUIRED',
    });

    const asManager = tokenClient(server, manager.token);
    // tokenClient sends only `Authorization: Bearer …` — no Origin, no cookie.
    expect((await asManager.restaurant.update.mutate({ name: 'Renamed by script' })).name).toBe(
      'Renamed by script',
    );
    expect((await owner.api.restaurant.get.query()).name).toBe('Renamed by script');
    expect(await errorOf(asManager.restaurant.tokens.list.query())).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_REQUIRED',
    });
    expect(
      await errorOf(asManager.restaurant.members.remove.mutate({ userId: owner.user.id })),
    ).toMatchObject({ reason: 'ROLE_REQUIRED' });

    const events = await eventsOf(asManager, (items) => items.some((e) => e.type === 'restaurant.updated'));
    expect(events.find((e) => e.type === 'restaurant.updated')?.actor).toEqual({
      kind: 'token',
      id: manager.apiToken.id,
      name: 'Import script',
    });

    // lastUsedAt is recorded (asynchronously, at most once a minute).
    const deadline = Date.now() + 10_000;
    let used: Date | null = null;
    while (!used && Date.now() < deadline) {
      used =
        (await owner.api.restaurant.tokens.list.query()).find((t) => t.id === manager.apiToken.id)
          ?.lastUsedAt ?? null;
      if (!used) await new Promise((r) => setTimeout(r, 50));
    }
    expect(used).toBeInstanceOf(Date);
  });

  it("a token of restaurant A sees only A's data", async () => {
    const a = await restaurantWithMember(server, 'owner', { name: 'Alpha' });
    const b = await restaurantWithMember(server, 'owner', { name: 'Beta' });
    await b.api.restaurant.specialDays.set.mutate({ date: '2031-03-03', closed: true });
    const bToken = await b.api.restaurant.tokens.create.mutate({ name: 'B script', role: 'owner' });
    const { token } = await a.api.restaurant.tokens.create.mutate({ name: 'A script', role: 'owner' });
    const asA = tokenClient(server, token);
    expect((await asA.restaurant.get.query()).id).toBe(a.restaurant.id);
    expect(await asA.restaurant.specialDays.list.query({})).toEqual([]);
    expect((await asA.restaurant.members.list.query()).map((m) => m.userId)).toEqual([a.user.id]);
    expect((await asA.restaurant.tokens.list.query()).map((t) => t.name)).toEqual(['A script']);
    expect(await errorOf(asA.restaurant.tokens.revoke.mutate({ id: bToken.apiToken.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await tokenClient(server, bToken.token).restaurant.get.query()).id).toBe(b.restaurant.id);
    const me = await asA.auth.me.query();
    expect(me).toMatchObject({
      user: null,
      via: 'token',
      activeRestaurant: { restaurantId: a.restaurant.id, role: 'owner' },
    });
  });

  it('a revoked token is refused with INVALID_TOKEN; revoking twice is NOT_FOUND', async () => {
    const owner = await restaurantWithMember(server, 'owner');
    const keep = await owner.api.restaurant.tokens.create.mutate({ name: 'Keep', role: 'manager' });
    const drop = await owner.api.restaurant.tokens.create.mutate({ name: 'Drop', role: 'manager' });
    const api = tokenClient(server, drop.token);
    await api.restaurant.get.query();
    const revoked = await owner.api.restaurant.tokens.revoke.mutate({ id: drop.apiToken.id });
    expect(revoked).toMatchObject({ id: drop.apiToken.id, name: 'Drop' });
    expect(revoked.revokedAt).toBeInstanceOf(Date);

    for (const attempt of [
      () => api.restaurant.get.query(),
      () => api.restaurant.update.mutate({ name: 'After revoke' }),
    ]) {
      expect(await errorOf(attempt())).toMatchObject({
        code: 'UNAUTHORIZED',
        reason: 'INVALID_TOKEN',
        httpStatus: 401,
      });
    }
    expect((await tokenClient(server, keep.token).restaurant.get.query()).name).not.toBe('After revoke');
    const list = await owner.api.restaurant.tokens.list.query();
    expect(list.find((t) => t.id === drop.apiToken.id)?.revokedAt).toBeInstanceOf(Date);
    expect(list.find((t) => t.id === keep.apiToken.id)?.revokedAt).toBeNull();

    const twice = await errorOf(owner.api.restaurant.tokens.revoke.mutate({ id: drop.apiToken.id }));
    expect(twice).toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });
    expect(Object.keys(twice.fieldErrors ?? {})).toEqual(['id']);
    const notUuid = await errorOf(owner.api.restaurant.tokens.revoke.mutate({ id: 'abc' }));
    expect(notUuid).toMatchObject({ code: 'BAD_REQUEST' });
    expect(Object.keys(notUuid.fieldErrors ?? {})).toEqual(['id']);
  });

  it('a malformed or unknown Authorization header is INVALID_TOKEN, and never falls back to the cookie', async () => {
    const owner = await restaurantWithMember(server, 'owner', { name: 'Guarded' });
    const { token } = await owner.api.restaurant.tokens.create.mutate({ name: 'Real', role: 'owner' });
    const headers = [
      'Basic dXNlcjpwYXNz',
      'Bearer',
      'Bearer not-a-token',
      `Bearer tbo_${'x'.repeat(43)}`, // well-formed, unknown
      `Bearer ${token}x`,
      token, // no scheme
    ];
    for (const authorization of headers) {
      const api = headerClient(server.url, { authorization });
      expect(await errorOf(api.restaurant.get.query()), authorization).toMatchObject({
        code: 'UNAUTHORIZED',
        reason: 'INVALID_TOKEN',
      });
    }
    // A session cookie plus a junk Authorization header: the header decides, and the origin check is
    // not skipped for a cookie-authenticated write.
    const sneaky = headerClient(server.url, { cookie: owner.cookie, authorization: 'Bearer junk' });
    expect(await errorOf(sneaky.restaurant.update.mutate({ name: 'CSRF' }))).toMatchObject({
      code: 'UNAUTHORIZED',
      reason: 'INVALID_TOKEN',
    });
    expect((await owner.api.restaurant.get.query()).name).toBe('Guarded');
  });

  it('only owners manage tokens; an owner may create tokens of any role', async () => {
    const owner = await restaurantWithMember(server, 'owner');
    const manager = await memberOf(server, owner.restaurant.id, 'manager');
    const mine = await owner.api.restaurant.tokens.create.mutate({ name: 'Owner token', role: 'owner' });
    for (const attempt of [
      () => manager.api.restaurant.tokens.create.mutate({ name: 'Mine', role: 'staff' }),
      () => manager.api.restaurant.tokens.list.query(),
      () => manager.api.restaurant.tokens.revoke.mutate({ id: mine.apiToken.id }),
    ]) {
      expect(await errorOf(attempt())).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    }
    for (const role of ['manager', 'staff'] as const) {
      const t = await owner.api.restaurant.tokens.create.mutate({ name: `${role} token`, role });
      expect(t.apiToken.role).toBe(role);
      expect((await tokenClient(server, t.token).auth.me.query()).activeRestaurant?.role).toBe(role);
    }
    // An owner token may create tokens too (scripts that rotate their own credentials).
    const child = await tokenClient(server, mine.token).restaurant.tokens.create.mutate({
      name: 'Child',
      role: 'staff',
    });
    expect((await tokenClient(server, child.token).restaurant.get.query()).id).toBe(owner.restaurant.id);
    expect((await owner.api.restaurant.tokens.list.query()).map((t) => t.name).sort()).toEqual(
      ['Child', 'Owner token', 'manager token', 'staff token'].sort(),
    );
    expect(
      (await tokenClient(server, mine.token).restaurant.tokens.list.query()).find(
        (t) => t.id === mine.apiToken.id,
      )?.revokedAt,
    ).toBeNull();
    const badRole = await errorOf(
      owner.api.restaurant.tokens.create.mutate({ name: 'x', role: 'root' as 'owner' }),
    );
    expect(Object.keys(badRole.fieldErrors ?? {})).toEqual(['role']);
  });
});
