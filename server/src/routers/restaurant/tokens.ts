import { ZApiToken, ZApiTokenCreated, ZApiTokenCreateInput, ZApiTokenRevokeInput } from '@tobeout/shared';
import { z } from 'zod';
import { createToken, listTokens, revokeToken } from '../../domain/tokens/tokens';
import { restaurantProcedure, router } from '../../trpc/init';

/** API tokens for scripts and agents: owners only. */
export const tokensRouter = router({
  list: restaurantProcedure('owner')
    .output(z.array(ZApiToken))
    .query(({ ctx }) => listTokens(ctx.deps, ctx.scope)),
  create: restaurantProcedure('owner')
    .input(ZApiTokenCreateInput)
    .output(ZApiTokenCreated)
    .mutation(({ ctx, input }) => createToken(ctx.deps, ctx.scope, input)),
  revoke: restaurantProcedure('owner')
    .input(ZApiTokenRevokeInput)
    .output(ZApiToken)
    .mutation(({ ctx, input }) => revokeToken(ctx.deps, ctx.scope, input.id)),
});
