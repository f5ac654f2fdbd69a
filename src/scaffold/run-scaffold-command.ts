import { isAbsolute, relative } from "node:path";
import { Command, CommanderError } from "commander";
import { ValidationError } from "../validation/validation-error.js";
import { gatherAnswers } from "./gather-answers.js";
import { formatTemplateList } from "./format-template-list.js";
import type { Prompter } from "./prompter.js";
import { parseVarFlags } from "./resolve-variables.js";
import { scaffold, type ScaffoldResult } from "./scaffold.js";
import { ScaffoldError } from "./scaffold-error.js";
import { BUILTIN_TEMPLATES_DIR, findTemplate, listTemplates, templateIds } from "./template-registry.js";

export interface ScaffoldCommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Present only when a person can answer (a TTY and no CI variable). */
  prompter?: Prompter;
  /** Test seams. */
  gitBinary?: string;
  installOutput?: "inherit" | "ignore";
}

interface Flags {
  template?: string;
  name?: string;
  out?: string;
  var: string[];
  yes?: boolean;
  list?: boolean;
  dryRun?: boolean;
  git: boolean;
  install: boolean;
  force?: boolean;
  github?: string;
  templatesDir: string;
}

function program(io: ScaffoldCommandIo): Command {
  return new Command("scaffold")
    .description("Generate a practice project (REST API + database, tests, CI, exercises) from a starter template.")
    .option("-t, --template <id>", "template id (see --list)")
    .option("-n, --name <name>", "project name, a valid npm package name")
    .option("-o, --out <dir>", "folder to create (default: ./<name>)")
    .option(
      "--var <key=value>",
      "a template variable (repeatable)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option("-y, --yes", "accept defaults without asking")
    .option("--list", "list the templates and exit")
    .option("--dry-run", "print the file tree, write nothing")
    .option("--no-git", "do not create a git repository")
    .option("--no-install", "do not run npm install")
    .option("--force", "replace a non-empty output folder (and reuse an existing GitHub repository)")
    .option(
      "--github <owner/name>",
      "create the GitHub repository, push main and open one issue per exercise (token from GITHUB_TOKEN)",
    )
    .option("--templates-dir <dir>", "folder of templates", BUILTIN_TEMPLATES_DIR)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined });
}

function summary(result: ScaffoldResult, flags: Flags): string {
  const fromHere = relative(process.cwd(), result.target);
  const where = fromHere === "" ? "." : fromHere.startsWith("..") || isAbsolute(fromHere) ? result.target : fromHere;
  const lines = [
    `Created ${where} (${result.files.length} files)${flags.git ? ", with a git repository on branch main and an initial commit" : ""}.`,
  ];
  if (result.github) {
    const skipped =
      result.github.issuesSkipped.length > 0 ? `, ${result.github.issuesSkipped.length} already there` : "";
    lines.push(
      `Published to ${result.github.url} with ${result.github.issuesCreated.length} exercise issues${skipped}.`,
    );
  }
  lines.push("", "Next steps:", `  cd ${where}`);
  if (!flags.install || result.installError) lines.push("  npm install");
  lines.push(
    "  npm test        # runs against an embedded PostgreSQL; set DATABASE_URL to use yours",
    "  npm run dev",
    "  Read EXERCISES.md for the exercises.",
  );
  return lines.join("\n");
}

async function execute(argv: readonly string[], io: ScaffoldCommandIo): Promise<number> {
  const command = program(io);
  command.parse(argv, { from: "user" });
  const flags = command.opts<Flags>();
  if (flags.list) {
    io.stdout(`${formatTemplateList(listTemplates(flags.templatesDir))}\n`);
    return 0;
  }
  const answers = await gatherAnswers(
    {
      template: flags.template,
      name: flags.name,
      out: flags.out,
      vars: parseVarFlags(flags.var),
      yes: flags.yes ?? false,
    },
    {
      prompter: io.prompter,
      templateIds: templateIds(flags.templatesDir),
      loadTemplate: (id) => findTemplate(id, flags.templatesDir),
    },
  );
  const result = await scaffold({
    template: findTemplate(answers.templateId, flags.templatesDir),
    projectName: answers.projectName,
    out: answers.out,
    vars: answers.vars,
    dryRun: flags.dryRun,
    git: flags.git,
    install: flags.install,
    force: flags.force,
    github: flags.github,
    env: io.env,
    gitBinary: io.gitBinary,
    installOutput: io.installOutput,
  });
  if (flags.dryRun) {
    io.stdout(`${result.tree}\n\nDry run: nothing was written.\n`);
    return 0;
  }
  io.stdout(`${summary(result, flags)}\n`);
  if (result.installError) {
    io.stderr(
      `The project was created, but ${result.installError}. Run npm install in ${result.target} to finish (and commit package-lock.json).\n`,
    );
    return 1;
  }
  if (result.setupError) {
    io.stderr(
      `The project was created, but ${result.setupError}. Fix the cause and run it again in ${result.target}.\n`,
    );
    return 1;
  }
  return 0;
}

/** Runs the scaffold command; returns the exit code (0 ok, 1 install failed but project kept, 2 bad input). */
export async function runScaffoldCommand(argv: readonly string[], io: ScaffoldCommandIo): Promise<number> {
  try {
    return await execute(argv, io);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      io.stderr(`${error.message.replace(/^error: /, "")}. See --help.\n`);
      return 2;
    }
    if (error instanceof ScaffoldError) {
      io.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof ValidationError) {
      io.stderr(`Invalid template: ${error.message}. Fix the template manifest.\n`);
      return 2;
    }
    io.stderr(`Unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
