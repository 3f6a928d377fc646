import { router } from '../../trpc/init';
import { list } from './list';
import { log } from './log';
import { stream } from './stream';

export const eventsRouter = router({ stream, list, log });
