import { isAbsolute, resolve } from "node:path";
import { existsSync } from "node:fs";
import { simpleGit } from "simple-git";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { collectLocalInput } from "../local/collect-local-input.js";
import { firstParentCommits } from "../local/first-parent-commits.js";
import { LocalReviewError } from "../local/local-review-error.js";
import { learningThemes } from "../report/learning-themes.js";
import { progressJson, renderProgressText } from "../report/render-progress-text.js";
import { parseRepoConfig } from "../review/parse-repo-config.js";
import { review } from "../review/review.js";
import { loadRubric, RubricNotFoundError } from "../rubric/load-rubric.js";
import type { HistoryStore } from "../storage/history-store.js";
import { openHistory } from "../storage/open-history.js";
import { resultParts, rubricHash } from "../storage/review-record.js";
import { parseYaml } from "../validation/parse-yaml.js";
import { ValidationError } from "../validation/validation-error.js";
import { checksById } from "../checks/registry.js";
import type { ReviewCommandIo as CommandIo } from "./review-command.js";

interface ProgressFlags {
  repo: string;
  count: number;
  ref?: string;
  format: "text" | "json";
}

export interface ProgressOptions {
  /** Aborted on Ctrl-C: the commit under review finishes (or is dropped whole), then the command stops. */
  signal?: AbortSignal;
  /** Environment for the history (DATABASE_URL, APPRENTICE_DATA_DIR); default process.env. */
  env?: NodeJS.ProcessEnv;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new InvalidArgumentError("-n must be a whole number from 1 to 1000");
  return n;
}

async function repositoryRoot(dir: string): Promise<string> {
  if (!existsSync(dir)) throw new LocalReviewError(`repository folder not found: ${dir}`);
  try {
    return (await simpleGit(dir).revparse(["--show-toplevel"])).trim();
  } catch {
    throw new LocalReviewError(`not a git repository: ${dir} (pass --repo DIR)`);
  }
}

async function defaultRef(root: string): Promise<string> {
  const git = simpleGit(root);
  for (const ref of ["origin/HEAD", "main", "master", "trunk"]) {
    const found = await git.raw(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).catch(() => "");
    if (found.trim()) return ref;
  }
  return "HEAD";
}

/** Reviews each commit range not yet in the history, one transaction each; returns how many were new. */
async function reviewNew(
  history: HistoryStore,
  root: string,
  ranges: Awaited<ReturnType<typeof firstParentCommits>>,
  io: CommandIo,
  signal?: AbortSignal,
): Promise<number> {
  let fresh = 0;
  for (const [index, range] of ranges.entries()) {
    if (signal?.aborted) break;
    if (await history.hasLocalReview(root, range.commit, range.parent)) continue;
    io.stderr(
      `reviewing commit ${index + 1}/${ranges.length} ${range.commit.slice(0, 7)} ${range.subject.slice(0, 50)}\n`,
    );
    const local = await collectLocalInput({ repo: root, base: range.parent, head: range.commit, uncommitted: false });
    const configFile = `${root}/.github/apprentice.yml`;
    const config = parseRepoConfig(
      local.configText === undefined ? {} : parseYaml(local.configText, configFile),
      configFile,
    );
    const rubric = loadRubric(config.rubric, checksById, root);
    const result = review(
      { files: local.files, repoPaths: local.repoPaths, relatedFiles: local.relatedFiles, config, rubric },
      { registry: checksById },
    );
    await history.record({
      installationId: 0,
      repository: root,
      pullNumber: 0,
      headSha: range.commit,
      baseSha: range.parent,
      author: { login: range.author, id: 0 },
      rubric: { id: result.rubric.id, hash: rubricHash(rubric) },
      committedAt: range.date,
      source: "local",
      ...resultParts(result),
    });
    fresh += 1;
  }
  return fresh;
}

/** `npm run progress -- --repo DIR [-n 20] [--format json]`: returns the exit code (0, or 2 for bad input). */
export async function runProgressCommand(
  argv: readonly string[],
  io: CommandIo,
  options: ProgressOptions = {},
): Promise<number> {
  const command = new Command("progress")
    .description(
      "Review the last commits of the default branch, one review per commit, and show recurring themes and scores over time.",
    )
    .option("--repo <dir>", "the git repository", ".")
    .addOption(new Option("-n, --count <n>", "how many first-parent commits to review").default(20).argParser(positive))
    .option("--ref <ref>", "the branch to walk (default: origin/HEAD, else main, master or trunk)")
    .addOption(new Option("--format <format>", "text or json").default("text").choices(["text", "json"]))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  try {
    command.parse([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const flags = command.opts<ProgressFlags>();
  let history: HistoryStore | undefined;
  try {
    const dir = isAbsolute(flags.repo) ? flags.repo : resolve(io.cwd, flags.repo);
    const root = await repositoryRoot(dir);
    const ranges = await firstParentCommits(root, flags.ref ?? (await defaultRef(root)), flags.count);
    const { REDIS_URL: _ignored, ...env } = options.env ?? process.env;
    history = await openHistory(env, { cwd: io.cwd });
    const fresh = await reviewNew(history, root, ranges, io, options.signal);
    if (options.signal?.aborted) io.stderr(`stopped: ${fresh} new commits stored; run again to review the rest\n`);
    const key = { installationId: 0 as const, repository: root };
    const points = await history.progress(key, flags.count);
    const rows = points.map((p) => ({
      commit: p.headSha,
      label: p.headSha.slice(0, 7),
      date: p.committedAt ?? p.reviewedAt,
      criteria: p.criteria,
    }));
    const past = await history.recentReviews(key, { limit: 10 });
    const themes = learningThemes(past.map((p) => ({ label: p.headSha, rules: p.rules })));
    if (flags.format === "json") io.stdout(progressJson(rows, themes));
    else
      io.stdout(
        renderProgressText(
          rows,
          themes,
          `Progress of ${root}: ${ranges.length} commits, ${fresh} reviewed now, ${ranges.length - fresh} from the cache`,
        ),
      );
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) {
      io.stderr(`apprentice: invalid ${error.file}\n`);
      for (const issue of error.issues) io.stderr(`  ${issue.path}: expected ${issue.expected}\n`);
      return 2;
    }
    if (error instanceof LocalReviewError || error instanceof RubricNotFoundError) {
      io.stderr(`apprentice: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await history?.close();
  }
}
