import { router } from '../../trpc/init';
import { list } from './list';
import { stream } from './stream';

export const eventsRouter = router({ stream, list });
