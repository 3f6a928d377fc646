import { apiTokens } from '@tobeout/db';
import { roleAtLeast, type TApiToken, type TRole } from '@tobeout/shared';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { generateApiToken } from '../../auth/tokens';
import type { Deps, Scope } from '../deps';
import { AppError } from '../errors';
import { write } from '../write';

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  role: apiTokens.role,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function listTokens(deps: Deps, scope: Scope): Promise<TApiToken[]> {
  return deps.db
    .select(tokenColumns)
    .from(apiTokens)
    .where(eq(apiTokens.restaurantId, scope.restaurantId))
    .orderBy(desc(apiTokens.createdAt));
}

/** Creates a token; the secret is returned here once and only its SHA-256 is stored. */
export async function createToken(
  deps: Deps,
  scope: Scope,
  input: { name: string; role: TRole },
): Promise<{ token: string; apiToken: TApiToken }> {
  if (!roleAtLeast(scope.role, input.role)) {
    throw new AppError('ROLE_ABOVE_OWN', 'A token cannot have a higher role than yours.', {
      fieldErrors: { role: ['Higher than your own role.'] },
    });
  }
  const secret = generateApiToken();
  return write(deps, scope, async ({ tx, emit }) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        restaurantId: scope.restaurantId,
        name: input.name,
        role: input.role,
        tokenHash: secret.hash,
        prefix: secret.prefix,
        createdBy: scope.actor.kind === 'user' ? scope.actor.id : null,
      })
      .returning(tokenColumns);
    await emit({
      type: 'token.created',
      entityId: row!.id,
      payload: { name: input.name, role: input.role },
    });
    return { token: secret.token, apiToken: row! };
  });
}

export async function revokeToken(deps: Deps, scope: Scope, id: string): Promise<TApiToken> {
  const revoked = await write(deps, scope, async ({ tx, emit }) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(apiTokens.restaurantId, scope.restaurantId),
          eq(apiTokens.id, id),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning(tokenColumns);
    if (!row) throw AppError.field('id', 'No active token with this id.', 'NOT_FOUND');
    await emit({ type: 'token.revoked', entityId: id, payload: { name: row.name } });
    return row;
  });
  // Refused from now on in this process; other processes stop within their cache's 2 s.
  deps.tokens?.forget(id);
  return revoked;
}
