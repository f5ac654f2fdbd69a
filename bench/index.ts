/**
 * `npm run bench`: speed and memory of the review engine, each figure set against a baseline measured in
 * the same run on the same files (these machines are shared and noisy, so ratios mean more than ms).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Linter } from "eslint";
import { eslintEntries } from "./eslint-entries.js";
import { eslintConfigFor } from "../src/review/eslint-runner.js";
import { defaultRepoConfig, type RepoConfig } from "../src/contract/repo-config.js";
import type { Rubric } from "../src/contract/rubric-schema.js";
import type { ChangedFile, ReviewInput } from "../src/contract/types.js";
import { review } from "../src/review/review.js";
import { loadRubric } from "../src/rubric/load-rubric.js";
import { benchFiles } from "./fixture-project.js";
import { checksById } from "../src/checks/registry.js";

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Medians of two actions timed in alternation (a, b, a, b, ...) after a warm-up of each, so JIT warm-up
 * and the machine's changing load fall on both alike: on a shared machine, timing one then the other skews.
 */
function timePairMs(a: () => unknown, b: () => unknown, runs: number): [number, number] {
  for (let warm = 0; warm < 3; warm += 1) {
    a();
    b();
  }
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    let start = performance.now();
    a();
    samplesA.push(performance.now() - start);
    start = performance.now();
    b();
    samplesB.push(performance.now() - start);
  }
  return [median(samplesA), median(samplesB)];
}

function inputFor(files: ChangedFile[], rubric: Rubric, config: RepoConfig): ReviewInput {
  return {
    files,
    repoPaths: files.map((file) => file.path),
    relatedFiles: files
      .filter((file) => file.path.startsWith("test/"))
      .map((file) => ({ path: file.path, content: file.content ?? "" })),
    config,
    rubric,
  };
}

/** ESLint's Linter alone (a second instance), with the engine's own config for the same rules, over the same files. */
function linterAlone(files: ChangedFile[], rubric: Rubric, config: RepoConfig): () => void {
  const flat = eslintConfigFor(eslintEntries(rubric, config));
  const linter = new Linter({ configType: "flat" });
  return () => {
    for (const file of files) linter.verify(file.content ?? "", flat, { filename: file.path });
  };
}

function writeProject(dir: string, files: ChangedFile[]): void {
  rmSync(dir, { recursive: true, force: true });
  for (const file of files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content ?? "");
  }
}

/** The ESLint CLI on the same files with the same rules, as a CI job per push would run it (process start included). */
function eslintCli(dir: string): number {
  const samples: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const start = performance.now();
    try {
      execFileSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "node_modules/eslint/bin/eslint.js",
          "--no-warn-ignored",
          "-c",
          "bench/eslint-cli-config.mjs",
          "--format",
          "json",
          dir,
        ],
        {
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
    } catch (error) {
      // exit code 1 means "findings", which is expected here; anything else is a real failure
      if ((error as { status?: number }).status !== 1) throw error;
    }
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const ratio = (value: number, baseline: number): string => `${(value / baseline).toFixed(2)}x`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;

const rubric = loadRubric("junior-backend", checksById);
const withoutSecurity: Rubric = {
  ...rubric,
  criteria: rubric.criteria.filter((criterion) => criterion.id !== "security"),
};
const lines: string[] = ["Apprentice benchmark (medians; ratios against baselines measured in this run)", ""];

const change = benchFiles(20);
const changeInput = inputFor(change, rubric, defaultRepoConfig);
const addedLines = change.reduce((sum, file) => sum + file.addedLines.size, 0);
const findings = review(changeInput, { registry: checksById }).findings.length;
const [engine20, linter20] = timePairMs(
  () => review(changeInput, { registry: checksById }),
  linterAlone(change, rubric, defaultRepoConfig),
  21,
);
const noSecurityInput = inputFor(change, withoutSecurity, defaultRepoConfig);
const [full20, noSecurity20] = timePairMs(
  () => review(changeInput, { registry: checksById }),
  () => review(noSecurityInput, { registry: checksById }),
  21,
);
const jobCriteria = new Set(["api-design", "operations", "database"]);
const withoutJob: Rubric = {
  ...rubric,
  criteria: rubric.criteria.filter((criterion) => !jobCriteria.has(criterion.id)),
};
const noJobInput = inputFor(change, withoutJob, defaultRepoConfig);
const [fullJob20, noJob20] = timePairMs(
  () => review(changeInput, { registry: checksById }),
  () => review(noJobInput, { registry: checksById }),
  21,
);
const probe = (...args: string[]): number =>
  Number(
    execFileSync(process.execPath, ["--import", "tsx", "bench/memory-probe.ts", ...args], { encoding: "utf8" }).trim(),
  );
const rssLoaded = probe("load");
const rss20 = probe("review", "20");
const rss300 = probe("review", "300");
const tmp = ".bench-tmp";
writeProject(join(tmp, "change"), change);
const cli20 = eslintCli(join(tmp, "change"));
lines.push(
  `20-file change (${addedLines} added lines, ${findings} findings):`,
  `  engine review                      ${ms(engine20)}   target < 400 ms`,
  `  ESLint Linter alone, same rules    ${ms(linter20)}   engine = ${ratio(engine20, linter20)} of it (target <= 1.3x)`,
  `  ESLint CLI, same rules and files   ${ms(cli20)}   engine = ${ratio(engine20, cli20)} of it`,
  `  engine without security checks    ${ms(noSecurity20)}   security checks add ${(((full20 - noSecurity20) / noSecurity20) * 100).toFixed(0)}% (target <= 30%)`,
  `  engine without api-design, operations, database  ${ms(noJob20)}   they add ${(((fullJob20 - noJob20) / noJob20) * 100).toFixed(0)}% (target <= 25%)`,
  `  peak resident memory, one review in a fresh process  ${rss20.toFixed(0)} MB (target < 500 MB; ${rssLoaded.toFixed(0)} MB of it is loading Node, ESLint and TypeScript)`,
  "",
);

const project = benchFiles(300);
const allConfig: RepoConfig = { ...defaultRepoConfig, filter: "nofilter" };
const projectInput = inputFor(project, rubric, allConfig);
const [engine300, linter300] = timePairMs(
  () => review(projectInput, { registry: checksById }),
  linterAlone(project, rubric, allConfig),
  3,
);
const noJobProjectInput = inputFor(project, withoutJob, allConfig);
const [fullJob300, noJob300] = timePairMs(
  () => review(projectInput, { registry: checksById }),
  () => review(noJobProjectInput, { registry: checksById }),
  5,
);
writeProject(join(tmp, "project"), project);
const cli300 = eslintCli(join(tmp, "project"));
lines.push(
  `300-file --all review (${review(projectInput, { registry: checksById }).findings.length} findings):`,
  `  engine review                      ${ms(engine300)}`,
  `  ESLint Linter alone, same rules    ${ms(linter300)}   engine = ${ratio(engine300, linter300)} of it`,
  `  ESLint CLI, same rules and files   ${ms(cli300)}   engine = ${ratio(engine300, cli300)} of it`,
  `  engine without api-design, operations, database  ${ms(noJob300)}   they add ${(((fullJob300 - noJob300) / noJob300) * 100).toFixed(0)}%`,
  "",
  `  peak resident memory, one review in a fresh process  ${rss300.toFixed(0)} MB`,
);
rmSync(tmp, { recursive: true, force: true });

if (existsSync(new URL("./app-bench.ts", import.meta.url))) {
  const { runAppBench } = (await import(new URL("./app-bench.ts", import.meta.url).href)) as {
    runAppBench: () => Promise<string[]>;
  };
  lines.push("", ...(await runAppBench()));
  const { runPacingBench } = (await import(new URL("./pacing-bench.ts", import.meta.url).href)) as {
    runPacingBench: () => Promise<string[]>;
  };
  lines.push("", ...(await runPacingBench()));
  const { runQueueBench } = (await import(new URL("./queue-bench.ts", import.meta.url).href)) as {
    runQueueBench: () => Promise<string[]>;
  };
  lines.push("", ...(await runQueueBench()));
}
lines.push("", ...(await (await import("./noise-bench.js")).runNoiseBench(join(import.meta.dirname, ".."))));
lines.push("", ...(await (await import("./dashboard-bench.js")).runDashboardBench()));
lines.push("", ...(await (await import("./history-bench.js")).runHistoryBench()));
console.log(lines.join("\n"));
