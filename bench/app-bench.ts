/**
 * The GitHub App against the fake GitHub on loopback: API requests per review (first review and
 * re-review, writes counted separately) for 1-, 20-, 100- and 300-file pull requests, and the time from
 * webhook (a signed HTTP delivery) to completed check run and posted comments for a 20-file pull request.
 * Throttling stays on but GitHub's pacing (1 s between writes, 3 s between comments) is replaced by
 * unpaced limiters, as in the tests; in production that pacing adds seconds by design.
 */
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware } from "probot";
import { createApp } from "../src/app/create-app.js";
import { createDefaultDeps } from "../src/app/default-deps.js";
import type { ReviewOutcome } from "../src/app/run-review.js";
import { parseRepoConfig } from "../src/review/parse-repo-config.js";
import { addedLinesFromPatch } from "../src/diff/added-lines.js";
import { parseRubric } from "../src/rubric/load-rubric.js";
import {
  deliveryId,
  INSTALLATION_ID,
  OWNER,
  pullRequestPayload,
  REPO,
  startHarness,
  WEBHOOK_SECRET,
  type Harness,
} from "../test/app/support/harness.js";
import type { RecordedCall } from "../test/fake-github/fake-github.js";
import { checksById } from "../src/checks/registry.js";

const RUBRIC = [
  "id: bench-rubric",
  "title: Bench rubric",
  "criteria:",
  "  - id: clean-code",
  "    title: Clean code",
  "    levels: [{ name: proficient, min: 70 }, { name: developing, min: 0 }]",
  "    checks: [{ id: strict-equality }, { id: console-log }, { id: no-var }, { id: parse-error }]",
  "",
].join("\n");
const REPO_FILES = {
  ".github/apprentice.yml": "rubric: .github/rubric.yml\n",
  ".github/rubric.yml": RUBRIC,
  "README.md": "# Bench\n",
};

function moduleSource(index: number): string {
  const lines = [`export function handler${index}(req, res) {`, `  const id = Number(req.params.id);`];
  if (index % 3 === 0) lines.push(`  if (id == ${index}) console.log("found ${index}");`);
  lines.push(`  res.json({ id, module: ${index} });`, "}", "");
  return lines.join("\n");
}

function pullFiles(count: number, salt = ""): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index += 1) files[`src/handlers/h${index}.js`] = `${moduleSource(index)}${salt}`;
  return files;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function counts(calls: RecordedCall[]): { api: number; writes: number; tokens: number } {
  const api = calls.filter((call) => !call.route.includes("access_tokens"));
  return { api: api.length, writes: api.filter((call) => call.write).length, tokens: calls.length - api.length };
}

async function requestCounts(fileCount: number): Promise<string> {
  const harness = await startHarness({ deps: createDefaultDeps(), files: REPO_FILES, logLevel: "silent" });
  try {
    const number = 1;
    harness.fake.push(OWNER, REPO, number, pullFiles(fileCount));
    await deliver(harness, "opened", number);
    const first = counts(harness.fake.calls);
    harness.fake.resetCalls();
    // Re-review: a new push that changes only the README, so every finding is already posted.
    harness.fake.push(OWNER, REPO, number, { "README.md": "# Bench\n\nUpdated.\n" });
    await deliver(harness, "synchronize", number);
    const again = counts(harness.fake.calls);
    const violations = harness.fake.violations.length;
    const perFile = fileCount + 9;
    return `  ${String(fileCount).padStart(3)} files: first review ${first.api} requests (${first.writes} writes), re-review ${again.api} (${again.writes} writes); +${first.tokens} token exchange; one-request-per-file design would need >= ${perFile} (${(first.api / perFile).toFixed(2)}x)${violations ? `; ${violations} OpenAPI violations!` : ""}`;
  } finally {
    await harness.close();
  }
}

async function deliver(harness: Harness, action: string, number: number): Promise<void> {
  const pull = harness.fake.repo(OWNER, REPO).pulls.get(number)!;
  await harness.probot.receive({
    id: deliveryId(),
    name: "pull_request",
    payload: pullRequestPayload(action, pull),
  } as never);
}

async function latency(runs: number): Promise<string[]> {
  const outcomes: ((outcome: ReviewOutcome) => void)[] = [];
  const harness = await startHarness({ files: REPO_FILES, loadApp: false, logLevel: "silent" });
  const deps = createDefaultDeps();
  const middleware = await createNodeMiddleware(
    createApp(deps, { onReviewed: (_pr, outcome) => outcomes.shift()?.(outcome) }),
    { probot: harness.probot },
  );
  const server = createServer(
    (request, response) => void middleware(request, response, () => response.writeHead(404).end()),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  const octokit = await harness.probot.auth(INSTALLATION_ID);
  const samples: number[] = [];
  const engine: number[] = [];
  const roundTrips: number[] = [];
  try {
    for (let run = 0; run <= runs; run += 1) {
      const number = 100 + run;
      const pull = harness.fake.push(OWNER, REPO, number, pullFiles(20, `// run ${run}\n`));
      const body = JSON.stringify(pullRequestPayload("opened", pull));
      const done = new Promise<ReviewOutcome>((resolve) => outcomes.push(resolve));
      const started = performance.now();
      await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "pull_request",
          "x-github-delivery": deliveryId(),
          "x-hub-signature-256": `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`,
        },
        body,
      });
      const outcome = await done;
      const elapsed = performance.now() - started;
      if (outcome !== "published") throw new Error(`bench review ended ${outcome}`);
      const repo = harness.fake.repo(OWNER, REPO);
      if (!repo.checkRuns.some((check) => check.headSha === pull.headSha && check.status === "completed"))
        throw new Error("no completed check run");
      if (run > 0) samples.push(elapsed); // run 0 warms the linter and the token cache

      // Baselines in the same run: the engine alone on the same 20 files, and one bare loopback request.
      const head = repo.commits.get(pull.headSha)!;
      const files = pull.files.map((file) => ({
        path: file.filename,
        status: file.status,
        content: head.get(file.filename),
        addedLines: addedLinesFromPatch(file.patch),
      }));
      const rubric = parseRubric(RUBRIC, "bench-rubric.yml", checksById);
      const engineStart = performance.now();
      deps.review({
        files,
        repoPaths: [...head.keys()],
        config: parseRepoConfig({ rubric: "x.yml" }, "apprentice.yml"),
        rubric,
      });
      if (run > 0) engine.push(performance.now() - engineStart);
      const tripStart = performance.now();
      await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: number });
      if (run > 0) roundTrips.push(performance.now() - tripStart);
    }
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await harness.close();
  }
  const p50 = median(samples);
  return [
    `  20-file PR, signed webhook -> check run completed + review + summary posted: p50 ${p50.toFixed(0)} ms over ${runs} runs (min ${Math.min(...samples).toFixed(0)}, max ${Math.max(...samples).toFixed(0)}); target < 500 ms; pacing disabled`,
    `    baseline, same run: engine alone on the same files p50 ${median(engine).toFixed(0)} ms (App total = ${(p50 / median(engine)).toFixed(1)}x); one App request to the fake (pulls.get) p50 ${median(roundTrips).toFixed(1)} ms (App total = ${(p50 / median(roundTrips)).toFixed(0)} round trips)`,
  ];
}

/** Printable lines for `npm run bench`. */
export async function runAppBench(): Promise<string[]> {
  const lines = [
    "GitHub App (fake GitHub on loopback, OpenAPI-checked; targets: <= 10 requests for 20 files, <= 14 for 100; <= 4 writes, 3 on a re-review with nothing new inline)",
  ];
  for (const fileCount of [1, 20, 100, 300]) lines.push(await requestCounts(fileCount));
  lines.push(...(await latency(7)));
  return lines;
}

if (process.argv[1]?.endsWith("app-bench.ts")) {
  for (const line of await runAppBench()) console.log(line);
}
