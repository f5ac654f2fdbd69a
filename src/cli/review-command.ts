import { isAbsolute, resolve } from "node:path";
import { writeFileSync } from "node:fs";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { allChecks, checksById } from "../checks/registry.js";
import { collectLocalInput } from "../local/collect-local-input.js";
import { LocalReviewError } from "../local/local-review-error.js";
import { OUTPUT_FORMATS, renderReport, type OutputFormat } from "../report/output-formats.js";
import { sarifRulesFromChecks } from "../report/sarif-rules.js";
import { loadRubric, RubricNotFoundError } from "../rubric/load-rubric.js";
import { parseRepoConfig } from "../review/parse-repo-config.js";
import { reachesLevel } from "../review/grade.js";
import { review } from "../review/review.js";
import { type Level, LEVELS } from "../contract/levels.js";
import { parseYaml } from "../validation/parse-yaml.js";
import { formatIssue, ValidationError } from "../validation/validation-error.js";
import { TOOL_VERSION } from "../version.js";
import { recordLocalReview } from "./record-local-review.js";

export interface ReviewCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour for text output (the entry point passes process.stdout.isTTY). */
  color: boolean;
  /** Folder the user ran the command from (npm runs scripts from the package root; INIT_CWD keeps the original). */
  cwd: string;
}

interface ReviewFlags {
  repo: string;
  base?: string;
  head?: string;
  all?: boolean;
  uncommitted: boolean;
  rubric?: string;
  format: OutputFormat;
  failOn: Level | "none";
  output?: string;
  listChecks?: boolean;
  record?: boolean;
}

const EXIT_OK = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

function oneOf<T extends string>(values: readonly T[], flag: string) {
  return (value: string): T => {
    if ((values as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`${flag} must be one of ${values.join(", ")}`);
  };
}

function program(io: ReviewCommandIo): Command {
  return new Command("review")
    .description("Review a change in a local git repository against a rubric, as the Apprentice GitHub App would.")
    .option("--repo <dir>", "the git repository to review", ".")
    .option("--base <ref>", "compare against the merge base with this ref (default: the default branch)")
    .option("--head <ref>", "review up to this ref (default: HEAD and uncommitted changes)")
    .option("--all", "review every file in the repository, not only the change")
    .option("--no-uncommitted", "leave out uncommitted changes (review HEAD only)")
    .option(
      "--rubric <id|path>",
      "a built-in rubric id or a rubric YAML file (default: .github/apprentice.yml's, else junior-backend)",
    )
    .addOption(
      new Option("--format <format>", `output format: ${OUTPUT_FORMATS.join(", ")}`)
        .default("text")
        .argParser(oneOf(OUTPUT_FORMATS, "--format")),
    )
    .addOption(
      new Option(
        "--fail-on <level>",
        `exit with 1 when a finding is at this level or above: ${[...LEVELS, "none"].join(", ")}`,
      )
        .default("none")
        .argParser(oneOf([...LEVELS, "none"] as const, "--fail-on")),
    )
    .option("--output <file>", "write the report to a file instead of standard output")
    .option("--list-checks", "list every check with its criterion and default level, then exit")
    .option("--record", "store this review in the local history (npm run progress shows it)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}

function listChecks(io: ReviewCommandIo): void {
  const width = Math.max(...allChecks.map((check) => check.id.length));
  for (const check of allChecks) {
    io.stdout(
      `${check.id.padEnd(width)}  ${check.criterion.padEnd(10)}  ${check.defaultLevel.padEnd(11)}  ${check.description}\n`,
    );
  }
}

function reportError(io: ReviewCommandIo, error: unknown): number {
  if (error instanceof ValidationError) {
    io.stderr(`apprentice: invalid ${error.file}\n`);
    for (const issue of error.issues) io.stderr(`  ${formatIssue(issue)}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof LocalReviewError || error instanceof RubricNotFoundError) {
    io.stderr(`apprentice: ${error.message}\n`);
    return EXIT_USAGE;
  }
  throw error;
}

/** `npm run review -- [options]`: returns the exit code (0 clean, 1 findings at --fail-on, 2 bad input). */
export async function runReviewCommand(argv: readonly string[], io: ReviewCommandIo): Promise<number> {
  const command = program(io);
  try {
    command.parse([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    throw error;
  }
  const flags = command.opts<ReviewFlags>();
  if (flags.listChecks) {
    listChecks(io);
    return EXIT_OK;
  }
  try {
    const repo = isAbsolute(flags.repo) ? flags.repo : resolve(io.cwd, flags.repo);
    const local = await collectLocalInput({
      repo,
      base: flags.base,
      head: flags.head,
      all: flags.all,
      uncommitted: flags.uncommitted,
    });
    const configFile = `${local.root}/.github/apprentice.yml`;
    const config = parseRepoConfig(
      local.configText === undefined ? {} : parseYaml(local.configText, configFile),
      configFile,
      checksById.keys(),
    );
    if (flags.all) config.filter = "nofilter";
    const rubric = flags.rubric
      ? loadRubric(flags.rubric, checksById, io.cwd)
      : loadRubric(config.rubric, checksById, local.root);
    const result = review(
      {
        files: local.files,
        repoPaths: local.repoPaths,
        relatedFiles: local.relatedFiles,
        config,
        rubric,
        scope: flags.all ? "project" : "change",
      },
      { registry: checksById },
    );
    const rendered = renderReport(flags.format, result, {
      color: io.color && !flags.output && flags.format === "text",
      toolVersion: TOOL_VERSION,
      sarifRules: sarifRulesFromChecks(allChecks),
    });
    const text = flags.format === "text" ? `Reviewed ${local.description}\n\n${rendered}` : rendered;
    if (flags.record) await recordLocalReview(local.root, flags.head ?? "HEAD", result, rubric);
    if (flags.output) writeFileSync(resolve(io.cwd, flags.output), text);
    else io.stdout(text.endsWith("\n") ? text : `${text}\n`);
    return reachesLevel(result.findings, flags.failOn) ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    return reportError(io, error);
  }
}
