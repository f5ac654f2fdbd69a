/**
 * Pacing across installations: 10 first reviews, 2 in each of 5 installations, received at once, with
 * the throttling plugin's real limiters at 1/10 of GitHub's gaps (writes and GraphQL 100 ms apart,
 * comments and reviews 300 ms apart), keyed by installation as the App does, against the same run with
 * one limiter shared by every installation (what Probot's webhook Octokit did before: every event's
 * Octokit had the plugin's "no-id" key). The floor is one installation's own pacing: its paced requests
 * times the gap, since installations no longer wait for each other.
 */
import Bottleneck from "bottleneck";
import { testDeps } from "../test/app/support/test-deps.js";
import {
  deliveryId,
  INSTALLATION_ID,
  OWNER,
  pullRequestPayload,
  REPO,
  startHarness,
} from "../test/app/support/harness.js";

const WRITE_GAP_MS = 100;
const NOTIFICATION_GAP_MS = 300;
const INSTALLATIONS = 5;
const PULLS_PER_INSTALLATION = 2;

function source(index: number): string {
  return `export function handler${index}(req, res) {\n  if (req.params.id == ${index}) console.log("found");\n  res.json({ ok: true });\n}\n`;
}

/** One limiter for every key: the shape of the old behaviour. */
function sharedGroup(options: Bottleneck.ConstructorOptions): Bottleneck.Group {
  const group = new Bottleneck.Group(options);
  const one = group.key("shared");
  group.key = () => one;
  return group;
}

async function burst(shared: boolean): Promise<{ ms: number; paced: number; notifications: number }> {
  const make = (options: Bottleneck.ConstructorOptions) =>
    shared ? sharedGroup(options) : new Bottleneck.Group(options);
  const pacing = {
    retryAfterBaseValue: 1,
    write: make({ maxConcurrent: 1, minTime: WRITE_GAP_MS }),
    notifications: make({ maxConcurrent: 1, minTime: NOTIFICATION_GAP_MS }),
  };
  // The engine's result is computed once per file set and reused: the engine runs on this thread, and
  // on a loaded machine it would otherwise hide the pacing this bench is about.
  const engine = testDeps();
  const results = new Map<string, ReturnType<typeof engine.review>>();
  const deps = testDeps({
    review: (input) => {
      const key = input.files.map((file) => `${file.path}:${file.content ?? ""}`).join("|");
      if (!results.has(key)) results.set(key, engine.review(input));
      return results.get(key)!;
    },
  });
  const harness = await startHarness({ deps, logLevel: "silent", pacing });
  try {
    const payloads: Record<string, unknown>[] = [];
    for (let installation = 0; installation < INSTALLATIONS; installation += 1) {
      const owner = installation === 0 ? OWNER : `${OWNER}-${installation}`;
      if (installation > 0) harness.fake.addRepo(owner, REPO, { "README.md": "# Bench\n" });
      for (let number = 1; number <= PULLS_PER_INSTALLATION; number += 1) {
        const pull = harness.fake.push(owner, REPO, number, { [`src/h${number}.js`]: source(number) });
        const payload = pullRequestPayload("opened", pull);
        const repository = payload.repository as { full_name: string; owner: { login: string } };
        repository.full_name = `${owner}/${REPO}`;
        repository.owner.login = owner;
        payload.installation = { id: INSTALLATION_ID + installation, node_id: "x" };
        payloads.push(payload);
      }
    }
    const started = performance.now();
    await Promise.all(
      payloads.map((payload) => harness.probot.receive({ id: deliveryId(), name: "pull_request", payload } as never)),
    );
    const ms = performance.now() - started;
    if (harness.outcomes.length !== payloads.length || harness.outcomes.some((outcome) => outcome !== "published"))
      throw new Error(`pacing bench: ${harness.outcomes.join(", ")}`);
    const calls = harness.fake.calls.filter((call) => call.path.includes(`/repos/${OWNER}/`));
    const writes = calls.filter((call) => call.write).length;
    const notifications = calls.filter(
      (call) => /\/(reviews|comments)$/.test(call.route) && call.method === "POST",
    ).length;
    return { ms, paced: writes, notifications };
  } finally {
    await harness.close();
  }
}

/** Printable lines for `npm run bench`. */
export async function runPacingBench(): Promise<string[]> {
  await burst(false); // warm-up: module loading, the linter, token signing
  const keyed = await burst(false);
  const shared = await burst(true);
  // Per installation: its REST writes plus its GraphQL queries go through the write limiter; the floor
  // counts the notifying writes at their larger gap (a lower bound: GraphQL reads are not counted).
  const floor = keyed.notifications * NOTIFICATION_GAP_MS + (keyed.paced - keyed.notifications) * WRITE_GAP_MS;
  return [
    `Pacing: ${INSTALLATIONS * PULLS_PER_INSTALLATION} first reviews across ${INSTALLATIONS} installations at once, GitHub's gaps / 10 (writes ${WRITE_GAP_MS} ms, comments ${NOTIFICATION_GAP_MS} ms)`,
    `  limiters per installation: all done in ${keyed.ms.toFixed(0)} ms; one installation's floor ${floor} ms (${keyed.paced} writes, ${keyed.notifications} of them comments/reviews)`,
    `  one limiter for all installations (before): ${shared.ms.toFixed(0)} ms (${(shared.ms / keyed.ms).toFixed(1)}x)`,
  ];
}

if (process.argv[1]?.endsWith("pacing-bench.ts")) {
  for (const line of await runPacingBench()) console.log(line);
}
