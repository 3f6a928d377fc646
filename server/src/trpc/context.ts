import { type AppLucia, serializeSessionCookie } from '../auth/lucia';
import { type Principal, resolvePrincipal } from '../auth/principal';
import type { Deps } from '../domain/deps';
import type { EventHub } from '../events/hub';

/** Long-lived services, built once per process and shared by every request. */
export type AppServices = {
  deps: Deps;
  lucia: AppLucia;
  hub: EventHub;
  /** Origins (besides the request's own host) allowed to send cookie-authenticated mutations. */
  allowedOrigins: string[];
};

/** What the transport tells us about one request. */
export type RequestInfo = {
  ip: string;
  /** Origin header (or null). */
  origin: string | null;
  /** Host the request was addressed to (Host / X-Forwarded-Host). */
  host: string | null;
  /** True when the client reached us over HTTPS (directly or through a trusted proxy). */
  secure: boolean;
  authorization?: string | undefined;
  cookie?: string | undefined;
  setCookie(value: string): void;
};

export type Context = AppServices & {
  req: RequestInfo;
  principal: Principal | null;
  authFailure: 'SESSION_EXPIRED' | 'INVALID_TOKEN' | null;
};

export async function createContext(services: AppServices, req: RequestInfo): Promise<Context> {
  const auth = await resolvePrincipal(
    services.deps.db,
    services.lucia,
    { authorization: req.authorization, cookie: req.cookie },
    services.deps.tokens,
  );
  if (auth.setCookie) req.setCookie(serializeSessionCookie(auth.setCookie.cookie, req.secure));
  return { ...services, req, principal: auth.principal, authFailure: auth.failure };
}
