/**
 * `npm run worker`: review workers only, on the Redis queue (`REDIS_URL`), with `/healthz`, `/readyz` and
 * `/metrics` on PORT (default 3001). Run as many as the reviews need, on any machine that reaches Redis.
 */
import { startProcess } from "./start-process.js";

await startProcess({ webhooks: false });
