import { memberships, users } from '@tobeout/db';
import type { TMember, TRole } from '@tobeout/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import { generateIdFromEntropySize } from 'lucia';
import { hashPassword } from '../../auth/password';
import type { Deps, Scope } from '../deps';
import { AppError } from '../errors';
import { type WriteContext, write } from '../write';

const memberColumns = {
  userId: memberships.userId,
  email: users.email,
  name: users.name,
  role: memberships.role,
  createdAt: memberships.createdAt,
};

export async function listMembers(deps: Deps, scope: Scope): Promise<TMember[]> {
  return deps.db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.restaurantId, scope.restaurantId))
    .orderBy(asc(users.name));
}

async function getMember(w: WriteContext, scope: Scope, userId: string): Promise<TMember> {
  const [m] = await w.tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.restaurantId, scope.restaurantId), eq(memberships.userId, userId)));
  if (!m) throw AppError.field('userId', 'This person is not a member of the restaurant.', 'NOT_FOUND');
  return m;
}

/**
 * Locks the restaurant's owner memberships and refuses when `userId` is the only owner, so two
 * concurrent demotions can never leave a restaurant without one.
 */
async function assertNotLastOwner(w: WriteContext, scope: Scope, userId: string) {
  const owners = await w.tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.restaurantId, scope.restaurantId), eq(memberships.role, 'owner')))
    .for('update');
  if (owners.length === 1 && owners[0]!.userId === userId) {
    throw new AppError(
      'LAST_OWNER',
      'A restaurant needs at least one owner: make someone else owner first.',
      {
        fieldErrors: { role: ['The last owner cannot be demoted or removed.'] },
      },
    );
  }
}

export type AddMemberInput = { email: string; name: string; role: TRole; password?: string | undefined };

/** Adds an existing account by e-mail, or creates the account with a first password. */
export async function addMember(deps: Deps, scope: Scope, input: AddMemberInput): Promise<TMember> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return write(deps, scope, async (w) => {
    const [existing] = await w.tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email.toLowerCase()));
    let userId = existing?.id;
    if (!userId) {
      if (!passwordHash) throw AppError.field('password', 'Set a first password for the new account.');
      userId = generateIdFromEntropySize(10);
      await w.tx.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash });
    }
    const inserted = await w.tx
      .insert(memberships)
      .values({ restaurantId: scope.restaurantId, userId, role: input.role })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw AppError.field('email', 'This person is already a member.', 'DUPLICATE');
    const member = await getMember(w, scope, userId);
    await w.emit({
      type: 'member.added',
      entityId: userId,
      payload: { name: member.name, email: member.email, role: input.role },
    });
    return member;
  });
}

export async function updateMemberRole(
  deps: Deps,
  scope: Scope,
  input: { userId: string; role: TRole },
): Promise<TMember> {
  return write(deps, scope, async (w) => {
    const before = await getMember(w, scope, input.userId);
    if (before.role === input.role) return before;
    if (before.role === 'owner') await assertNotLastOwner(w, scope, input.userId);
    await w.tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.restaurantId, scope.restaurantId), eq(memberships.userId, input.userId)));
    await w.emit({
      type: 'member.roleChanged',
      entityId: input.userId,
      payload: { name: before.name, email: before.email, from: before.role, to: input.role },
    });
    return { ...before, role: input.role };
  });
}

export async function removeMember(deps: Deps, scope: Scope, userId: string): Promise<{ ok: true }> {
  return write(deps, scope, async (w) => {
    const before = await getMember(w, scope, userId);
    if (before.role === 'owner') await assertNotLastOwner(w, scope, userId);
    await w.tx
      .delete(memberships)
      .where(and(eq(memberships.restaurantId, scope.restaurantId), eq(memberships.userId, userId)));
    await w.emit({
      type: 'member.removed',
      entityId: userId,
      payload: { name: before.name, email: before.email, role: before.role },
    });
    return { ok: true as const };
  });
}
