/**
 * End to end, for every template in starter-templates/ (read from the folder, so a new template is covered
 * without touching this file): scaffold it non-interactively, install with one shared npm cache, run its
 * tests on embedded PGlite (and on the real PostgreSQL when APPRENTICE_TEST_DATABASE_URL is set, as
 * `.ci/run` does), typecheck it, lint its openapi.yaml with Redocly, and review it with Apprentice's own
 * rubric: a fresh starter must have no essential findings.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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
const NPM_CACHE = process.env.APPRENTICE_E2E_NPM_CACHE ?? execFileSync(NPM, ["config", "get", "cache"], { encoding: "utf8" }).trim();
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

describe.each(templateIds())("starter template %s, generated and run", (id) => {
  let parent: string;
  let dir: string;

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), `apprentice-e2e-${id}-`));
    dir = join(parent, id);
    await scaffold({ template: findTemplate(id), projectName: `e2e-${id}`, out: dir, install: false });
    const install = await runCommand(NPM, ["install", "--cache", NPM_CACHE, "--prefer-offline", "--no-audit", "--no-fund"], { cwd: dir, env: projectEnv(), timeoutMs: INSTALL_TIMEOUT });
    if (install.code !== 0) throw new Error(`npm install failed in ${dir}:\n${tail(install.output)}`);
  }, INSTALL_TIMEOUT + 60_000);

  afterAll(() => {
    if (parent) rmSync(parent, { recursive: true, force: true });
  });

  it("passes its own tests on the embedded database (PGlite)", async () => {
    const result = await runCommand(NPM, ["test"], { cwd: dir, env: projectEnv(), timeoutMs: COMMAND_TIMEOUT });
    expect(result.code, tail(result.output)).toBe(0);
  }, TEST_TIMEOUT);

  if (DATABASE_URL !== undefined) {
    it("passes its own tests on the real PostgreSQL (APPRENTICE_TEST_DATABASE_URL)", async () => {
      const result = await runCommand(NPM, ["test"], { cwd: dir, env: projectEnv({ DATABASE_URL }), timeoutMs: COMMAND_TIMEOUT });
      expect(result.code, tail(result.output)).toBe(0);
    }, TEST_TIMEOUT);
  }

  it("typechecks", async () => {
    const result = await runCommand(NPM, ["run", "typecheck"], { cwd: dir, env: projectEnv(), timeoutMs: COMMAND_TIMEOUT });
    expect(result.code, tail(result.output)).toBe(0);
  }, TEST_TIMEOUT);

  it("has an openapi.yaml with no errors from Redocly's linter", async () => {
    const configPath = findConfig(dir);
    const config = configPath ? await loadConfig({ configPath }) : await createConfig({ extends: ["recommended"] });
    const problems = await lint({ ref: join(dir, "openapi.yaml"), config });
    const errors = problems.filter((problem) => problem.severity === "error").map((problem) => `${problem.ruleId}: ${problem.message} (${problem.location[0]?.pointer ?? ""})`);
    expect(errors).toEqual([]);
  }, TEST_TIMEOUT);

  it("gets no essential findings when Apprentice reviews the whole project with the template's rubric", async () => {
    const { manifest } = findTemplate(id);
    const input = await collectLocalInput({ repo: dir, all: true });
    const result = review({
      files: input.files,
      repoPaths: input.repoPaths,
      relatedFiles: input.relatedFiles,
      config: parseRepoConfig({ rubric: manifest.rubric, filter: "nofilter" }, join(dir, ".github/apprentice.yml")),
      rubric: loadRubric(manifest.rubric, checksById),
    }, { registry: checksById });
    expect(result.stats.filesReviewed).toBeGreaterThan(10);
    const essential = result.findings.filter((finding) => finding.level === "essential").map((finding) => `${finding.path}:${finding.line} ${finding.ruleId}: ${finding.message}`);
    expect(essential).toEqual([]);
  }, TEST_TIMEOUT);
});
