import { router } from '../trpc/init';
import { authRouter } from './auth';
import { availabilityRouter } from './availability';
import { bookingsRouter } from './bookings';
import { eventsRouter } from './events';
import { guestsRouter } from './guests';
import { restaurantRouter } from './restaurant';
import { tablesRouter } from './tables';

export const appRouter = router({
  auth: authRouter,
  restaurant: restaurantRouter,
  tables: tablesRouter,
  availability: availabilityRouter,
  bookings: bookingsRouter,
  guests: guestsRouter,
  events: eventsRouter,
});

export type AppRouter = typeof appRouter;
