import type { ApplicationFunction } from "probot";
import { createApp } from "./create-app.js";
import { createDefaultDeps, readLesson } from "./default-deps.js";
import { createDashboardHandler } from "../dashboard/create-dashboard-handler.js";
import { openHistory } from "../storage/open-history.js";

/** Apprentice as a Probot app, with the real engine and renderers. */
const apprenticeApp: ApplicationFunction = (app, options) => {
  options.addHandler(createDashboardHandler({ env: process.env, db: async () => (await openHistory()).db, readLesson }));
  return createApp(createDefaultDeps())(app, options);
};

export default apprenticeApp;
export { createApp } from "./create-app.js";
