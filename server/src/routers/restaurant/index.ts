import { router } from '../../trpc/init';
import { get } from './get';
import { hoursRouter } from './hours';
import { membersRouter } from './members';
import { specialDaysRouter } from './special-days';
import { tokensRouter } from './tokens';
import { update } from './update';

export const restaurantRouter = router({
  get,
  update,
  hours: hoursRouter,
  specialDays: specialDaysRouter,
  members: membersRouter,
  tokens: tokensRouter,
});
