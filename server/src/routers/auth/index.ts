import { router } from '../../trpc/init';
import { login } from './login';
import { logout } from './logout';
import { me } from './me';
import { switchRestaurant } from './switch-restaurant';

export const authRouter = router({ login, logout, me, switchRestaurant });
