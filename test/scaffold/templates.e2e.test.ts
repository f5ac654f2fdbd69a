/**
 * End to end, for every template in starter-templates/ (read from the folder, so a new template is covered
 * without touching this file): scaffold it non-interactively, install with one shared npm cache, run its
 * tests on embedded PGlite (and on the real PostgreSQL when APPRENTICE_TEST_DATABASE_URL is set, as
 * `.ci/run` does), typecheck and lint it, lint its openapi.yaml with Redocly, build it and start the build
 * from a production install (`npm ci --omit=dev`, the files the Dockerfile copies), and review it with
 * Apprentice's own rubric: a fresh starter must have no essential findings.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConfig, findConfig, lint, loadConfig } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectLocalInput } from "../../src/local/collect-local-input.js";
import { parseRepoConfig } from "../../src/review/parse-repo-config.js";
import { review } from "../../src/review/review.js";
import { loadRubric } from "../../src/rubric/load-rubric.js";
import { findTemplate, templateIds } from "../../src/scaffold/template-registry.js";
import { scaffold } from "../../src/scaffold/scaffold.js";
import { runCommand, tail } from "./helpers/run-command.js";
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

describe.each(templateIds())("starter template %s, generated and run", (id) => {
  let parent: string;
  let dir: string;

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), `apprentice-e2e-${id}-`));
    dir = join(parent, id);
    await scaffold({ template: findTemplate(id), projectName: `e2e-${id}`, out: dir, install: false });
    const install = await runCommand(
      NPM,
      ["install", "--cache", NPM_CACHE, "--prefer-offline", "--no-audit", "--no-fund"],
      { cwd: dir, env: projectEnv(), timeoutMs: INSTALL_TIMEOUT },
    );
    if (install.code !== 0) throw new Error(`npm install failed in ${dir}:\n${tail(install.output)}`);
  }, INSTALL_TIMEOUT + 60_000);

  afterAll(() => {
    if (parent) rmSync(parent, { recursive: true, force: true });
  });

  /** Runs `npm <args>` in the generated project and expects it to pass, showing the end of its output when not. */
  async function expectNpmPasses(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<void> {
    const result = await runCommand(NPM, args, { cwd: dir, env: projectEnv(extraEnv), timeoutMs: COMMAND_TIMEOUT });
    expect(result.code, tail(result.output)).toBe(0);
  }

  it(
    "passes its own tests on the embedded database (PGlite)",
    async () => {
      await expectNpmPasses(["test"]);
    },
    TEST_TIMEOUT,
  );

  if (DATABASE_URL !== undefined) {
    it(
      "passes its own tests on the real PostgreSQL (APPRENTICE_TEST_DATABASE_URL)",
      async () => {
        await expectNpmPasses(["test"], { DATABASE_URL });
      },
      TEST_TIMEOUT,
    );
  }

  it(
    "typechecks",
    async () => {
      await expectNpmPasses(["run", "typecheck"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "lints clean with its own ESLint configuration",
    async () => {
      await expectNpmPasses(["run", "lint"]);
    },
    TEST_TIMEOUT,
  );

  it(
    "builds, and the build starts from a production install with only the files the image holds",
    async () => {
      await expectNpmPasses(["run", "build"]);
      const production = join(parent, "production");
      mkdirSync(production);
      for (const file of IMAGE_FILES) cpSync(join(dir, file), join(production, file), { recursive: true });
      const install = await runCommand(
        NPM,
        ["ci", "--omit=dev", "--cache", NPM_CACHE, "--prefer-offline", "--no-audit", "--no-fund"],
        { cwd: production, env: projectEnv(), timeoutMs: INSTALL_TIMEOUT },
      );
      expect(install.code, tail(install.output)).toBe(0);
      const start = (
        JSON.parse(readFileSync(join(production, "package.json"), "utf8")) as { scripts: { start: string } }
      ).scripts.start;
      expect(start).toBe("node dist/server.js");
      const server = await runServer(production, [process.execPath, "dist/server.js"], async (url) => {
        expect((await fetch(`${url}/health/live`)).status).toBe(200);
        expect((await fetch(`${url}/openapi.json`)).status).toBe(200);
      });
      expect(server.code, tail(server.output)).toBe(0);
      expect(server.output).toMatch(/Shutdown complete/);
    },
    TEST_TIMEOUT,
  );

  it(
    "has an openapi.yaml with no errors from Redocly's linter",
    async () => {
      const configPath = findConfig(dir);
      const config = configPath ? await loadConfig({ configPath }) : await createConfig({ extends: ["recommended"] });
      const problems = await lint({ ref: join(dir, "openapi.yaml"), config });
      const errors = problems
        .filter((problem) => problem.severity === "error")
        .map((problem) => `${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer ?? ""})`);
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    "gets no essential findings when Apprentice reviews the whole project with the template's rubric",
    async () => {
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
    TEST_TIMEOUT,
  );
});
