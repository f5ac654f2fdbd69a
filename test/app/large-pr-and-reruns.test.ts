import { afterEach, describe, expect, it } from "vitest";
import { deliverPullRequest } from "./support/deliver.js";
import {
  deliveryId,
  examplePayload,
  INSTALLATION_ID,
  OWNER,
  pullRequestPayload,
  REPO,
  startHarness,
  type Harness,
} from "./support/harness.js";
import { BUGGY_TODOS, CLEAN_USERS } from "./support/learner-code.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("large pull requests", () => {
  it("reviews the most relevant files, concludes neutral and says what was left out", async () => {
    harness = await startHarness({ files: { ".github/apprentice.yml": "maxFiles: 2\n", "README.md": "# Todo API\n" } });
    harness.fake.push(OWNER, REPO, 1, {
      "src/todos.js": BUGGY_TODOS,
      "test/todos.test.js": "import { findTodo } from '../src/todos.js';\n",
      "docs/notes.md": "Some notes\n",
      "package-lock.json": "{}\n",
    });
    await deliverPullRequest(harness, "opened");
    const repo = harness.fake.repo(OWNER, REPO);
    const run = repo.checkRuns[0]!;
    expect(run.conclusion).toBe("failure");
    expect(run.output!.summary).toContain("Reviewed partly");
    expect(run.output!.summary).toContain("`docs/notes.md`");
    expect(run.output!.summary).toContain("`package-lock.json`");
    expect(repo.issueComments[0]!.body).toContain("Reviewed partly");
    expect(harness.fake.violations).toEqual([]);
  });

  it("a partial review with nothing wrong is neutral, never a silent green", async () => {
    harness = await startHarness({ files: { ".github/apprentice.yml": "maxFiles: 1\n", "README.md": "# Todo API\n" } });
    harness.fake.push(OWNER, REPO, 1, { "src/users.js": CLEAN_USERS, "docs/notes.md": "Some notes\n" });
    await deliverPullRequest(harness, "opened");
    expect(harness.fake.repo(OWNER, REPO).checkRuns[0]).toMatchObject({ conclusion: "neutral" });
  });

  it("fetches contents in batched GraphQL queries, not one request per file", async () => {
    harness = await startHarness();
    const files: Record<string, string> = {};
    for (let index = 0; index < 120; index += 1)
      files[`src/module-${index}.js`] = `export const value${index} = ${index};\n`;
    harness.fake.push(OWNER, REPO, 1, files);
    await deliverPullRequest(harness, "opened");
    const routes = harness.fake.calls.map((call) => call.route);
    expect(routes.filter((route) => route === "GET /repos/{owner}/{repo}/pulls/{pull_number}/files")).toHaveLength(2);
    expect(routes.filter((route) => route === "POST /graphql")).toHaveLength(2);
    expect(harness.fake.violations).toEqual([]);
  });
});

describe("re-runs, superseding pushes and forks", () => {
  it("check_run rerequested reviews the pull request again", async () => {
    harness = await startHarness();
    const pull = harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const payload = examplePayload("check_run", "rerequested");
    Object.assign(payload.repository as object, { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER } });
    payload.installation = { id: INSTALLATION_ID, node_id: "x" };
    (payload.check_run as { pull_requests: unknown[] }).pull_requests = [
      {
        number: 1,
        id: 1,
        url: "",
        head: { sha: pull.headSha, ref: "feature-1", repo: null },
        base: { sha: pull.baseSha, ref: "main", repo: null },
      },
    ];
    await harness.probot.receive({ id: deliveryId(), name: "check_run", payload } as never);
    expect(harness.outcomes).toEqual(["published"]);
    expect(harness.fake.repo(OWNER, REPO).checkRuns[0]).toMatchObject({ headSha: pull.headSha, status: "completed" });
  });

  it("check_suite rerequested reviews every pull request of the suite", async () => {
    harness = await startHarness();
    const pull = harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const payload = examplePayload("check_suite", "rerequested");
    Object.assign(payload.repository as object, { name: REPO, full_name: `${OWNER}/${REPO}`, owner: { login: OWNER } });
    payload.installation = { id: INSTALLATION_ID, node_id: "x" };
    (payload.check_suite as { pull_requests: unknown[] }).pull_requests = [
      {
        number: 1,
        id: 1,
        url: "",
        head: { sha: pull.headSha, ref: "feature-1", repo: null },
        base: { sha: pull.baseSha, ref: "main", repo: null },
      },
    ];
    await harness.probot.receive({ id: deliveryId(), name: "check_suite", payload } as never);
    expect(harness.outcomes).toEqual(["published"]);
    expect(harness.fake.repo(OWNER, REPO).reviewComments).toHaveLength(3);
  });

  it("a newer push supersedes the running review; the older result is never published over it", async () => {
    harness = await startHarness();
    const { fake } = harness;
    const first = fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const firstPayload = pullRequestPayload("opened", first);
    const second = fake.push(OWNER, REPO, 1, { "src/todos.js": CLEAN_USERS });
    const secondPayload = pullRequestPayload("synchronize", second);
    await Promise.all([
      harness.probot.receive({ id: deliveryId(), name: "pull_request", payload: firstPayload } as never),
      harness.probot.receive({ id: deliveryId(), name: "pull_request", payload: secondPayload } as never),
    ]);
    const repo = fake.repo(OWNER, REPO);
    expect(harness.outcomes).toEqual(["published"]);
    expect(repo.checkRuns.map((run) => run.headSha)).toEqual([second.headSha]);
    expect(repo.reviews).toHaveLength(0);
    expect(repo.issueComments).toHaveLength(1);
    expect(repo.issueComments[0]!.body).toContain(second.headSha.slice(0, 7));
  });

  it("a pull request from a fork is reviewed from the base repository by head SHA", async () => {
    harness = await startHarness();
    const pull = harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const payload = pullRequestPayload("opened", pull);
    const head = (payload.pull_request as { head: { repo: Record<string, unknown>; label: string } }).head;
    head.repo = {
      ...head.repo,
      name: "todo-api",
      full_name: "contributor/todo-api",
      fork: true,
      owner: { login: "contributor" },
    };
    head.label = "contributor:feature-1";
    await harness.probot.receive({ id: deliveryId(), name: "pull_request", payload } as never);
    expect(harness.outcomes).toEqual(["published"]);
    expect(harness.fake.repo(OWNER, REPO).reviewComments).toHaveLength(3);
    expect(harness.fake.calls.every((call) => !call.path.includes("contributor"))).toBe(true);
  });
});

describe("test files for the tests checks", () => {
  it("unchanged test files are fetched in the same GraphQL batch as the changed files", async () => {
    harness = await startHarness({
      files: {
        "README.md": "# Todo API\n",
        "test/todos.test.js": "test('finds', () => {});\n",
        "src/app.js": "export const app = 1;\n",
      },
    });
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliverPullRequest(harness, "opened");
    const graphql = harness.fake.calls.filter((call) => call.route === "POST /graphql");
    expect(graphql).toHaveLength(1);
    const variables = Object.values((graphql[0]!.body as { variables: Record<string, unknown> }).variables);
    expect(variables.filter((value) => typeof value === "string" && value.includes(":"))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/:src\/todos\.js$/),
        expect.stringMatching(/:test\/todos\.test\.js$/),
      ]),
    );
  });
});

describe("a push while a review is running", () => {
  it("aborts the running review's reads, ends its check run as superseded, and publishes only the newer review", async () => {
    harness = await startHarness();
    const { fake } = harness;
    const first = fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const held = fake.hold("POST /graphql");
    const firstRun = harness.probot.receive({
      id: deliveryId(),
      name: "pull_request",
      payload: pullRequestPayload("opened", first),
    } as never);
    await held.reached;
    const second = fake.push(OWNER, REPO, 1, { "src/todos.js": CLEAN_USERS });
    const secondRun = harness.probot.receive({
      id: deliveryId(),
      name: "pull_request",
      payload: pullRequestPayload("synchronize", second),
    } as never);
    await firstRun;
    held.release();
    await secondRun;

    const repo = fake.repo(OWNER, REPO);
    expect(harness.outcomes).toEqual(["superseded", "published"]);
    expect(repo.checkRuns.map((run) => [run.headSha, run.status, run.conclusion, run.output?.title])).toEqual([
      [first.headSha, "completed", "neutral", "Superseded by a newer push"],
      [second.headSha, "completed", "success", expect.any(String)],
    ]);
    expect(repo.reviews).toHaveLength(0);
    expect(repo.issueComments).toHaveLength(1);
    expect(repo.issueComments[0]!.body).toContain(second.headSha.slice(0, 7));
    expect(fake.violations).toEqual([]);
  });
});
