import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checksById } from "../checks/registry.js";
import { toCheckRunOutput } from "../report/check-run-output.js";
import { toAnnotations } from "../report/render-annotations.js";
import { fingerprintMarker, parseFingerprintMarker, renderFindingComment } from "../report/render-finding-comment.js";
import { renderSummaryMarkdown, SUMMARY_MARKER } from "../report/render-markdown.js";
import { parseRepoConfig } from "../review/parse-repo-config.js";
import { review } from "../review/review.js";
import { BUILTIN_RUBRICS_DIR, builtinRubricIds, loadRubric, parseRubric } from "../rubric/load-rubric.js";
import type { HistoryStore } from "../storage/history-store.js";
import type { AppDeps } from "./app-deps.js";

/** Reads `rubrics/lessons/<id>.md` from Apprentice's own install, for a known check id only. */
export function readLesson(checkId: string, lessonsDir = join(BUILTIN_RUBRICS_DIR, "lessons")): string | undefined {
  if (!/^[a-z][a-z0-9-]*$/.test(checkId)) return undefined;
  const file = join(lessonsDir, `${checkId}.md`);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

/** The real engine, rubric and config loaders, and renderers; `history` when the server opened one. */
export function createDefaultDeps(history?: HistoryStore): AppDeps {
  return {
    ...(history ? { history } : {}),
    review: (input) => review(input, { registry: checksById }),
    parseRepoConfig: (data, file) => parseRepoConfig(data, file, checksById.keys()),
    builtinRubricIds,
    loadBuiltinRubric: (id) => loadRubric(id, checksById),
    parseRubric: (text, file) => parseRubric(text, file, checksById),
    renderFindingComment,
    fingerprintMarker,
    parseFingerprintMarker,
    toCheckRunOutput,
    toAnnotations,
    renderSummaryMarkdown,
    summaryMarker: SUMMARY_MARKER,
    checkIds: () => [...checksById.keys()],
    readLesson: (id) => readLesson(id),
  };
}
