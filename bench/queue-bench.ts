/**
 * The App under a deadline's load, against the fake GitHub on loopback:
 * - webhook acknowledgement (signed HTTP delivery to the App's server until its 202) p50/p95/max during a
 *   30-pull-request burst and during a 300-file review, against the same server's acknowledgement while idle;
 * - the server's event-loop delay p99 (perf_hooks.monitorEventLoopDelay) during a 300-file review with the
 *   engine in its worker thread, against the same review run on the server's own thread (the old design);
 * - bursts of 200 pull requests in one installation and 30 across 5 installations with GitHub's pacing
 *   shrunk (writes and GraphQL WRITE_GAP_MS apart, comments and reviews NOTIFICATION_GAP_MS apart, i.e.
 *   GitHub's 1 s / 3 s divided by PACING_SCALE): time until every review is completed, against the floor
 *   that pacing sets (each installation's paced requests times their gap; installations run in parallel),
 *   and requests and writes per review.
 */
import { createHmac } from "node:crypto";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { AppMetrics } from "../src/app/app-metrics.js";
import type { AppDeps } from "../src/app/app-deps.js";
import { createAppServer } from "../src/app/app-server.js";
import { createPacing } from "../src/app/create-pacing.js";
import { createDefaultDeps } from "../src/app/default-deps.js";
import { ThreadedReview } from "../src/worker/threaded-review.js";
import type { RecordedCall } from "../test/fake-github/fake-github.js";
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

const PACING_SCALE = 100;
const WRITE_GAP_MS = 1000 / PACING_SCALE;
const NOTIFICATION_GAP_MS = 3000 / PACING_SCALE;

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
/** A small rubric for the bursts (the pacing is under test there, not the engine). */
const SMALL_RUBRIC_FILES = {
  ".github/apprentice.yml": "rubric: .github/rubric.yml\n",
  ".github/rubric.yml": RUBRIC,
  "README.md": "# Bench\n",
};

function moduleSource(index: number, salt = ""): string {
  const lines = [`export function handler${index}(req, res) {`, `  const id = Number(req.params.id);`];
  if (index % 3 === 0) lines.push(`  if (id == ${index}) console.log("found ${index}");`);
  lines.push(`  res.json({ id, module: ${index} });`, "}", salt, "");
  return lines.join("\n");
}

function pullFiles(count: number, salt = ""): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index += 1) files[`src/handlers/h${index}.js`] = moduleSource(index, salt);
  return files;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const stats = (values: number[]) =>
  `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (n=${values.length})`;

interface Served {
  harness: Harness;
  url: string;
  close(): Promise<void>;
}

/** The App's own HTTP server (createAppServer) on the harness's Probot and in-process queue. */
async function serve(deps: AppDeps, files?: Record<string, string>): Promise<Served> {
  const harness = await startHarness({ deps, logLevel: "silent", ...(files ? { files } : {}) });
  const server = createAppServer({
    probot: harness.probot,
    queue: harness.queue,
    metrics: new AppMetrics(() => harness.queue.depth()),
    keyLoaded: true,
    webhookSecret: WEBHOOK_SECRET,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    harness,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`,
    close: async () => {
      await harness.queue.idle();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await harness.close();
    },
  };
}

/** One signed delivery; resolves with the milliseconds until the App answered. */
async function acknowledge(served: Served, payload: unknown): Promise<number> {
  const body = JSON.stringify(payload);
  const started = performance.now();
  const response = await fetch(served.url, {
    method: "POST",
    // A fresh connection per delivery, as GitHub's deliveries come (a kept-alive socket can be closed by the
    // server just as it is reused when the event loop was blocked, the old design's baseline).
    headers: {
      connection: "close",
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": deliveryId(),
      "x-hub-signature-256": `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`,
    },
    body,
  });
  await response.text();
  if (response.status !== 202) throw new Error(`webhook answered ${response.status}`);
  return performance.now() - started;
}

function opened(served: Served, number: number, files: Record<string, string>): unknown {
  return pullRequestPayload("opened", served.harness.fake.push(OWNER, REPO, number, files));
}

async function idleAcks(served: Served, from: number, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    samples.push(await acknowledge(served, opened(served, from + index, pullFiles(1, `// idle ${index}`))));
    await served.harness.queue.idle();
  }
  return samples;
}

/** Acknowledgements during a burst of 30 pull requests (20 files each), all sent at once, then while they are reviewed. */
async function burstAcks(engine: ThreadedReview): Promise<string[]> {
  const served = await serve({ ...createDefaultDeps(), review: (input) => engine.review(input) });
  try {
    await idleAcks(served, 900, 3); // warm-up: token, linter in the thread
    const idle = await idleAcks(served, 1000, 10);
    const payloads = Array.from({ length: 30 }, (_, index) =>
      opened(served, 1 + index, pullFiles(20, `// burst ${index}`)),
    );
    const burst = await Promise.all(payloads.map((payload) => acknowledge(served, payload)));
    await served.harness.queue.idle();
    return [
      `  30-PR burst (20 files each, all sent at once): ${stats(burst)}; target p95 < 200 ms, max < 1 s`,
      `    baseline, same server idle: ${stats(idle)} (burst p95 = ${(percentile(burst, 95) / percentile(idle, 95)).toFixed(1)}x idle)`,
    ];
  } finally {
    await served.close();
  }
}

/** A 300-file review while deliveries keep arriving every 50 ms: their acknowledgements and the event-loop delay. */
async function duringLargeReview(
  deps: AppDeps,
): Promise<{ acks: number[]; delayP99: number; delayMax: number; reviewMs: number }> {
  const served = await serve(deps);
  try {
    await idleAcks(served, 900, 2);
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    const started = performance.now();
    histogram.enable();
    const large = served.harness.fake.push(OWNER, REPO, 1, pullFiles(300, "// large"));
    await acknowledge(served, pullRequestPayload("opened", large));
    const repo = served.harness.fake.repo(OWNER, REPO);
    const reviewed = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (repo.checkRuns.some((run) => run.headSha === large.headSha && run.status === "completed")) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
    const acks: number[] = [];
    let number = 2000;
    let done = false;
    void reviewed.then(() => (done = true));
    while (!done) {
      acks.push(await acknowledge(served, opened(served, (number += 1), pullFiles(1, `// during ${number}`))));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const reviewMs = performance.now() - started;
    histogram.disable();
    return { acks, delayP99: histogram.percentile(99) / 1e6, delayMax: histogram.max / 1e6, reviewMs };
  } finally {
    await served.close();
  }
}

async function largeReview(engine: ThreadedReview): Promise<string[]> {
  const threaded = await duringLargeReview({ ...createDefaultDeps(), review: (input) => engine.review(input) });
  const inline = await duringLargeReview(createDefaultDeps());
  return [
    `  during a 300-file review (engine in its worker thread; ${(threaded.reviewMs / 1000).toFixed(1)} s): acknowledgements ${stats(threaded.acks)}`,
    `    server event-loop delay p99 ${threaded.delayP99.toFixed(1)} ms (max ${threaded.delayMax.toFixed(0)} ms); target p99 < 50 ms`,
    `    baseline, same run with the engine on the server's thread (the old design): event-loop delay p99 ${inline.delayP99.toFixed(0)} ms (${(inline.delayP99 / threaded.delayP99).toFixed(0)}x)`,
    "    (the fake GitHub and the bench's client share the server's event loop here, so both figures are upper bounds)",
  ];
}

function countCalls(calls: readonly RecordedCall[], owner: string) {
  // REST calls name the repository; GraphQL calls (also paced) are left out, so the floor is a lower bound.
  const mine = calls.filter((call) => call.path.includes(`/repos/${owner}/`));
  return {
    requests: mine.length,
    writes: mine.filter((call) => call.write).length,
    notifications: mine.filter((call) => call.method === "POST" && /\/(reviews|comments)$/.test(call.route)).length,
  };
}

/** `pulls` pull requests spread over `installations`, all received at once, with pacing shrunk by PACING_SCALE. */
async function pacedBurst(installations: number, pulls: number): Promise<string[]> {
  const pacing = createPacing({ writeGapMs: WRITE_GAP_MS, notificationGapMs: NOTIFICATION_GAP_MS });
  const harness = await startHarness({
    deps: createDefaultDeps(),
    files: SMALL_RUBRIC_FILES,
    logLevel: "silent",
    pacing: { ...pacing, retryAfterBaseValue: 1 },
  });
  try {
    const owners = Array.from({ length: installations }, (_, index) => (index === 0 ? OWNER : `${OWNER}-${index}`));
    for (const owner of owners.slice(1)) harness.fake.addRepo(owner, REPO, SMALL_RUBRIC_FILES);
    // Warm-up outside the timing: the token exchanges and the linter.
    for (const [index, owner] of owners.entries()) {
      const pull = harness.fake.push(owner, REPO, 9999, pullFiles(2, "// warm"));
      await harness.probot.receive({
        id: deliveryId(),
        name: "pull_request",
        payload: payloadFor(pull, owner, index),
      } as never);
    }
    harness.fake.resetCalls();
    const before = harness.outcomes.length;
    const payloads = Array.from({ length: pulls }, (_, index) => {
      const installation = index % installations;
      const owner = owners[installation]!;
      return payloadFor(harness.fake.push(owner, REPO, 1 + index, pullFiles(3, `// pr ${index}`)), owner, installation);
    });
    const started = performance.now();
    await Promise.all(
      payloads.map((payload) => harness.probot.receive({ id: deliveryId(), name: "pull_request", payload } as never)),
    );
    const elapsed = performance.now() - started;
    const outcomes = harness.outcomes.slice(before);
    if (outcomes.length !== pulls || outcomes.some((outcome) => outcome !== "published"))
      throw new Error(`burst: ${outcomes.length} of ${pulls} reviews, ${[...new Set(outcomes)].join(", ")}`);
    // The floor: the busiest installation's REST writes at their gaps (a lower bound: its paced GraphQL is not counted).
    const perInstallation = owners.map((owner) => countCalls(harness.fake.calls, owner));
    const floor = Math.max(
      ...perInstallation.map(
        (count) => count.notifications * NOTIFICATION_GAP_MS + (count.writes - count.notifications) * WRITE_GAP_MS,
      ),
    );
    const requests = harness.fake.calls.filter((call) => !call.route.includes("access_tokens")).length;
    const writes = harness.fake.calls.filter((call) => call.write).length;
    return [
      `  ${pulls} pull requests in ${installations} installation${installations > 1 ? "s" : ""}: all completed in ${(elapsed / 1000).toFixed(2)} s; pacing floor ${(floor / 1000).toFixed(2)} s (${(elapsed / floor).toFixed(2)}x the floor; x${PACING_SCALE} for GitHub's real gaps: ~${((floor * PACING_SCALE) / 60000).toFixed(0)} min floor)`,
      `    per review: ${(requests / pulls).toFixed(1)} requests, ${(writes / pulls).toFixed(1)} writes (${harness.fake.violations.length} OpenAPI violations)`,
    ];
  } finally {
    await harness.queue.idle();
    await pacing.close();
    await harness.close();
  }
}

function payloadFor(
  pull: Parameters<typeof pullRequestPayload>[1],
  owner: string,
  installation: number,
): Record<string, unknown> {
  const payload = pullRequestPayload("opened", pull);
  const repository = payload.repository as { full_name: string; owner: { login: string } };
  repository.full_name = `${owner}/${REPO}`;
  repository.owner.login = owner;
  payload.installation = { id: INSTALLATION_ID + installation, node_id: "x" };
  return payload;
}

/** Printable lines for `npm run bench`; `print` sees each section as soon as it is measured. */
export async function runQueueBench(print: (line: string) => void = () => undefined): Promise<string[]> {
  const engine = new ThreadedReview(1);
  const lines: string[] = [];
  const add = (...more: string[]) => {
    lines.push(...more);
    for (const line of more) print(line);
  };
  try {
    add("Webhook acknowledgement and event loop (the App's HTTP server, in-process queue, fake GitHub, pacing off)");
    add(...(await burstAcks(engine)));
    add(...(await largeReview(engine)));
    add(
      "",
      `Bursts with GitHub's pacing / ${PACING_SCALE} (writes ${WRITE_GAP_MS} ms, comments and reviews ${NOTIFICATION_GAP_MS} ms apart; 2 workers; small bench rubric)`,
    );
    add(...(await pacedBurst(5, 30)));
    add(...(await pacedBurst(1, 200)));
    return lines;
  } finally {
    await engine.close();
  }
}

if (process.argv[1]?.endsWith("queue-bench.ts")) await runQueueBench((line) => console.log(line));
