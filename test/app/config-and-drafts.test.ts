import { afterEach, describe, expect, it } from "vitest";
import { deliverPullRequest } from "./support/deliver.js";
import { OWNER, REPO, startHarness, type Harness } from "./support/harness.js";
import { BUGGY_TODOS } from "./support/learner-code.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const RUBRIC = `id: team-rubric
title: Team rubric
criteria:
  - id: clean-code
    title: Clean code
    levels: [{ name: fine, min: 0 }]
    checks: [{ id: eq-test }]
`;

describe("repository config (.github/apprentice.yml) and drafts", () => {
  it("an invalid config gets a completed neutral check run with a table of property path, value and expected", async () => {
    harness = await startHarness({
      files: { ".github/apprentice.yml": "maxInlineComments: lots\nfilter: everywhere\ncolour: blue\n" },
    });
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliverPullRequest(harness, "opened");
    const repo = harness.fake.repo(OWNER, REPO);
    expect(harness.outcomes).toEqual(["invalid-config"]);
    expect(repo.checkRuns).toHaveLength(1);
    expect(repo.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "neutral" });
    const summary = repo.checkRuns[0]!.output!.summary!;
    expect(summary).toContain("| Property path | Value | Expected |");
    expect(summary).toContain('| `maxInlineComments` | `"lots"` |');
    expect(summary).toContain('| `filter` | `"everywhere"` |');
    expect(summary).toContain("| `colour` | (missing) | only known properties");
    expect(repo.reviews).toHaveLength(0);
    expect(harness.fake.violations).toEqual([]);
  });

  it("YAML that does not parse is reported the same way, not a crash", async () => {
    harness = await startHarness({ files: { ".github/apprentice.yml": "rubric: [unclosed\n" } });
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliverPullRequest(harness, "opened");
    const run = harness.fake.repo(OWNER, REPO).checkRuns[0]!;
    expect(run).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(run.output!.summary).toContain("| `(root)` |");
  });

  it("a rubric path in the repository is read at the base commit and used", async () => {
    harness = await startHarness({
      files: { ".github/apprentice.yml": "rubric: rubrics/team.yml\n", "rubrics/team.yml": RUBRIC },
    });
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliverPullRequest(harness, "opened");
    const repo = harness.fake.repo(OWNER, REPO);
    expect(repo.reviewComments.map((comment) => comment.body.includes("eq-test"))).toEqual([true]);
    expect(repo.checkRuns[0]).toMatchObject({ conclusion: "success" });
    expect(harness.fake.violations).toEqual([]);
  });

  it("a rubric path that does not exist is a config error naming the rubric property", async () => {
    harness = await startHarness({ files: { ".github/apprentice.yml": "rubric: rubrics/missing.yml\n" } });
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliverPullRequest(harness, "opened");
    const run = harness.fake.repo(OWNER, REPO).checkRuns[0]!;
    expect(run).toMatchObject({ conclusion: "neutral" });
    expect(run.output!.summary).toContain('| `rubric` | `"rubrics/missing.yml"` |');
  });

  it("an invalid rubric in the repository names the rubric file and property path", async () => {
    harness = await startHarness({
      files: {
        ".github/apprentice.yml": "rubric: rubrics/team.yml\n",
        "rubrics/team.yml": RUBRIC.replace("eq-test", "no-such-check"),
      },
    });
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliverPullRequest(harness, "opened");
    const run = harness.fake.repo(OWNER, REPO).checkRuns[0]!;
    expect(run.output!.title).toContain("rubrics/team.yml");
    expect(run.output!.summary).toContain('| `criteria[0].checks[0].id` | `"no-such-check"` |');
  });

  it("drafts are skipped unless the config says drafts: true", async () => {
    harness = await startHarness();
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS }, { draft: true });
    await deliverPullRequest(harness, "opened");
    expect(harness.outcomes).toEqual(["draft-skipped"]);
    expect(harness.fake.calls.filter((call) => call.write)).toEqual([]);
    await harness.close();

    harness = await startHarness({ files: { ".github/apprentice.yml": "drafts: true\n" } });
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS }, { draft: true });
    await deliverPullRequest(harness, "opened");
    expect(harness.outcomes).toEqual(["published"]);
  });
});

describe("when the configuration cannot be loaded at all", () => {
  it("a broken built-in rubric gets a neutral check run that says it is Apprentice's problem, with no server paths", async () => {
    const { testDeps } = await import("./support/test-deps.js");
    harness = await startHarness({
      deps: testDeps({
        loadBuiltinRubric: () => {
          throw new Error("/srv/apprentice/rubrics/junior-backend.yml: criteria[1].checks: expected array");
        },
      }),
    });
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliverPullRequest(harness, "opened");
    const run = harness.fake.repo(OWNER, REPO).checkRuns[0]!;
    expect(harness.outcomes).toEqual(["failed"]);
    expect(run).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(run.output!.summary).toContain("problem in Apprentice, not in your repository");
    expect(run.output!.summary).not.toContain("/srv/");
  });

  it("GitHub failing on the config file after retries still ends in a neutral check run, not silence", async () => {
    harness = await startHarness();
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    harness.fake.fail({ route: "GET /repos/{owner}/{repo}/contents/{path}", status: 500, times: 10 });
    await deliverPullRequest(harness, "opened");
    const run = harness.fake.repo(OWNER, REPO).checkRuns[0]!;
    expect(run).toMatchObject({
      status: "completed",
      conclusion: "neutral",
      output: { title: "Could not finish the review" },
    });
  });
});
