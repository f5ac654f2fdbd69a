/**
 * The noise figure: a whole-project review (`--all`, as `npm run review -- --all` runs it) of a project
 * written by others, counted per 1000 reviewed lines by level and by check. Used by `npm run corpus`
 * (the pinned projects of `bench/corpus.json`) and by `npm run bench` (the packages in node_modules).
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checksById } from "../src/checks/registry.js";
import type { Level } from "../src/contract/levels.js";
import type { Finding } from "../src/contract/types.js";
import { collectLocalInput } from "../src/local/collect-local-input.js";
import { parseRepoConfig } from "../src/review/parse-repo-config.js";
import { groupRepeated } from "../src/review/group-repeated.js";
import { review } from "../src/review/review.js";
import { loadRubric } from "../src/rubric/load-rubric.js";

export interface CorpusProject {
  id: string;
  /** owner/name on GitHub, with `commit` and `subfolder`. */
  repo?: string;
  commit?: string;
  subfolder?: string;
  /** Or a package installed in node_modules. */
  nodeModules?: string;
  stack: string;
}

export interface NoiseReport {
  id: string;
  files: number;
  lines: number;
  byLevel: Record<Level, number>;
  /** Essential + actionable findings by check id. */
  byCheck: Record<string, number>;
  /** Essential + actionable findings as a learner sees them, repeats of one check grouped (maxFindingsPerCheck 5). */
  shown: number;
  findings: Finding[];
}

export function readCorpus(file: string): CorpusProject[] {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { projects?: unknown };
  if (!Array.isArray(parsed.projects)) throw new Error(`${file}: projects: expected an array of projects`);
  return parsed.projects.map((project: Partial<CorpusProject>, index) => {
    if (typeof project.id !== "string") throw new Error(`${file}: projects[${index}].id: expected a string`);
    if (
      project.nodeModules === undefined &&
      (typeof project.repo !== "string" || !/^[0-9a-f]{40}$/.test(project.commit ?? ""))
    )
      throw new Error(`${file}: projects[${index}]: expected "repo" with a 40-hex "commit", or "nodeModules"`);
    return project as CorpusProject;
  });
}

/** Where a fetched repository's bare mirror lives (APPRENTICE_MIRRORS, default /work/.mirror, as the fetch tool leaves it). */
export function mirrorOf(repo: string): string {
  return join(process.env.APPRENTICE_MIRRORS ?? "/work/.mirror", repo.replace("/", "+"), "repo");
}

const git = (cwd: string, args: string[]) =>
  execFileSync("git", args, { cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 });

/**
 * Extracts a project into `workDir/<id>` and makes it a git repository (the review reads files through git).
 * Returns undefined, with the reason, when its source is not here.
 */
export function materialise(
  project: CorpusProject,
  workDir: string,
  nodeModulesDir: string,
): { dir: string } | { missing: string } {
  const dir = join(workDir, project.id);
  const stamp = join(dir, ".apprentice-corpus");
  const want = project.nodeModules ?? `${project.repo}@${project.commit}:${project.subfolder ?? ""}`;
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === want) return { dir };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (project.nodeModules !== undefined) {
    const source = join(nodeModulesDir, project.nodeModules);
    if (!existsSync(source)) return { missing: `${source} is not installed` };
    cpSync(source, dir, { recursive: true, filter: (path) => !path.slice(source.length).includes("/node_modules") });
  } else {
    const mirror = mirrorOf(project.repo ?? "");
    if (!existsSync(mirror))
      return { missing: `no mirror of ${project.repo} at ${mirror} (fetch it, or set APPRENTICE_MIRRORS)` };
    try {
      git(mirror, ["cat-file", "-e", `${project.commit}^{commit}`]);
    } catch {
      return { missing: `${mirror} has no commit ${project.commit}` };
    }
    const sub = (project.subfolder ?? "").replace(/\/+$/, "");
    const tar = git(mirror, ["archive", "--format=tar", project.commit ?? "", ...(sub ? [sub] : [])]);
    const strip = sub ? sub.split("/").length : 0;
    execFileSync("tar", ["-x", "-C", dir, `--strip-components=${strip}`], { input: tar, maxBuffer: 1 << 30 });
  }
  git(dir, ["init", "-q"]);
  writeFileSync(join(dir, ".git", "info", "exclude"), ".apprentice-corpus\n");
  writeFileSync(stamp, want);
  return { dir };
}

const ESSENTIAL_ACTIONABLE = new Set<Level>(["essential", "actionable"]);

/** Reviews every file of `dir` as `npm run review -- --all` does, and counts the findings per 1000 lines. */
export async function measureNoise(id: string, dir: string): Promise<NoiseReport> {
  const local = await collectLocalInput({ repo: dir, all: true });
  const configFile = `${local.root}/.github/apprentice.yml`;
  // A project's own apprentice.yml would be someone else's settings: measure with the defaults.
  const config = parseRepoConfig({}, configFile, checksById.keys());
  config.filter = "nofilter";
  const rubric = loadRubric(config.rubric, checksById, local.root);
  const input = {
    files: local.files,
    repoPaths: local.repoPaths,
    relatedFiles: local.relatedFiles,
    rubric,
    scope: "project" as const,
  };
  // Every finding, ungrouped (a learner sees repeats of one check grouped), is what noise and precision are measured on.
  const all = review({ ...input, config: { ...config, maxFindingsPerCheck: 1000 } }, { registry: checksById });
  const byLevel: Record<Level, number> = { essential: 0, actionable: 0, informative: 0, celebratory: 0 };
  const byCheck: Record<string, number> = {};
  for (const finding of all.findings) {
    byLevel[finding.level] += 1;
    if (ESSENTIAL_ACTIONABLE.has(finding.level)) byCheck[finding.ruleId] = (byCheck[finding.ruleId] ?? 0) + 1;
  }
  return {
    id,
    files: all.stats.filesReviewed,
    lines: all.stats.linesReviewed ?? 0,
    byLevel,
    byCheck,
    shown: groupRepeated(all.findings, config.maxFindingsPerCheck).filter((finding) =>
      ESSENTIAL_ACTIONABLE.has(finding.level),
    ).length,
    findings: all.findings,
  };
}

export const perThousand = (count: number, lines: number): number => (lines === 0 ? 0 : (count * 1000) / lines);
