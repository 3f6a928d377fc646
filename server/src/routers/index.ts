import { router } from '../trpc/init';
import { authRouter } from './auth';
import { eventsRouter } from './events';
import { restaurantRouter } from './restaurant';

export const appRouter = router({
  auth: authRouter,
  restaurant: restaurantRouter,
  events: eventsRouter,
});

export type AppRouter = typeof appRouter;
