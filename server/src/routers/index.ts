import { router } from '../trpc/init';
import { authRouter } from './auth';
import { eventsRouter } from './events';
import { restaurantRouter } from './restaurant';
import { tablesRouter } from './tables';

export const appRouter = router({
  auth: authRouter,
  restaurant: restaurantRouter,
  tables: tablesRouter,
  events: eventsRouter,
});

export type AppRouter = typeof appRouter;
