import { afterEach, describe, expect, it } from "vitest";
import { createDefaultDeps, readLesson } from "../../src/app/default-deps.js";
import type { ReviewInput } from "../../src/contract/types.js";
import { commentPayload } from "./support/comment-payload.js";
import { deliverPullRequest } from "./support/deliver.js";
import { deliveryId, OWNER, REPO, startHarness, type Harness } from "./support/harness.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const ROUTE = [
  "export function getTodo(req, res) {",
  "  if (req.params.id == 1) console.log('found');",
  "  res.json({ id: req.params.id });",
  "}",
  "",
].join("\n");

// A rubric in the learner's repository naming real checks: keeps this test independent of how far the
// built-in rubric's sections are filled in on the branch under test.
const FILES = {
  ".github/apprentice.yml": "rubric: .github/rubric.yml\n",
  ".github/rubric.yml": [
    "id: class-rubric",
    "title: Class rubric",
    "criteria:",
    "  - id: clean-code",
    "    title: Clean code",
    "    levels: [{ name: proficient, min: 70 }, { name: developing, min: 0 }]",
    "    checks: [{ id: strict-equality }, { id: console-log }, { id: parse-error }]",
    "",
  ].join("\n"),
};

describe("the App with Apprentice's real checks, rubric and renderers", () => {
  it("reviews a pull request with the junior-backend rubric and posts rendered comments and summary", async () => {
    harness = await startHarness({ deps: createDefaultDeps(), files: FILES });
    harness.fake.push(OWNER, REPO, 1, { "src/routes/todos.js": ROUTE });
    await deliverPullRequest(harness, "opened");
    const repo = harness.fake.repo(OWNER, REPO);
    expect(harness.fake.violations).toEqual([]);
    expect(harness.outcomes).toEqual(["published"]);
    const ids = repo.reviewComments.map((comment) => /`([a-z-]+)`/.exec(comment.body)?.[1]);
    expect(ids).toContain("strict-equality");
    expect(repo.issueComments[0]!.body.startsWith("<!-- apprentice:summary -->")).toBe(true);
    expect(repo.checkRuns[0]!.status).toBe("completed");
    expect(repo.checkRuns[0]!.annotations.length).toBeGreaterThan(0);
  });

  it("reviews a pull request as a change, as the CLI reviews a branch (not as a whole project)", async () => {
    const inputs: ReviewInput[] = [];
    const deps = createDefaultDeps();
    harness = await startHarness({
      deps: { ...deps, review: (input) => (inputs.push(input), deps.review(input)) },
      files: FILES,
    });
    harness.fake.push(OWNER, REPO, 1, { "src/routes/todos.js": ROUTE });
    await deliverPullRequest(harness, "opened");
    expect(inputs.map((input) => input.scope)).toEqual(["change"]);
    expect(harness.fake.repo(OWNER, REPO).issueComments[0]!.body).not.toMatch(/this project/i);
  });

  it("follows the changed handler's input into the unchanged modules it imports, with one more read per import level", async () => {
    harness = await startHarness({
      deps: createDefaultDeps(),
      files: {
        "README.md": "# Manuals\n",
        "src/services/manuals.ts":
          "import { readStored } from '../storage/files';\nexport async function manual(name: string) {\n  return readStored(name.trim());\n}\n",
        "src/storage/files.ts":
          "import fs from 'node:fs';\nexport function readStored(name: string) {\n  return fs.promises.readFile(`/srv/manuals/${name}`, 'utf8');\n}\n",
      },
    });
    harness.fake.push(OWNER, REPO, 1, {
      "src/routes/manuals.ts":
        "import { Router } from 'express';\nimport { manual } from '../services/manuals';\nexport const manuals = Router();\nmanuals.get('/', async (req, res) => {\n  res.send(await manual(String(req.query.name)));\n});\n",
    });
    await deliverPullRequest(harness, "opened");
    expect(harness.fake.violations).toEqual([]);
    const repo = harness.fake.repo(OWNER, REPO);
    const annotations = (
      repo.checkRuns[0]!.annotations as { path: string; start_line: number; title?: string }[]
    ).filter((annotation) => /path-traversal/.test(annotation.title ?? ""));
    expect(annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`)).toEqual([
      "src/routes/manuals.ts:5",
    ]);
    // The first query reads the change; the service, then the storage module it imports, take one query each.
    expect(harness.fake.calls.filter((call) => call.route === "POST /graphql")).toHaveLength(3);
  });

  it("/apprentice explain answers with the lesson file of a real check", async () => {
    harness = await startHarness({ deps: createDefaultDeps() });
    harness.fake.push(OWNER, REPO, 1, { "src/routes/todos.js": ROUTE });
    await harness.probot.receive({
      id: deliveryId(),
      name: "issue_comment",
      payload: commentPayload("/apprentice explain strict-equality"),
    } as never);
    const lesson = readLesson("strict-equality");
    expect(lesson).toBeDefined();
    expect(harness.fake.repo(OWNER, REPO).issueComments[0]!.body).toContain(lesson!.trim().split("\n")[0]);
  });

  it("readLesson refuses ids that are not check ids (no path tricks)", () => {
    expect(readLesson("../../package")).toBeUndefined();
    expect(readLesson("no-such-check")).toBeUndefined();
  });
});
