/**
 * Wraps an ESLint rule (a core or typescript-eslint rule we reuse as it is) so that some of its reports are
 * dropped: where the learner's code legitimately needs what the rule dislikes (Express's four-argument error
 * handlers, `var` in `declare global`), and where the learner turned the rule off with an `eslint-disable`
 * comment naming it. The engine lints with `noInlineConfig` (our rule ids are not the learner's), so the
 * learner's own comments are honoured here, per rule, instead.
 */
import type { AST, Rule } from "eslint";
import type * as ESTree from "estree";

export interface RuleFilter {
  /** Rule names the learner may write in `eslint-disable` comments (`no-var`, `@typescript-eslint/no-unused-vars`). */
  names: readonly string[];
  /** True to drop the report on this node. */
  skip?: (node: ESTree.Node, context: Rule.RuleContext) => boolean;
}

const DIRECTIVE = /^\s*eslint-(disable|enable|disable-line|disable-next-line)(?:\s+([^]*?))?(?:\s+--[^]*)?\s*$/;

/** The lines on which an `eslint-disable` comment switches off one of `names` (or every rule). */
function disabledLines(comments: readonly ESTree.Comment[], names: readonly string[], lineCount: number): Set<number> {
  const lines = new Set<number>();
  let openFrom: number | undefined;
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.value);
    const location = comment.loc;
    if (!match || !location) continue;
    const listed = (match[2] ?? "")
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name.length > 0);
    if (listed.length > 0 && !listed.some((name) => names.includes(name))) continue;
    const kind = match[1];
    if (kind === "disable-line") lines.add(location.start.line);
    else if (kind === "disable-next-line") lines.add(location.end.line + 1);
    else if (kind === "disable") openFrom ??= location.start.line;
    else if (openFrom !== undefined) {
      for (let line = openFrom; line <= location.start.line; line += 1) lines.add(line);
      openFrom = undefined;
    }
  }
  if (openFrom !== undefined) for (let line = openFrom; line <= lineCount; line += 1) lines.add(line);
  return lines;
}

function reportLine(descriptor: Rule.ReportDescriptor): number | undefined {
  if ("node" in descriptor && descriptor.node.loc) return descriptor.node.loc.start.line;
  if ("loc" in descriptor && descriptor.loc) {
    const loc = descriptor.loc as AST.SourceLocation | ESTree.Position;
    return "start" in loc ? loc.start.line : loc.line;
  }
  return undefined;
}

export function filteredRule(rule: Rule.RuleModule, filter: RuleFilter): Rule.RuleModule {
  return {
    ...rule,
    create(context) {
      let disabled: Set<number> | undefined;
      const report = (descriptor: Rule.ReportDescriptor): void => {
        disabled ??= disabledLines(context.sourceCode.getAllComments(), filter.names, context.sourceCode.lines.length);
        const line = reportLine(descriptor);
        if (line !== undefined && disabled.has(line)) return;
        if (filter.skip && "node" in descriptor && filter.skip(descriptor.node as ESTree.Node, context)) return;
        context.report(descriptor);
      };
      const wrapped = Object.create(context, { report: { value: report } }) as Rule.RuleContext;
      return rule.create(wrapped);
    },
  };
}
