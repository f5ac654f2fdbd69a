/**
 * Writes docs/dashboard-cohort.png and docs/dashboard-learner.png: the dashboard on a seeded cohort
 * (the test fixture: fake GitHub, in-memory PGlite), signed in as the organisation's owner, in Debian's
 * chromium. Run with `npx tsx scripts/dashboard-screenshots.ts`.
 */
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { COHORT_INSTALLATION, startDashboard } from "../test/dashboard/dashboard-fixture.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH, NO_CHROMIUM } from "../test/dashboard/find-chromium.js";

if (!CHROMIUM_PATH) {
  console.error(NO_CHROMIUM);
  process.exit(1);
}
const docs = resolve(import.meta.dirname, "../docs");
const dashboard = await startDashboard(
  { learners: 14, pulls: 24, findingsPerPull: 6 },
  new Date("2026-11-30T12:00:00Z"),
);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  dashboard.fake.oauth.signedInAs = "mentor";
  await page.goto(`${dashboard.url}/dashboard/login/github?next=/dashboard/installations/${COHORT_INSTALLATION}`);
  await page.screenshot({ path: resolve(docs, "dashboard-cohort.png"), fullPage: true });
  await page.goto(`${dashboard.url}/dashboard/installations/${COHORT_INSTALLATION}/learners/ada`);
  await page.screenshot({ path: resolve(docs, "dashboard-learner.png"), fullPage: true });
  console.log("wrote docs/dashboard-cohort.png and docs/dashboard-learner.png");
} finally {
  await browser.close();
  await dashboard.close();
}
