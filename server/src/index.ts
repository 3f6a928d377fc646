export { createTobeoutClient, type TobeoutClient, type TobeoutClientOptions } from './client';
export type { AppRouter } from './routers';
