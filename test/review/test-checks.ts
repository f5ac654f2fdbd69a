/** Small checks for engine tests: they exercise the engine, not any real rule. */
import type { Rule } from "eslint";
import type { Check, EslintCheck, FunctionCheck } from "../../src/contract/check.js";
import { type RepoConfig, repoConfigSchema } from "../../src/contract/repo-config.js";
import { type Rubric, rubricSchema } from "../../src/contract/rubric-schema.js";
import type { ChangedFile } from "../../src/contract/types.js";
import { parseErrorCheck } from "../../src/checks/core/parse-error.js";

const debuggerRule: Rule.RuleModule = {
  meta: { type: "problem", fixable: "code", messages: { found: "Remove the debugger statement." }, schema: [] },
  create(context) {
    return {
      DebuggerStatement(node) {
        context.report({ node, messageId: "found", fix: (fixer) => fixer.remove(node) });
      },
    };
  },
};

const eqRule: Rule.RuleModule = {
  meta: { type: "suggestion", fixable: "code", messages: { loose: "Use === instead of ==." }, schema: [] },
  create(context) {
    return {
      BinaryExpression(node) {
        if (node.operator !== "==") return;
        const operator = context.sourceCode.getTokenAfter(node.left, (token) => token.value === "==");
        context.report({
          node,
          messageId: "loose",
          fix: operator ? (fixer) => fixer.replaceText(operator, "===") : null,
        });
      },
    };
  },
};

const crashRule: Rule.RuleModule = {
  meta: { type: "problem", messages: {}, schema: [] },
  create() {
    return {
      Program() {
        throw new Error("boom");
      },
    };
  },
};

export const debuggerCheck: EslintCheck = {
  kind: "eslint",
  id: "no-debugger-test",
  criterion: "clean-code",
  description: "debugger",
  defaultLevel: "essential",
  rule: debuggerRule,
};
export const eqCheck: EslintCheck = {
  kind: "eslint",
  id: "eq-test",
  criterion: "clean-code",
  description: "==",
  defaultLevel: "actionable",
  rule: eqRule,
  learnerMessage: () => "Use === so values are compared without type conversion.",
};
export const crashCheck: EslintCheck = {
  kind: "eslint",
  id: "crash-test",
  criterion: "clean-code",
  description: "crash",
  defaultLevel: "actionable",
  rule: crashRule,
};
export const todoCheck: FunctionCheck = {
  kind: "function",
  id: "todo-test",
  criterion: "tests",
  description: "TODO",
  defaultLevel: "informative",
  languages: ["js", "text"],
  run: ({ files }) =>
    files.flatMap((file) =>
      file.content
        .split("\n")
        .flatMap((line, index) =>
          line.includes("TODO") ? [{ message: "A TODO is left.", path: file.path, line: index + 1 }] : [],
        ),
    ),
};
export const wholeFileCheck: FunctionCheck = {
  kind: "function",
  id: "whole-file-test",
  criterion: "tests",
  description: "file",
  defaultLevel: "actionable",
  languages: ["js"],
  run: ({ files }) =>
    files
      .filter((file) => file.path.startsWith("src/"))
      .map((file) => ({ message: "No test for this module.", path: file.path, line: 1, scope: "file" as const })),
};

export const testRegistry: ReadonlyMap<string, Check> = new Map(
  [debuggerCheck, eqCheck, crashCheck, todoCheck, wholeFileCheck, parseErrorCheck].map((check) => [check.id, check]),
);

export function testRubric(
  checks: Record<string, string[]> = {
    "clean-code": ["no-debugger-test", "eq-test", "parse-error"],
    tests: ["todo-test"],
  },
  extra: Record<string, unknown> = {},
): Rubric {
  return rubricSchema.parse({
    id: "test-rubric",
    title: "Test rubric",
    criteria: Object.entries(checks).map(([id, ids]) => ({
      id,
      title: id,
      levels: [
        { name: "good", min: 80 },
        { name: "poor", min: 0 },
      ],
      checks: ids.map((checkId) => ({ id: checkId })),
    })),
    ...extra,
  });
}

export function testConfig(overrides: Record<string, unknown> = {}): RepoConfig {
  return repoConfigSchema.parse(overrides);
}

/** A changed file whose added lines are given, or every line when `added` is "all". */
export function changed(
  path: string,
  content: string,
  added: number[] | "all" = "all",
  status: ChangedFile["status"] = "modified",
): ChangedFile {
  const lineCount = content.split("\n").length;
  return {
    path,
    status,
    content,
    addedLines: new Set(added === "all" ? Array.from({ length: lineCount }, (_, index) => index + 1) : added),
  };
}
