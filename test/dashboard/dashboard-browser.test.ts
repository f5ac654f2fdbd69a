import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COHORT_INSTALLATION, startDashboard, type RunningDashboard } from "./dashboard-fixture.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH, NO_CHROMIUM } from "./find-chromium.js";

if (!CHROMIUM_PATH) console.warn(NO_CHROMIUM);

describe.skipIf(!CHROMIUM_PATH)("dashboard in a real browser (chromium)", () => {
  let dashboard: RunningDashboard;
  let browser: Browser;

  beforeAll(async () => {
    dashboard = await startDashboard({ learners: 8, pulls: 14, findingsPerPull: 8 });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH!, args: CHROMIUM_ARGS });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
  });

  it("signs an owner in through GitHub's OAuth flow, without JavaScript, and shows the cohort", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    dashboard.fake.oauth.signedInAs = "mentor";
    await page.goto(`${dashboard.url}/dashboard/installations/${COHORT_INSTALLATION}`);
    await page.getByRole("link", { name: "Sign in with GitHub" }).click();
    await expect.poll(() => page.url()).toBe(`${dashboard.url}/dashboard/installations/${COHORT_INSTALLATION}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("cohort: cohort");
    expect(await page.getByRole("heading", { name: "The cohort's 10 most frequent checks" }).isVisible()).toBe(true);
    expect(await page.locator("svg[role=img][aria-label]").count()).toBeGreaterThan(0);
    expect(await page.locator("table.heat tbody tr").count()).toBe(8);
    const cookie = (await context.cookies()).find((candidate) => candidate.name === "apprentice_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    await page.getByRole("link", { name: "ada", exact: true }).first().click();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("ada");
    const chart = page.getByRole("img", { name: /ada's criterion scores per pull request/ });
    expect(await chart.isVisible()).toBe(true);
    await page.getByText("Scores as a table").click();
    expect(await page.locator("details table tbody tr").count()).toBe(14);
    await page.getByRole("button", { name: "Sign out" }).click();
    expect(page.url()).toContain("/dashboard/login");
    await context.close();
    expect(dashboard.fake.violations).toEqual([]);
  });

  it("shows a learner only their own page and a 404 for another's", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    dashboard.fake.oauth.signedInAs = "grace";
    await page.goto(`${dashboard.url}/dashboard/login`);
    await page.getByRole("link", { name: "Sign in with GitHub" }).click();
    await page.getByRole("link", { name: /Your progress/ }).click();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("grace");
    const other = await page.goto(`${dashboard.url}/dashboard/installations/${COHORT_INSTALLATION}/learners/ada`);
    expect(other?.status()).toBe(404);
    await context.close();
  });
});
