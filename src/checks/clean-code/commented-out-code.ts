import type { AST, Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { looksLikeCode } from "./looks-like-code.js";

type Comment = ESTree.Comment & { range: [number, number]; loc: ESTree.SourceLocation };

/** Runs of `//` comments on consecutive lines form one group; each block comment is its own group. JSDoc and license blocks are prose. */
function commentGroups(comments: readonly Comment[]): Comment[][] {
  const groups: Comment[][] = [];
  for (const comment of comments) {
    if (comment.type === "Block" && (comment.value.startsWith("*") || comment.value.startsWith("!"))) continue;
    const group = groups.at(-1);
    const previous = group?.at(-1);
    const continues =
      group &&
      previous &&
      comment.type === "Line" &&
      previous.type === "Line" &&
      comment.loc.start.line === previous.loc.end.line + 1 &&
      comment.loc.start.column === previous.loc.start.column;
    if (continues) group.push(comment);
    else groups.push([comment]);
  }
  return groups;
}

const rule: Rule.RuleModule = {
  meta: {
    type: "suggestion",
    hasSuggestions: true,
    docs: { description: "Disallow code left in comments." },
    messages: {
      commentedOut:
        "Delete this commented-out code. Git keeps every earlier version, so you can get it back whenever you need it; " +
        "left here, it makes readers wonder whether it still matters and goes stale as the code around it changes.",
      remove: "Delete the commented-out code.",
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return {
      Program() {
        for (const group of commentGroups(sourceCode.getAllComments() as Comment[])) {
          const first = group[0] as Comment;
          const last = group.at(-1) as Comment;
          if (!looksLikeCode(group.flatMap((comment) => comment.value.split("\n")))) continue;
          const lineStart = first.range[0] - first.loc.start.column;
          const ownLines = sourceCode.text.slice(lineStart, first.range[0]).trim() === "";
          const range: AST.Range = ownLines ? [lineStart, last.range[1]] : [first.range[0], last.range[1]];
          context.report({
            loc: { start: first.loc.start, end: last.loc.end },
            messageId: "commentedOut",
            suggest: [{ messageId: "remove", fix: (fixer) => fixer.removeRange(range) }],
          });
        }
      },
    };
  },
};

/** Code kept in comments: dead weight that git already remembers. */
export const commentedOutCodeCheck: EslintCheck = {
  kind: "eslint",
  id: "commented-out-code",
  criterion: "clean-code",
  description: "Code is left in comments instead of being deleted.",
  defaultLevel: "informative",
  rule,
};
