export * as schema from '../schema/index';
export * from '../schema/index';
export { type CreateDbOptions, createDb, type DbHandle, type DbKind } from './create-db';
export { pgConstraint, pgErrorCode } from './errors';
export { DataDirLockedError } from './lock';
export { queryRows } from './rows';
export type { Database, DbOrTx, Tx } from './types';
