import express from "express";
import { describe, expect, it } from "vitest";
import { createDashboardRouter } from "../../src/dashboard/create-dashboard-router.js";
import { readDashboardConfig } from "../../src/dashboard/dashboard-config.js";
import type { CohortView, LearnerView } from "../../src/dashboard/dashboard-views.js";
import { cohortPage, trendOf } from "../../src/dashboard/render/cohort-page.js";
import { html } from "../../src/dashboard/render/html.js";
import { learnerPage } from "../../src/dashboard/render/learner-page.js";

const evil = `<img src=x onerror="alert(1)">`;
const criteria = [{ criterion: "security", title: `Security ${evil}`, score: 4, max: 10, level: evil }];

describe("dashboard rendering", () => {
  it("escapes every interpolated value", () => {
    expect(html`<p title="${evil}">${evil}</p>`.text).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>',
    );
    const cohort: CohortView = {
      installationId: 1,
      account: evil,
      criteria: [{ criterion: "security", title: evil }],
      learners: [{ login: evil, authorId: 5, latest: criteria, pulls: 3, recurring: 1, lastActivity: new Date() }],
      weeks: [new Date()],
      topChecks: [{ ruleId: evil, total: 2, weekly: [2] }],
      heatmap: [[2]],
    };
    const learner: LearnerView = {
      installationId: 1,
      login: evil,
      authorId: 5,
      pulls: [
        {
          repository: evil,
          pullNumber: 1,
          pullUrl: `javascript:alert(1)`,
          reviewedAt: new Date(),
          conclusion: evil,
          criteria,
          findings: 1,
        },
      ],
      recurring: [
        {
          ruleId: evil,
          count: 2,
          level: evil,
          firstPull: { repository: evil, pullNumber: 1 },
          lesson: { title: evil, url: "/dashboard/lessons/x" },
        },
      ],
    };
    for (const page of [cohortPage(cohort, evil), learnerPage(learner, evil)]) {
      expect(page).not.toContain("<img");
      expect(page).not.toContain("javascript:");
      expect(page).toContain("&lt;img src=x");
    }
  });

  it("labels every chart and puts its numbers in a table", () => {
    const learner: LearnerView = {
      installationId: 1,
      login: "ada",
      authorId: 5,
      pulls: [1, 2, 3].map((n) => ({
        repository: "o/r",
        pullNumber: n,
        reviewedAt: new Date(Date.UTC(2026, 0, n)),
        conclusion: "success",
        criteria: [{ criterion: "tests", title: "Tests", score: n * 3, max: 10, level: "developing" }],
        findings: 0,
      })),
      recurring: [],
    };
    const page = learnerPage(learner, "ada");
    expect(page).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="scores-title scores-desc"/);
    expect(page).toContain("<summary>Scores as a table</summary>");
    expect(page).toContain('<td class="num">90%</td>');
  });

  it("calls a trend by comparing the newer half of the weeks with the older half", () => {
    expect(trendOf([4, 4, 4, 4, 1, 1, 1, 1])).toBe("falling");
    expect(trendOf([1, 1, 1, 1, 4, 4, 4, 4])).toBe("rising");
    expect(trendOf([3, 2, 3, 2, 2, 3, 2, 3])).toBe("steady");
    expect(trendOf([0, 0, 0, 0, 0, 0, 0, 0])).toBe("steady");
  });
});

describe("dashboard configuration", () => {
  it("follows GHE_HOST and GHE_PROTOCOL for sign-in and the API", () => {
    const config = readDashboardConfig({
      GITHUB_CLIENT_ID: "id",
      GITHUB_CLIENT_SECRET: "secret",
      GHE_HOST: "ghe.example.org",
      GHE_PROTOCOL: "http",
    });
    expect(config).toMatchObject({ webBaseUrl: "http://ghe.example.org", apiBaseUrl: "http://ghe.example.org/api/v3" });
    expect(readDashboardConfig({ GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "secret" })).toMatchObject({
      webBaseUrl: "https://github.com",
      apiBaseUrl: "https://api.github.com",
    });
  });

  it("answers 503 naming the missing settings when the OAuth client is not configured", async () => {
    const config = readDashboardConfig({});
    expect(config).toMatch(/GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET/);
    const app = express().use(
      createDashboardRouter({
        config,
        db: { query: async () => [], exec: async () => {} },
        readLesson: () => undefined,
      }),
    );
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/dashboard`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain("GITHUB_CLIENT_ID");
    } finally {
      server.close();
    }
  });
});
