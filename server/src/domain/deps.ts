import type { Database, DbHandle } from '@tobeout/db';
import type { TEventActor, TRole } from '@tobeout/shared';
import type { EventPublisher } from '../events/bus';

/** What every domain operation needs: the database and where to announce committed events. */
export type Deps = {
  db: Database;
  dbKind: DbHandle['kind'];
  publisher: EventPublisher;
};

/** Who acts, for which restaurant — always taken from the session or token, never from input. */
export type Scope = {
  restaurantId: string;
  role: TRole;
  actor: TEventActor;
};
