import type { ApplicationFunction } from "probot";
import { createApp } from "./create-app.js";
import { createDefaultDeps, readLesson } from "./default-deps.js";
import { createDashboardHandler } from "../dashboard/create-dashboard-handler.js";
import type { HistoryStore } from "../storage/history-store.js";
import { openHistory } from "../storage/open-history.js";

/**
 * Apprentice as a Probot app (`probot run`), with the real engine and renderers: one history store,
 * opened when the app loads, records the reviews and serves the dashboard, as `start-process.ts` does.
 */
export function probotApp(
  open: () => Promise<HistoryStore> = () => openHistory(process.env),
  env: NodeJS.ProcessEnv = process.env,
): ApplicationFunction {
  return async (app, options) => {
    const history = await open();
    options.addHandler(createDashboardHandler({ env, db: async () => history.db, readLesson }));
    createApp(createDefaultDeps(history))(app, options);
  };
}

const apprenticeApp: ApplicationFunction = probotApp();

export default apprenticeApp;
export { createApp } from "./create-app.js";
