/**
 * Where a helper's sink is reported when input reaches it from a route handler in another file: at the
 * handler's call, with the trace to the sink (docs/security-cross-file.md). The helper's file drops its own
 * `caller` finding for that sink (a DAO splicing its parameter into SQL text), whether or not the handler's
 * file is under review, so the learner sees one finding, where the input enters.
 *
 * The callers are found by their import specifiers (`require("../data/recipes-dao")`, `from "@/lib/net"`):
 * the files naming this one, then the files naming those (a handler -> service -> DAO chain), three levels
 * up. Each is analysed once per review, and only when the helper has a `caller` finding to place.
 */
import { posix } from "node:path";
import type { SourceCode } from "eslint";
import type { ProjectFiles } from "../../../../contract/check.js";
import type { ThroughHit } from "./function-summary.js";
import { projectModule } from "./project-module.js";
import { escapeRegExp } from "../../../shared/escape-reg-exp.js";

/** The taint hits of a file analysed with the review's files, some found through another file. */
export type CallerAnalysis = (sourceCode: SourceCode, path: string) => readonly { through?: ThroughHit }[];

const SCRIPT = /\.[cm]?[jt]sx?$/;
/** How many levels of importers are read: the handler, a service, the DAO (as MAX_DEPTH in function-summary.ts). */
const MAX_LEVELS = 3;

const byProject = new WeakMap<ProjectFiles, Map<string, ReadonlySet<string>>>();

/** What an import of `path` ends with: `recipes-dao` for `src/data/recipes-dao.js`, `lib` for `src/lib/index.ts`. */
function specifierTail(path: string): string {
  const base = posix.basename(path).replace(SCRIPT, "");
  return base === "index" ? posix.basename(posix.dirname(path)) : base;
}

/** A pattern matching an import specifier of one of `paths`: a quoted string ending in `/tail` or `/tail.js`. */
function importPattern(paths: readonly string[]): RegExp {
  const tails = [...new Set(paths.map(specifierTail))].map(escapeRegExp).join("|");
  return new RegExp(`["'\`](?:[^"'\`\\n]*/)?(?:${tails})(?:\\.[cm]?[jt]sx?)?(?:/index(?:\\.[cm]?[jt]sx?)?)?["'\`]`);
}

/**
 * The sinks of `path` (as `sinkKey` writes them) that a call in another file of the review reaches with
 * request input: that call carries the finding.
 */
export function sinksReportedByCallers(
  project: ProjectFiles,
  path: string,
  analyse: CallerAnalysis,
): ReadonlySet<string> {
  let known = byProject.get(project);
  if (!known) byProject.set(project, (known = new Map()));
  const cached = known.get(path);
  if (cached) return cached;
  const keys = new Set<string>();
  const seen = new Set([path]);
  let targets = [path];
  for (let level = 0; level < MAX_LEVELS && targets.length > 0; level++) {
    const pattern = importPattern(targets);
    const next: string[] = [];
    for (const [other, content] of project.contents) {
      if (seen.has(other) || !SCRIPT.test(other) || !pattern.test(content)) continue;
      seen.add(other);
      next.push(other);
      const sourceCode = projectModule(project, other, content).sourceCode;
      if (!sourceCode) continue;
      for (const hit of analyse(sourceCode, other)) for (const key of hit.through?.sinkKeys ?? []) keys.add(key);
    }
    targets = next;
  }
  known.set(path, keys);
  return keys;
}
