import type { Database, DbHandle } from '@tobeout/db';
import type { TEventActor, TRole } from '@tobeout/shared';
import type { TokenCache } from '../auth/token-cache';
import type { EventPublisher } from '../events/bus';
import type { DayCache } from './availability/day-cache';

/** What every domain operation needs: the database and where to announce committed events. */
export type Deps = {
  db: Database;
  dbKind: DbHandle['kind'];
  publisher: EventPublisher;
  /** Loaded days for availability reads (absent: always read from the database). */
  days?: DayCache;
  /** Valid API tokens remembered for a moment (absent: read on every call). */
  tokens?: TokenCache;
};

/** Who acts, for which restaurant — always taken from the session or token, never from input. */
export type Scope = {
  restaurantId: string;
  role: TRole;
  actor: TEventActor;
};
