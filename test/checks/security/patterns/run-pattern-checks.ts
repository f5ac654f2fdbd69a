/**
 * Runs every pattern-based security check over one file through the engine's own runners: all ESLint
 * rules in one warm-Linter pass (runEslintChecks), and the text-file checks for the file's language.
 */
import type { EslintCheck, FunctionCheck } from "../../../../src/contract/check.js";
import type { SecurityCategory } from "../../../../src/contract/security-categories.js";
import { patternChecks } from "../../../../src/checks/security/patterns/index.js";
import { runEslintChecks } from "../../../../src/review/eslint-runner.js";
import { languageOf } from "../../../../src/review/language.js";

export interface PatternFinding {
  checkId: string;
  category: SecurityCategory | undefined;
  line: number;
  message: string;
  suggestion?: string;
}

const eslintChecks = patternChecks
  .filter((check): check is EslintCheck => check.kind === "eslint")
  .map((check) => ({ check, options: {} }));
const functionChecks = patternChecks.filter((check): check is FunctionCheck => check.kind === "function");

export function runPatternChecks(path: string, content: string): PatternFinding[] {
  const language = languageOf(path);
  if (!language) return [];
  const file = { path, content, language, status: "added" as const, addedLines: new Set<number>() };
  if (language === "js") {
    const result = runEslintChecks(file, eslintChecks);
    if (result.parseError) throw new Error(`${path} does not parse: ${result.parseError.message}`);
    if (result.crashed.length > 0)
      throw new Error(
        `${path}: ${result.crashed.map((crash) => `${crash.checkId} crashed: ${crash.error}`).join("; ")}`,
      );
    return [...result.findings].flatMap(([checkId, findings]) =>
      findings.map((finding) => ({
        checkId,
        category: finding.category,
        line: finding.line,
        message: finding.message,
        ...(finding.suggestion ? { suggestion: finding.suggestion } : {}),
      })),
    );
  }
  return functionChecks
    .filter((check) => check.languages.includes(language))
    .flatMap((check) =>
      check.run({ files: [file], repoPaths: [path], relatedFiles: [], options: {} }).map((finding) => ({
        checkId: check.id,
        category: finding.category ?? check.category,
        line: finding.line,
        message: finding.message,
      })),
    );
}
