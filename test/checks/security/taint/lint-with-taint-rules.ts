/** Test helper: lints a snippet with every taint rule, the way the engine does (typescript-eslint parser, one pass). */
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import type { EslintCheck } from "../../../../src/contract/check.js";
import { taintChecks } from "../../../../src/checks/security/taint/index.js";

export interface TaintResult {
  category: string;
  line: number;
  message: string;
  suggestion?: string;
}

const linter = new Linter({ configType: "flat" });
const eslintChecks = taintChecks.filter((check): check is EslintCheck => check.kind === "eslint");
const config: Linter.Config[] = [
  {
    files: ["**/*.{js,ts,mjs,cjs,jsx,tsx}"],
    languageOptions: {
      parser: tseslint.parser as Linter.Parser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    plugins: { apprentice: { rules: Object.fromEntries(eslintChecks.map((check) => [check.id, check.rule])) } },
    rules: Object.fromEntries(eslintChecks.map((check) => [`apprentice/${check.id}`, "warn"])),
  },
];

export function lintWithTaintRules(code: string, filename = "app.ts"): TaintResult[] {
  const messages = linter.verify(code, config, { filename });
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${filename}: ${fatal.message} (line ${fatal.line})`);
  return messages.map((message) => {
    const result: TaintResult = {
      category: (message.ruleId ?? "").replace("apprentice/", ""),
      line: message.line,
      message: message.message,
    };
    const fix = message.suggestions?.[0]?.fix;
    if (fix) result.suggestion = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
    return result;
  });
}
