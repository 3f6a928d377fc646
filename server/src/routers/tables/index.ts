import {
  ZBlock,
  ZBlockInput,
  ZBlocksListInput,
  ZCombination,
  ZCombinationCreateInput,
  ZCombinationUpdateInput,
  ZFloor,
  ZPositionsInput,
  ZSectionRenameInput,
  ZTable,
  ZTableCreateInput,
  ZTableDetails,
  ZTableHistory,
  ZTableHistoryInput,
  ZTableIdInput,
  ZTablesList,
  ZTablesListInput,
  ZTablesReorderInput,
  ZTableUpdateInput,
  ZUnblockInput,
  ZUtilisation,
  ZUtilisationInput,
} from '@tobeout/shared';
import { z } from 'zod';
import { blockTables, listBlocks, unblockTables } from '../../domain/tables/blocks';
import {
  createCombination,
  deleteCombination,
  listCombinations,
  updateCombination,
} from '../../domain/tables/combinations';
import { getTable, tableHistory, tableUtilisation } from '../../domain/tables/details';
import {
  createTable,
  listTables,
  renameSection,
  reorderTables,
  savePositions,
  setFloor,
  setTableActive,
  updateTable,
} from '../../domain/tables/tables';
import { restaurantProcedure, router } from '../../trpc/init';

const ok = z.object({ ok: z.literal(true) });

const combinationsRouter = router({
  list: restaurantProcedure('staff')
    .output(z.array(ZCombination))
    .query(({ ctx }) => listCombinations(ctx.deps.db, ctx.scope.restaurantId)),
  create: restaurantProcedure('manager')
    .input(ZCombinationCreateInput)
    .output(ZCombination)
    .mutation(({ ctx, input }) => createCombination(ctx.deps, ctx.scope, input)),
  update: restaurantProcedure('manager')
    .input(ZCombinationUpdateInput)
    .output(ZCombination)
    .mutation(({ ctx, input }) => updateCombination(ctx.deps, ctx.scope, input)),
  delete: restaurantProcedure('manager')
    .input(ZTableIdInput)
    .output(ok)
    .mutation(({ ctx, input }) => deleteCombination(ctx.deps, ctx.scope, input.id)),
});

/** Tables, the floor plan, combinations for large parties and blocks. */
export const tablesRouter = router({
  list: restaurantProcedure('staff')
    .input(ZTablesListInput)
    .output(ZTablesList)
    .query(({ ctx, input }) => listTables(ctx.deps, ctx.scope, input.includeInactive)),
  get: restaurantProcedure('staff')
    .input(ZTableIdInput)
    .output(ZTableDetails)
    .query(({ ctx, input }) => getTable(ctx.deps, ctx.scope, input.id)),
  create: restaurantProcedure('manager')
    .input(ZTableCreateInput)
    .output(ZTable)
    .mutation(({ ctx, input }) => createTable(ctx.deps, ctx.scope, input)),
  update: restaurantProcedure('manager')
    .input(ZTableUpdateInput)
    .output(ZTable)
    .mutation(({ ctx, input }) => updateTable(ctx.deps, ctx.scope, input)),
  deactivate: restaurantProcedure('manager')
    .input(ZTableIdInput)
    .output(ZTable)
    .mutation(({ ctx, input }) => setTableActive(ctx.deps, ctx.scope, input.id, false)),
  reactivate: restaurantProcedure('manager')
    .input(ZTableIdInput)
    .output(ZTable)
    .mutation(({ ctx, input }) => setTableActive(ctx.deps, ctx.scope, input.id, true)),
  reorder: restaurantProcedure('manager')
    .input(ZTablesReorderInput)
    .output(ok)
    .mutation(({ ctx, input }) => reorderTables(ctx.deps, ctx.scope, input.ids)),
  renameSection: restaurantProcedure('manager')
    .input(ZSectionRenameInput)
    .output(z.object({ updated: z.number() }))
    .mutation(({ ctx, input }) => renameSection(ctx.deps, ctx.scope, input)),
  savePositions: restaurantProcedure('manager')
    .input(ZPositionsInput)
    .output(ok)
    .mutation(({ ctx, input }) => savePositions(ctx.deps, ctx.scope, input.positions)),
  setFloor: restaurantProcedure('manager')
    .input(ZFloor)
    .output(ZFloor)
    .mutation(({ ctx, input }) => setFloor(ctx.deps, ctx.scope, input)),
  combinations: combinationsRouter,
  /** Staff block tables for maintenance or private use; the constraint keeps bookings off them. */
  block: restaurantProcedure('staff')
    .input(ZBlockInput)
    .output(ZBlock)
    .mutation(({ ctx, input }) => blockTables(ctx.deps, ctx.scope, input)),
  unblock: restaurantProcedure('staff')
    .input(ZUnblockInput)
    .output(ZBlock)
    .mutation(({ ctx, input }) => unblockTables(ctx.deps, ctx.scope, input.blockId)),
  blocks: restaurantProcedure('staff')
    .input(ZBlocksListInput)
    .output(z.array(ZBlock))
    .query(({ ctx, input }) => listBlocks(ctx.deps, ctx.scope, input)),
  history: restaurantProcedure('staff')
    .input(ZTableHistoryInput)
    .output(ZTableHistory)
    .query(({ ctx, input }) => tableHistory(ctx.deps, ctx.scope, input)),
  utilisation: restaurantProcedure('manager')
    .input(ZUtilisationInput)
    .output(ZUtilisation)
    .query(({ ctx, input }) => tableUtilisation(ctx.deps, ctx.scope, input)),
});
