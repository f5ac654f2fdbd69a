/**
 * `npm start`: runs the App's webhook server with Probot's usual environment (APP_ID, PRIVATE_KEY or
 * PRIVATE_KEY_PATH, WEBHOOK_SECRET, optional GHE_HOST/GHE_PROTOCOL, PORT, LOG_LEVEL; a `.env` file is
 * read). Probot verifies every webhook signature (a bad one gets 400) and paces, throttles and
 * retries GitHub requests. The App never runs a pull request's code: it reads files as text.
 */
import { run } from "probot";
import { apprenticeOctokit } from "./apprentice-octokit.js";
import apprenticeApp from "./index.js";

await run(apprenticeApp, { Octokit: apprenticeOctokit() });
