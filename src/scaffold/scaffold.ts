import { basename, resolve } from "node:path";
import { TOOL_VERSION } from "../version.js";
import { checkTarget, stageOutput } from "./atomic-output.js";
import { formatFileTree } from "./format-file-tree.js";
import { exercisesFile } from "./exercises-file.js";
import { commitLockfile, initRepository } from "./git-repository.js";
import { githubToken } from "./publisher-octokit.js";
import { parseGithubTarget } from "./github-target.js";
import { installDependencies, runProjectScript } from "./install-dependencies.js";
import type { Template } from "./load-template.js";
import { repoConfigFile, templateRecordFile, REPO_CONFIG_PATH } from "./project-extras.js";
import { publishToGithub, type PublishedRepository } from "./publish-to-github.js";
import { renderTemplate, type RenderedFile } from "./render-template.js";
import { resolveVariables } from "./resolve-variables.js";
import { rubricCriteria } from "./rubric-criteria.js";
import { ScaffoldError } from "./scaffold-error.js";
import { projectNameError } from "./validate-project-name.js";
import type { VariableValue } from "./variable-value.js";
import { writeRenderedFiles } from "./write-rendered-files.js";

export interface ScaffoldOptions {
  template: Template;
  projectName: string;
  /** The project folder to create. */
  out: string;
  /** Raw `--var` / prompt answers by variable name; validated here against the manifest. */
  vars?: Record<string, string>;
  dryRun?: boolean;
  git?: boolean;
  install?: boolean;
  force?: boolean;
  /** `OWNER/NAME`: publish to GitHub. */
  github?: string;
  env?: NodeJS.ProcessEnv;
  gitBinary?: string;
  now?: Date;
  /** How npm install shows its output ("ignore" in tests). */
  installOutput?: "inherit" | "ignore";
}

export interface ScaffoldResult {
  target: string;
  /** Project-relative paths of every file generated (including .apprentice/template.json). */
  files: string[];
  /** The file tree, as printed by --dry-run. */
  tree: string;
  answers: Record<string, VariableValue>;
  written: boolean;
  github?: PublishedRepository;
  /** Set when npm install (or committing its package-lock.json) failed after the project was moved into place; the project is kept. */
  installError?: string;
  /** Set when a script of the manifest's `afterInstall` (run after a good install) failed; the project is kept. */
  setupError?: string;
}

/** Validates everything and renders the project in memory: no disk writes. */
function plan(options: ScaffoldOptions): { answers: Record<string, VariableValue>; files: RenderedFile[] } {
  const { manifest, fileLayers } = options.template;
  const nameError = projectNameError(options.projectName);
  if (nameError !== undefined)
    throw new ScaffoldError(`Project name "${options.projectName}" ${nameError}. Fix --name.`);
  const answers = { projectName: options.projectName, ...resolveVariables(manifest, options.vars ?? {}) };
  const now = options.now ?? new Date();
  const variables = {
    ...answers,
    templateId: manifest.id,
    templateVersion: manifest.version,
    year: now.getUTCFullYear(),
  };
  const files = renderTemplate(fileLayers, variables);
  if (!files.some((file) => file.path === REPO_CONFIG_PATH)) files.push(repoConfigFile(manifest));
  const criterionTitles = new Map(
    (rubricCriteria(manifest.rubric) ?? []).map((criterion) => [criterion.id, criterion.title]),
  );
  files.push(exercisesFile(manifest, options.projectName, criterionTitles));
  files.push(
    templateRecordFile({
      templateId: manifest.id,
      templateVersion: manifest.version,
      answers,
      apprenticeVersion: TOOL_VERSION,
      createdAt: now.toISOString(),
    }),
  );
  return { answers, files };
}

/**
 * Generates a project from a template, atomically: everything (render, git init + commit, GitHub) happens
 * in a temporary folder next to the target, which is moved into place only when all of it succeeded; on
 * any failure it is removed. `npm install` runs after the move: its failure is reported, the project kept.
 */
export async function scaffold(options: ScaffoldOptions): Promise<ScaffoldResult> {
  const target = resolve(options.out);
  const env = options.env ?? process.env;
  const github = options.github === undefined ? undefined : parseGithubTarget(options.github);
  const token = github === undefined ? undefined : githubToken(env);
  if (github !== undefined && options.git === false)
    throw new ScaffoldError("--github needs git to push the project. Remove --no-git, or drop --github.");
  const { answers, files } = plan(options);
  await checkTarget(target, options.force ?? false);
  const paths = files.map((file) => file.path).sort();
  const result: ScaffoldResult = {
    target,
    files: paths,
    tree: formatFileTree(basename(target), paths),
    answers,
    written: false,
  };
  if (options.dryRun) return result;

  const staged = await stageOutput(target);
  try {
    await writeRenderedFiles(staged.dir, files);
    const { manifest } = options.template;
    if (options.git !== false)
      await initRepository(
        staged.dir,
        `Start ${options.projectName} from the ${manifest.id} template (${manifest.version})`,
        { binary: options.gitBinary },
      );
    if (github !== undefined && token !== undefined) {
      result.github = await publishToGithub({
        dir: staged.dir,
        manifest,
        target: github,
        token,
        reuse: options.force ?? false,
        env,
        gitBinary: options.gitBinary,
      });
    }
    await staged.commit();
  } catch (error) {
    await staged.discard();
    throw error;
  }
  result.written = true;
  if (options.install !== false) {
    result.installError = await installDependencies(target, options.installOutput ?? "inherit");
    if (result.installError === undefined && options.git !== false)
      result.installError = await commitLockfile(target, { binary: options.gitBinary });
    for (const script of options.template.manifest.afterInstall) {
      if (result.installError !== undefined || result.setupError !== undefined) break;
      result.setupError = await runProjectScript(target, script, options.installOutput ?? "inherit", options.env);
    }
  }
  return result;
}
