/**
 * Runs the real App (Probot, its Octokit with throttling and retry, the handlers) against the fake
 * GitHub on loopback. Probot is configured the way production is, through its environment variables
 * (`GHE_HOST` + `GHE_PROTOCOL=http` point it at the fake), with a test RSA key made at run time.
 * Retries and rate-limit waits stay on but take milliseconds instead of seconds.
 */
import { generateKeyPairSync } from "node:crypto";
import { Writable } from "node:stream";
import Bottleneck from "bottleneck";
import { pino } from "pino";
import { createProbot, type Probot } from "probot";
import webhookExamples from "@octokit/webhooks-examples";
import { apprenticeOctokit, type PacingOptions } from "../../../src/app/apprentice-octokit.js";
import type { AppDeps } from "../../../src/app/app-deps.js";
import { createApp, type AppOptions } from "../../../src/app/create-app.js";
import type { ReviewOutcome } from "../../../src/app/run-review.js";
import { MemoryQueue } from "../../../src/queue/memory-queue.js";
import { FakeGitHub } from "../../fake-github/fake-github.js";
import type { FakePull } from "../../fake-github/fake-state.js";
import { testDeps } from "./test-deps.js";

export const APP_ID = 4242;
export const INSTALLATION_ID = 777;
export const WEBHOOK_SECRET = "test-webhook-secret";
export const OWNER = "learner";
export const REPO = "todo-api";

/** Throttling stays on (one write at a time, retry-after honoured) but without GitHub's 1 s / 3 s pacing, and waits in milliseconds. */
export function unpacedLimits() {
  return {
    retryAfterBaseValue: 1,
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
  };
}

export interface Harness {
  fake: FakeGitHub;
  probot: Probot;
  privateKey: string;
  logs: string[];
  outcomes: ReviewOutcome[];
  deps: AppDeps;
  /** The in-process queue the App reviews from. */
  queue: MemoryQueue;
  close(): Promise<void>;
}

export interface HarnessOptions {
  deps?: AppDeps;
  app?: AppOptions;
  files?: Record<string, string>;
  loadApp?: boolean;
  logLevel?: "trace" | "info" | "silent";
  /** The Octokit's pacing limiters; default `unpacedLimits()`. */
  pacing?: PacingOptions;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const fake = await FakeGitHub.start(APP_ID, publicKey);
  fake.addRepo(OWNER, REPO, options.files ?? { "README.md": "# Todo API\n", "src/app.js": "export const app = 1;\n" });
  const logs: string[] = [];
  const log = pino(
    { level: options.logLevel ?? "trace" },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString("utf8"));
        done();
      },
    }),
  );
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const probot = createProbot({
    env: {
      APP_ID: String(APP_ID),
      PRIVATE_KEY: pem,
      WEBHOOK_SECRET,
      GHE_HOST: fake.host,
      GHE_PROTOCOL: "http",
      LOG_LEVEL: options.logLevel ?? "trace",
    },
    overrides: { log, Octokit: apprenticeOctokit(options.pacing ?? unpacedLimits()) },
  });
  const deps = options.deps ?? testDeps();
  const outcomes: ReviewOutcome[] = [];
  const queue = new MemoryQueue();
  if (options.loadApp !== false) {
    await probot.load(
      createApp(deps, {
        queue,
        supersedePollMs: 5,
        ...options.app,
        onReviewed: (_pr, outcome) => outcomes.push(outcome),
      }),
    );
    // The webhook only enqueues; tests deliver, then look at what the review did once the queue is empty.
    const receive = probot.receive.bind(probot);
    probot.receive = async (event) => {
      await receive(event);
      await queue.idle();
    };
  }
  return { fake, probot, privateKey: pem, logs, outcomes, deps, queue, close: () => fake.close() };
}

type Example = { name: string; examples: Record<string, unknown>[] };

/** A real example payload from @octokit/webhooks-examples, deep-copied. */
export function examplePayload(
  event: string,
  action: string,
  where: (payload: Record<string, unknown>) => boolean = () => true,
): Record<string, unknown> {
  const definition = (webhookExamples as unknown as Example[]).find((candidate) => candidate.name === event);
  const example = definition?.examples.find((payload) => payload.action === action && where(payload));
  if (!example) throw new Error(`no ${event}.${action} example in @octokit/webhooks-examples`);
  return structuredClone(example);
}

function pointAtFake(payload: Record<string, unknown>): void {
  const repository = payload.repository as { name: string; full_name: string; owner: { login: string } };
  repository.name = REPO;
  repository.full_name = `${OWNER}/${REPO}`;
  repository.owner.login = OWNER;
  payload.installation = { id: INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNzc3" };
}

/** A pull_request webhook payload (real example, fields set to the fake's pull request). */
export function pullRequestPayload(action: string, pull: FakePull): Record<string, unknown> {
  const payload = examplePayload("pull_request", action);
  pointAtFake(payload);
  const pr = payload.pull_request as Record<string, unknown> & {
    head: { sha: string; ref: string };
    base: { sha: string };
    user: Record<string, unknown>;
  };
  pr.number = pull.number;
  pr.html_url = `https://github.com/${OWNER}/${REPO}/pull/${pull.number}`;
  Object.assign(pr.user, { login: pull.author.login, id: pull.author.id, type: pull.author.type });
  pr.draft = pull.draft;
  pr.changed_files = pull.files.length;
  pr.head.sha = pull.headSha;
  pr.head.ref = pull.headRef;
  pr.base.sha = pull.baseSha;
  payload.number = pull.number;
  return payload;
}

let deliveries = 0;
export function deliveryId(): string {
  deliveries += 1;
  return `00000000-0000-4000-8000-${String(deliveries).padStart(12, "0")}`;
}
