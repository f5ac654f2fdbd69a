/**
 * Runs every pattern-based security check over one file the way the engine does: all ESLint rules in one
 * Linter pass with typescript-eslint's parser, and the text-file checks for non-JS files.
 */
import { posix } from "node:path";
import { Linter, type Rule } from "eslint";
import tseslint from "typescript-eslint";
import type { Language, SourceFile } from "../../../../src/checks/check.js";
import { patternChecks } from "../../../../src/checks/security/patterns/index.js";
import type { SecurityCategory } from "../../../../src/review/types.js";

export interface PatternFinding {
  checkId: string;
  category: SecurityCategory | undefined;
  line: number;
  message: string;
  suggestion?: string;
}

const linter = new Linter({ configType: "flat" });
const rules: Record<string, Rule.RuleModule> = {};
const settings: Linter.RulesRecord = {};
for (const check of patternChecks) {
  if (check.kind !== "eslint") continue;
  rules[check.id] = check.rule;
  settings[`patterns/${check.id}`] = "warn";
}
const config: Linter.Config[] = [
  {
    files: ["**/*.js", "**/*.jsx", "**/*.mjs", "**/*.cjs", "**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"],
    languageOptions: { parser: tseslint.parser as Linter.Parser, ecmaVersion: "latest", sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { patterns: { rules } },
    rules: settings,
  },
];

export function languageOf(path: string): Language {
  const base = posix.basename(path);
  if (base === ".env" || base.startsWith(".env.")) return "env";
  if (/\.[cm]?[jt]sx?$/.test(base)) return "js";
  if (/\.(ejs|hbs|pug|njk)$/.test(base)) return "template";
  if (/\.html?$/.test(base)) return "html";
  return "text";
}

export function runPatternChecks(path: string, content: string): PatternFinding[] {
  const language = languageOf(path);
  if (language === "js") {
    const messages = linter.verify(content, config, { filename: path });
    const fatal = messages.find((message) => message.fatal);
    if (fatal) throw new Error(`${path} does not parse: ${fatal.message}`);
    return messages.map((message) => {
      const checkId = (message.ruleId ?? "").replace(/^patterns\//, "");
      const check = patternChecks.find((candidate) => candidate.id === checkId);
      return { checkId, category: check?.category, line: message.line, message: message.message };
    });
  }
  const file: SourceFile = { path, content, language, status: "added", addedLines: new Set() };
  return patternChecks.flatMap((check) =>
    check.kind === "function" && check.languages.includes(language)
      ? check.run({ files: [file], repoPaths: [path], relatedFiles: [], options: {} }).map((finding) => ({ checkId: check.id, category: finding.category ?? check.category, line: finding.line, message: finding.message }))
      : [],
  );
}
