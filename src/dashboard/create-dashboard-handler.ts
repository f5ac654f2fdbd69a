import type { IncomingMessage, ServerResponse } from "node:http";
import express from "express";
import type { ApplicationFunctionOptions } from "probot";
import type { SqlQuery } from "../storage/sql-client.js";
import { createDashboardRouter } from "./create-dashboard-router.js";
import { readDashboardConfig, type DashboardEnv } from "./dashboard-config.js";

export interface DashboardHandlerDeps {
  env: DashboardEnv;
  /** The history database, opened on the first dashboard request (the App's own HistoryStore's `db`). */
  db: () => Promise<SqlQuery>;
  readLesson: (ruleId: string) => string | undefined;
  now?: () => Date;
}

/** The dashboard as a Probot server handler: answers /dashboard and below, leaves every other path to Probot. */
export function createDashboardHandler(
  deps: DashboardHandlerDeps,
): Parameters<ApplicationFunctionOptions["addHandler"]>[0] {
  let opened: Promise<SqlQuery> | undefined;
  const db: SqlQuery = {
    query: async (text, params) => (await (opened ??= deps.db())).query(text, params),
    exec: async (text) => (await (opened ??= deps.db())).exec(text),
  };
  const app = express();
  app.disable("x-powered-by");
  if (deps.env.DASHBOARD_TRUST_PROXY === "true") app.set("trust proxy", true);
  app.use(
    createDashboardRouter({
      config: readDashboardConfig(deps.env),
      db,
      readLesson: deps.readLesson,
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (path !== "/dashboard" && !path.startsWith("/dashboard/")) return false;
    app(req as express.Request, res as express.Response);
    return true;
  };
}
