/**
 * `npm start`: runs the App's webhook server with Probot's usual environment (APP_ID, PRIVATE_KEY or
 * PRIVATE_KEY_PATH, WEBHOOK_SECRET, optional GHE_HOST/GHE_PROTOCOL, PORT, LOG_LEVEL; a `.env` file is
 * read). Probot verifies every webhook signature (a bad one gets 400) and paces, throttles and
 * retries GitHub requests. The App never runs a pull request's code: it reads files as text.
 *
 * The review history opens first (DATABASE_URL, else embedded PGlite in APPRENTICE_DATA_DIR): a
 * setting it cannot honour stops the server with one line saying why.
 */
import { run } from "probot";
import { HistoryConfigError, openHistory } from "../storage/open-history.js";
import { apprenticeOctokit } from "./apprentice-octokit.js";
import { createApp } from "./create-app.js";
import { createDefaultDeps } from "./default-deps.js";

let history;
try {
  history = await openHistory();
} catch (error) {
  const reason = error instanceof HistoryConfigError ? error.message : `could not open the review history: ${error instanceof Error ? error.message : String(error)}`;
  console.error(`apprentice: ${reason}`);
  process.exit(1);
}
await run(createApp(createDefaultDeps(history)), { Octokit: apprenticeOctokit() });
