import picomatch from "picomatch";
import type { Language, SourceFile } from "../contract/check.js";
import type { RepoConfig } from "../contract/repo-config.js";
import type { ChangedFile, SkippedFile } from "../contract/types.js";
import type { EnabledCheck } from "./enabled-checks.js";
import { languageOf } from "./language.js";
import { skipReason } from "./skip-reason.js";

/** Languages some enabled check reads. */
export function languagesRead(enabled: readonly EnabledCheck[]): Set<Language> {
  const languages = new Set<Language>();
  for (const { check } of enabled) {
    if (check.kind === "eslint" || check.kind === "engine") languages.add("js");
    else for (const language of check.languages) languages.add(language);
  }
  return languages;
}

/**
 * Splits the changed files into those the engine reviews and those it skips, with the reason for each.
 * Removed files are neither: there is nothing left to review.
 */
export function selectFiles(
  files: readonly ChangedFile[],
  config: RepoConfig,
  enabled: readonly EnabledCheck[],
): { sources: SourceFile[]; skipped: SkippedFile[] } {
  const included = picomatch(config.include, { dot: true });
  const excluded = config.exclude.length > 0 ? picomatch(config.exclude, { dot: true }) : () => false;
  const readable = languagesRead(enabled);
  const sources: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    if (file.status === "removed") continue;
    if (!included(file.path) || excluded(file.path)) {
      skipped.push({ path: file.path, reason: "excluded by the include/exclude settings of .github/apprentice.yml" });
      continue;
    }
    const reason = skipReason(file);
    if (reason) {
      skipped.push({ path: file.path, reason });
      continue;
    }
    const language = languageOf(file.path);
    if (!language) {
      skipped.push({ path: file.path, reason: "binary" });
      continue;
    }
    if (!readable.has(language)) {
      skipped.push({
        path: file.path,
        reason: `unsupported language: no check in this rubric reads ${language} files`,
      });
      continue;
    }
    sources.push({
      path: file.path,
      content: file.content ?? "",
      language,
      status: file.status,
      addedLines: file.addedLines,
    });
  }
  return { sources, skipped };
}
