import type { Express } from "express";
import helmet from "helmet";
import type { TrustProxy } from "./trust-proxy.js";

export interface HardeningOptions {
  /** From `TRUST_PROXY`; false (the default) trusts no proxy. */
  trustProxy: TrustProxy;
}

/**
 * The settings every app starts with: no `X-Powered-By`, helmet's security headers (nosniff,
 * HSTS, a strict Content-Security-Policy and the rest), and `trust proxy` only as configured.
 */
export function hardenApp(app: Express, { trustProxy }: HardeningOptions): void {
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
  app.use(helmet());
}
