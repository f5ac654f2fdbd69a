import { randomBytes, timingSafeEqual } from "node:crypto";
import cookieSession from "cookie-session";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { canSeeCohort, canSeeLearner } from "./access-rules.js";
import type { DashboardConfig } from "./dashboard-config.js";
import { cohortView, learnerInstallations, learnerView } from "./dashboard-queries.js";
import { fetchViewer, type Viewer } from "./fetch-viewer.js";
import { authorizeUrl, exchangeCode } from "./github-oauth.js";
import type { SqlQuery } from "../storage/sql-client.js";
import { cohortPage } from "./render/cohort-page.js";
import { DASHBOARD_CSS } from "./render/dashboard-css.js";
import { homePage, messagePage, signInPage } from "./render/simple-pages.js";
import { learnerPage } from "./render/learner-page.js";
import { lessonPage, lessonTitle } from "./render/lesson-page.js";

export interface DashboardDeps {
  /** The dashboard's settings, or why it cannot run (shown on every page, status 503). */
  config: DashboardConfig | string;
  /** The history database (reviews, review_criteria, findings). */
  db: SqlQuery;
  /** Lesson Markdown of a check, or undefined. */
  readLesson: (ruleId: string) => string | undefined;
  now?: () => Date;
}

interface Session {
  viewer?: Viewer;
  oauth?: { state: string; next: string };
}

const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy":
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cache-control": "no-store",
};

/**
 * The dashboard's routes under /dashboard. Sign-in is GitHub's OAuth web flow; the session is a signed
 * cookie (cookie-session: HttpOnly, SameSite=Lax, Secure behind HTTPS) holding who signed in and the
 * installations they own, decided at sign-in, never the GitHub token. Whatever a viewer may not see
 * answers 404, the same as what does not exist.
 */
export function createDashboardRouter(deps: DashboardDeps): Router {
  const router = express.Router();
  const now = deps.now ?? (() => new Date());
  router.use((_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });
  router.get("/dashboard/assets/dashboard.css", (_req, res) => {
    res.set("cache-control", "public, max-age=3600").type("text/css").send(DASHBOARD_CSS);
  });
  const config = deps.config;
  if (typeof config === "string") {
    router.use("/dashboard", (_req, res) => {
      res.status(503).type("html").send(messagePage("Dashboard not configured", config));
    });
    return router;
  }
  router.use(
    "/dashboard",
    cookieSession({
      name: "apprentice_session",
      keys: config.sessionKeys,
      httpOnly: true,
      sameSite: "lax",
      secure: (config.publicUrl ?? "").startsWith("https:"),
      maxAge: config.sessionMaxAgeMs,
      path: "/dashboard",
    }),
  );
  const session = (req: Request): Session => (req.session ?? {}) as Session;
  const callbackUrl = (req: Request): string =>
    `${config.publicUrl ?? `${req.protocol}://${req.get("host")}`}/dashboard/callback`;
  const requireViewer = (req: Request, res: Response, next: NextFunction): void => {
    if (session(req).viewer) return next();
    res.redirect(302, `/dashboard/login?next=${encodeURIComponent(req.originalUrl)}`);
  };
  const notFound = (res: Response, viewer?: Viewer): void => {
    res
      .status(404)
      .type("html")
      .send(messagePage("Not found", "There is nothing here for you, or nothing at all.", viewer?.login));
  };

  router.get("/dashboard/login", (req, res) => {
    const next = safeNext(req.query.next);
    res.type("html").send(signInPage(`/dashboard/login/github?next=${encodeURIComponent(next)}`));
  });
  router.get("/dashboard/login/github", (req, res) => {
    const state = randomBytes(24).toString("base64url");
    req.session = { oauth: { state, next: safeNext(req.query.next) } } satisfies Session;
    res.redirect(302, authorizeUrl(config, callbackUrl(req), state));
  });
  router.get("/dashboard/callback", async (req, res, next) => {
    try {
      const pending = session(req).oauth;
      const state = typeof req.query.state === "string" ? req.query.state : "";
      const code = typeof req.query.code === "string" ? req.query.code : "";
      if (!pending || !sameText(state, pending.state) || code === "") {
        req.session = null;
        res
          .status(400)
          .type("html")
          .send(
            messagePage(
              "Sign-in failed",
              "The sign-in did not match the one this browser started (the OAuth state differs). Start again from the dashboard.",
            ),
          );
        return;
      }
      const token = await exchangeCode(config, code, callbackUrl(req));
      const viewer = await fetchViewer(config, token);
      req.session = { viewer } satisfies Session;
      res.redirect(302, pending.next);
    } catch (error) {
      next(error);
    }
  });
  router.post("/dashboard/logout", (req, res) => {
    req.session = null;
    res.redirect(303, "/dashboard/login");
  });
  router.get("/dashboard/lessons/:ruleId", requireViewer, (req, res) => {
    const markdown = deps.readLesson(String(req.params.ruleId));
    if (!markdown) return notFound(res, session(req).viewer);
    res.type("html").send(lessonPage(String(req.params.ruleId), markdown, session(req).viewer!.login));
  });
  router.get("/dashboard", requireViewer, async (req, res, next) => {
    try {
      const viewer = session(req).viewer!;
      const own = await learnerInstallations(deps.db, viewer.id);
      res.type("html").send(homePage(viewer, own));
    } catch (error) {
      next(error);
    }
  });
  router.get("/dashboard/installations/:installationId", requireViewer, async (req, res, next) => {
    try {
      const viewer = session(req).viewer!;
      const installationId = Number(req.params.installationId);
      const owned = viewer.owns.find((candidate) => candidate.id === installationId);
      if (!Number.isSafeInteger(installationId) || !owned || !canSeeCohort(viewer, installationId))
        return notFound(res, viewer);
      res
        .type("html")
        .send(cohortPage(await cohortView(deps.db, installationId, owned.account, now()), viewer.login, now()));
    } catch (error) {
      next(error);
    }
  });
  router.get("/dashboard/installations/:installationId/learners/:login", requireViewer, async (req, res, next) => {
    try {
      const viewer = session(req).viewer!;
      const installationId = Number(req.params.installationId);
      if (!Number.isSafeInteger(installationId)) return notFound(res, viewer);
      const view = await learnerView(deps.db, installationId, String(req.params.login), (ruleId) =>
        lessonTitle(ruleId, deps.readLesson(ruleId)),
      );
      if (!view || !canSeeLearner(viewer, installationId, view.authorId)) return notFound(res, viewer);
      const cohortHref = canSeeCohort(viewer, installationId)
        ? `/dashboard/installations/${installationId}`
        : undefined;
      res.type("html").send(learnerPage(view, viewer.login, cohortHref ? { cohortHref } : {}));
    } catch (error) {
      next(error);
    }
  });
  router.use("/dashboard", (req, res) => notFound(res, session(req).viewer));
  router.use("/dashboard", (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const message = error instanceof Error ? error.message : "unexpected error";
    res.status(502).type("html").send(messagePage("Something went wrong", message));
  });
  return router;
}

/** Only a path inside the dashboard is a place to return to after sign-in (no open redirect). */
function safeNext(wanted: unknown): string {
  return typeof wanted === "string" && /^\/dashboard(\/|\?|$)/.test(wanted) && !/[\\]|\/\//.test(wanted)
    ? wanted
    : "/dashboard";
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
