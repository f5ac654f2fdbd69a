/**
 * `npm start`: the webhook server and review workers in one process (Probot's environment: APP_ID,
 * PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, optional GHE_HOST/GHE_PROTOCOL; plus REDIS_URL, PORT,
 * HOST; see docs/github-app.md). The webhook handler verifies the signature, deduplicates, enqueues
 * and answers 202; reviews run in the workers, the engine in a worker thread. The App never runs a
 * pull request's code: it reads files as text.
 */
import { startProcess } from "./start-process.js";

await startProcess({ webhooks: true });
