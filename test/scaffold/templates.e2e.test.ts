/**
 * End to end, for every template in starter-templates/ (read from the folder, so a new template is covered
 * without touching this file): scaffold it non-interactively, install with one shared npm cache, run its
 * tests on embedded PGlite (and on the real PostgreSQL when APPRENTICE_TEST_DATABASE_URL is set, as
 * `.ci/run` does), typecheck and lint it, lint its openapi.yaml with Redocly, build it and start the build
 * from a production install (`npm ci --omit=dev`, the files the Dockerfile copies), and review it with
 * Apprentice's own rubric: a fresh starter must have no essential findings.
 *
 * The npm commands of each template run one after the other in its own folder, and the templates run side by
 * side (APPRENTICE_E2E_CONCURRENCY at once, default 2): they start in the file's beforeAll, and each test awaits
 * its step's result and asserts on it. Every step prints a progress line ("[e2e tasks-api] npm test (PGlite):
 * passed in 14.2 s") as it ends, so a long run shows which template it is on.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConfig, findConfig, lint, loadConfig } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLimiter } from "./helpers/limiter.js";
import { collectLocalInput } from "../../src/local/collect-local-input.js";
import { parseRepoConfig } from "../../src/review/parse-repo-config.js";
import { review } from "../../src/review/review.js";
import { loadRubric } from "../../src/rubric/load-rubric.js";
import { findTemplate, templateIds } from "../../src/scaffold/template-registry.js";
import { scaffold } from "../../src/scaffold/scaffold.js";
import { type CommandResult, runCommand, tail } from "./helpers/run-command.js";
import { checksById } from "../../src/checks/registry.js";

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const DATABASE_URL = process.env.APPRENTICE_TEST_DATABASE_URL;
/** One npm cache shared by every template's install: APPRENTICE_E2E_NPM_CACHE, else npm's own cache. */
const NPM_CACHE =
  process.env.APPRENTICE_E2E_NPM_CACHE ?? execFileSync(NPM, ["config", "get", "cache"], { encoding: "utf8" }).trim();
/** Generous: on a machine shared by many jobs a template's suite has taken 4 minutes; idle, it takes well under one. */
const INSTALL_TIMEOUT = 300_000;
const TEST_TIMEOUT = 600_000;
/** The command's own limit, a little under the test's, so a hung suite is killed and its output shown. */
const COMMAND_TIMEOUT = TEST_TIMEOUT - 15_000;
/** How many templates run their commands at the same time. */
const CONCURRENCY = Number(process.env.APPRENTICE_E2E_CONCURRENCY ?? 2);
/** A test may wait for the templates queued before its own: room for all of them. */
const QUEUED_TIMEOUT = TEST_TIMEOUT * templateIds().length;

/** The environment for the generated project's own commands: no DATABASE_URL unless a test sets it. */
function projectEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "1", ...extra };
  if (extra.DATABASE_URL === undefined) delete env.DATABASE_URL;
  for (const key of Object.keys(env)) if (key.startsWith("VITEST") || key === "NODE_OPTIONS") delete env[key];
  return env;
}

/** The files the Dockerfile's final stage holds, besides node_modules (test/deploy/deploy-files.test.ts checks it). */
const IMAGE_FILES = ["package.json", "package-lock.json", "openapi.yaml", "migrations", "dist"];

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no free port");
  return address.port;
}

/**
 * Starts `command` in `cwd` as a server on embedded PGlite (no DATABASE_URL) in production mode, waits for
 * GET /health/ready to answer 200, calls `whileUp` with its URL, then sends SIGTERM and resolves to the exit code.
 */
async function runServer(
  cwd: string,
  command: readonly string[],
  whileUp: (url: string) => Promise<void>,
): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = projectEnv({
    NODE_ENV: "production",
    PORT: String(port),
    PGLITE_DATA_DIR: join(cwd, ".data", "pglite"),
    JWT_SECRET: randomBytes(48).toString("base64url"),
  });
  const [file = "node", ...args] = command;
  const child = spawn(file, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    const deadline = Date.now() + 120_000;
    let ready = false;
    while (!ready && Date.now() < deadline && child.exitCode === null) {
      ready = await fetch(`${url}/health/ready`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (!ready) throw new Error(`the server was not ready:\n${tail(output)}`);
    await whileUp(url);
  } finally {
    child.kill("SIGTERM");
  }
  return { code: await exited, output };
}

/** The steps of one template, started at once and run one after the other; each resolves, never rejects. */
interface TemplateRun {
  parent: string;
  dir: string;
  /** The scaffold and install; the other steps' results are undefined when it failed. */
  install: Promise<CommandResult>;
  testPglite: Promise<CommandResult | undefined>;
  testPostgres: Promise<CommandResult | undefined>;
  typecheck: Promise<CommandResult | undefined>;
  lint: Promise<CommandResult | undefined>;
  /** The build, the production install and the started build: undefined when they passed, else the error thrown. */
  production: Promise<Error | undefined>;
  /** Every command above has finished. */
  done: Promise<void>;
}

function progress(id: string, step: string, message: string): void {
  console.log(`[e2e ${id}] ${step}: ${message}`);
}

/** Runs `step` when the previous one has finished and a slot is free, printing how it went and how long it took. */
function timed<T>(id: string, name: string, step: () => Promise<T>, passed: (result: T) => boolean): () => Promise<T> {
  return async () => {
    const started = Date.now();
    const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
    progress(id, name, "started");
    try {
      const result = await step();
      progress(id, name, `${passed(result) ? "passed" : "FAILED"} in ${seconds()} s`);
      return result;
    } catch (error) {
      progress(id, name, `FAILED in ${seconds()} s`);
      throw error;
    }
  };
}

const limit = createLimiter(CONCURRENCY);

function startTemplate(id: string): TemplateRun {
  const parent = mkdtempSync(join(tmpdir(), `apprentice-e2e-${id}-`));
  const dir = join(parent, id);
  const ok = (result: CommandResult | undefined) => result?.code === 0;
  const npm = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    runCommand(NPM, args, { cwd: dir, env: projectEnv(extraEnv), timeoutMs: COMMAND_TIMEOUT });

  const install = limit(
    timed(
      id,
      "scaffold and npm install",
      async () => {
        await scaffold({ template: findTemplate(id), projectName: `e2e-${id}`, out: dir, install: false });
        return runCommand(NPM, ["install", "--cache", NPM_CACHE, "--prefer-offline", "--no-audit", "--no-fund"], {
          cwd: dir,
          env: projectEnv(),
          timeoutMs: INSTALL_TIMEOUT,
        });
      },
      ok,
    ),
  ).catch((error: unknown): CommandResult => ({ code: null, output: String(error) }));

  /** The next step after `previous`, skipped (undefined) when the install failed; an error thrown becomes `failed(error)`. */
  const after = <T>(
    previous: Promise<unknown>,
    name: string,
    step: () => Promise<T>,
    passed: (result: T) => boolean,
    failed: (error: unknown) => T,
  ): Promise<T | undefined> =>
    previous.then(async () => {
      if ((await install).code !== 0) return undefined;
      return limit(timed(id, name, step, passed)).catch(failed);
    });
  const commandFailed = (error: unknown): CommandResult => ({ code: null, output: String(error) });

  const testPglite = after(install, "npm test (PGlite)", () => npm(["test"]), ok, commandFailed);
  const testPostgres =
    DATABASE_URL === undefined
      ? testPglite.then(() => undefined)
      : after(testPglite, "npm test (PostgreSQL)", () => npm(["test"], { DATABASE_URL }), ok, commandFailed);
  const typecheck = after(testPostgres, "npm run typecheck", () => npm(["run", "typecheck"]), ok, commandFailed);
  const lint = after(typecheck, "npm run lint", () => npm(["run", "lint"]), ok, commandFailed);
  const production = after(
    lint,
    "build, production install and start",
    () => buildAndStartProduction(parent, dir).then(() => undefined),
    () => true,
    (error) => (error instanceof Error ? error : new Error(String(error))),
  );
  const done = production.then(() => undefined);
  return { parent, dir, install, testPglite, testPostgres, typecheck, lint, production, done };
}

/** `npm run build`, then the files the image holds with a production install, started and asked for /health/live. */
async function buildAndStartProduction(parent: string, dir: string): Promise<void> {
  const build = await runCommand(NPM, ["run", "build"], { cwd: dir, env: projectEnv(), timeoutMs: COMMAND_TIMEOUT });
  expect(build.code, tail(build.output)).toBe(0);
  const production = join(parent, "production");
  mkdirSync(production);
  for (const file of IMAGE_FILES) cpSync(join(dir, file), join(production, file), { recursive: true });
  const install = await runCommand(
    NPM,
    ["ci", "--omit=dev", "--cache", NPM_CACHE, "--prefer-offline", "--no-audit", "--no-fund"],
    { cwd: production, env: projectEnv(), timeoutMs: INSTALL_TIMEOUT },
  );
  expect(install.code, tail(install.output)).toBe(0);
  const start = (JSON.parse(readFileSync(join(production, "package.json"), "utf8")) as { scripts: { start: string } })
    .scripts.start;
  expect(start).toBe("node dist/server.js");
  const server = await runServer(production, [process.execPath, "dist/server.js"], async (url) => {
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect((await fetch(`${url}/openapi.json`)).status).toBe(200);
  });
  expect(server.code, tail(server.output)).toBe(0);
  expect(server.output).toMatch(/Shutdown complete/);
}

const runs = new Map<string, TemplateRun>();

beforeAll(() => {
  for (const id of templateIds()) runs.set(id, startTemplate(id));
});

afterAll(async () => {
  for (const run of runs.values()) {
    await run.done;
    rmSync(run.parent, { recursive: true, force: true });
  }
}, QUEUED_TIMEOUT);

describe.each(templateIds())("starter template %s, generated and run", (id) => {
  const run = () => {
    const found = runs.get(id);
    if (found === undefined) throw new Error(`no run for ${id}`);
    return found;
  };

  /** Awaits a step and expects its command to have passed, showing the end of its output when not. */
  async function expectPassed(step: Promise<CommandResult | undefined>): Promise<void> {
    const install = await run().install;
    expect(install.code, `npm install failed in ${run().dir}:\n${tail(install.output)}`).toBe(0);
    const result = await step;
    expect(result?.code, tail(result?.output ?? "")).toBe(0);
  }

  it(
    "passes its own tests on the embedded database (PGlite)",
    async () => {
      await expectPassed(run().testPglite);
    },
    QUEUED_TIMEOUT,
  );

  if (DATABASE_URL !== undefined) {
    it(
      "passes its own tests on the real PostgreSQL (APPRENTICE_TEST_DATABASE_URL)",
      async () => {
        await expectPassed(run().testPostgres);
      },
      QUEUED_TIMEOUT,
    );
  }

  it(
    "typechecks",
    async () => {
      await expectPassed(run().typecheck);
    },
    QUEUED_TIMEOUT,
  );

  it(
    "lints clean with its own ESLint configuration",
    async () => {
      await expectPassed(run().lint);
    },
    QUEUED_TIMEOUT,
  );

  it(
    "builds, and the build starts from a production install with only the files the image holds",
    async () => {
      const install = await run().install;
      expect(install.code, tail(install.output)).toBe(0);
      const error = await run().production;
      if (error !== undefined) throw error;
    },
    QUEUED_TIMEOUT,
  );

  it(
    "has an openapi.yaml with no errors from Redocly's linter",
    async () => {
      const { dir, install } = run();
      expect((await install).code).toBe(0);
      const configPath = findConfig(dir);
      const config = configPath ? await loadConfig({ configPath }) : await createConfig({ extends: ["recommended"] });
      const problems = await lint({ ref: join(dir, "openapi.yaml"), config });
      const errors = problems
        .filter((problem) => problem.severity === "error")
        .map((problem) => `${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer ?? ""})`);
      expect(errors).toEqual([]);
    },
    QUEUED_TIMEOUT,
  );

  it(
    "gets no essential findings when Apprentice reviews the whole project with the template's rubric",
    async () => {
      const { dir, install, done } = run();
      expect((await install).code).toBe(0);
      // After the commands, as before: the review reads the project as the build left it.
      await done;
      const { manifest } = findTemplate(id);
      const input = await collectLocalInput({ repo: dir, all: true });
      const result = review(
        {
          files: input.files,
          repoPaths: input.repoPaths,
          relatedFiles: input.relatedFiles,
          config: parseRepoConfig({ rubric: manifest.rubric, filter: "nofilter" }, join(dir, ".github/apprentice.yml")),
          rubric: loadRubric(manifest.rubric, checksById),
        },
        { registry: checksById },
      );
      expect(result.stats.filesReviewed).toBeGreaterThan(10);
      const essential = result.findings
        .filter((finding) => finding.level === "essential")
        .map((finding) => `${finding.path}:${finding.line} ${finding.ruleId}: ${finding.message}`);
      expect(essential).toEqual([]);
    },
    QUEUED_TIMEOUT,
  );
});
