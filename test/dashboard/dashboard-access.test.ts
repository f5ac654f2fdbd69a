import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Browserless,
  COHORT_INSTALLATION,
  SOLO_INSTALLATION,
  startDashboard,
  type RunningDashboard,
} from "./dashboard-fixture.js";

let dashboard: RunningDashboard;
const cohort = `/dashboard/installations/${COHORT_INSTALLATION}`;
const adaPage = `${cohort}/learners/ada`;
const gracePage = `${cohort}/learners/grace`;

beforeAll(async () => {
  dashboard = await startDashboard({ learners: 6, pulls: 12, findingsPerPull: 6 });
}, 60_000);
afterAll(async () => dashboard?.close());

describe("dashboard sign-in", () => {
  it("sends a signed-out visitor to sign in, and back to the page they asked for", async () => {
    const client = new Browserless(dashboard.url);
    const first = await client.get(cohort, { follow: false });
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/dashboard/login?next=${encodeURIComponent(cohort)}`);
    const signIn = await client.get(first.location!);
    expect(signIn.text).toContain("Sign in with GitHub");
    const page = await client.signIn(dashboard.fake, "mentor", cohort);
    expect(page.url).toBe(`${dashboard.url}${cohort}`);
    expect(page.status).toBe(200);
    expect(dashboard.fake.violations).toEqual([]);
  });

  it("sets a signed, HttpOnly, SameSite=Lax session cookie that keeps no GitHub token", async () => {
    const client = new Browserless(dashboard.url);
    await client.signIn(dashboard.fake, "mentor");
    const session = client.setCookieHeaders.filter((header) => header.startsWith("apprentice_session=")).at(-1)!;
    expect(session).toMatch(/httponly/i);
    expect(session).toMatch(/samesite=lax/i);
    expect(client.cookies.has("apprentice_session.sig")).toBe(true);
    const decoded = Buffer.from(client.cookies.get("apprentice_session")!, "base64").toString("utf8");
    expect(decoded).toContain('"login":"mentor"');
    expect(decoded).not.toMatch(/ghu_/);
  });

  it("rejects a callback whose state is not the one this browser started", async () => {
    const client = new Browserless(dashboard.url);
    dashboard.fake.oauth.signedInAs = "mentor";
    const toGitHub = await client.get("/dashboard/login/github", { follow: false });
    const authorize = new URL(toGitHub.location!);
    expect(authorize.origin).toBe(dashboard.fake.url);
    expect(authorize.pathname).toBe("/login/oauth/authorize");
    expect(authorize.searchParams.get("client_id")).toBe("Iv1.dashboardtest");
    const back = await fetch(authorize, { redirect: "manual" });
    const callback = new URL(back.headers.get("location")!);
    callback.searchParams.set("state", "forged-state");
    const answer = await client.get(callback.pathname + callback.search);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("OAuth state");
    expect((await client.get(cohort, { follow: false })).status).toBe(302);
  });

  it("treats a tampered session cookie as signed out", async () => {
    const client = new Browserless(dashboard.url);
    await client.signIn(dashboard.fake, "visitor");
    const forged = Buffer.from(
      JSON.stringify({ viewer: { login: "visitor", id: 91, owns: [{ id: COHORT_INSTALLATION, account: "cohort" }] } }),
    ).toString("base64");
    client.cookies.set("apprentice_session", forged);
    expect((await client.get(cohort, { follow: false })).status).toBe(302);
  });

  it("signs out with a POST", async () => {
    const client = new Browserless(dashboard.url);
    await client.signIn(dashboard.fake, "mentor");
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const out = await fetch(`${dashboard.url}/dashboard/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie },
    });
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie().join(";")).toMatch(/apprentice_session=;/);
  });
});

describe("who sees what", () => {
  it("an organisation owner sees the cohort and every learner's page", async () => {
    const client = new Browserless(dashboard.url);
    await client.signIn(dashboard.fake, "mentor");
    const page = await client.get(cohort);
    expect(page.status).toBe(200);
    expect(page.text).toContain("cohort: cohort");
    expect(page.text).toContain(`href="${adaPage}"`);
    expect((await client.get(gracePage)).status).toBe(200);
    expect((await client.get("/dashboard")).text).toContain(`href="${cohort}"`);
  });

  it("the owner of a user installation sees that cohort, and not another", async () => {
    const client = new Browserless(dashboard.url);
    await client.signIn(dashboard.fake, "solo");
    expect((await client.get(`/dashboard/installations/${SOLO_INSTALLATION}`)).status).toBe(200);
    expect((await client.get(cohort)).status).toBe(404);
  });

  it("a learner sees only their own page", async () => {
    const client = new Browserless(dashboard.url);
    await client.signIn(dashboard.fake, "ada");
    const own = await client.get(adaPage);
    expect(own.status).toBe(200);
    expect(own.text).toContain("Criterion scores over time");
    expect(own.text).not.toContain("Back to the cohort");
    expect((await client.get(`${cohort}/learners/ADA`)).status).toBe(200);
    expect((await client.get(gracePage)).status).toBe(404);
    expect((await client.get(cohort)).status).toBe(404);
    expect((await client.get("/dashboard")).text).toContain(`href="${adaPage}"`);
  });

  it("a member who is neither owner nor that learner gets 404 everywhere", async () => {
    const client = new Browserless(dashboard.url);
    await client.signIn(dashboard.fake, "visitor");
    for (const path of [
      cohort,
      adaPage,
      `${cohort}/learners/nobody`,
      "/dashboard/installations/999",
      "/dashboard/installations/x",
    ]) {
      const answer = await client.get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.text).not.toContain("ada");
    }
  });

  it("sends pages with a strict content security policy and no script", async () => {
    const client = new Browserless(dashboard.url);
    await client.signIn(dashboard.fake, "mentor");
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const response = await fetch(`${dashboard.url}${cohort}`, { headers: { cookie } });
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await response.text()).not.toMatch(/<script/i);
    expect(dashboard.fake.violations).toEqual([]);
  });
});
