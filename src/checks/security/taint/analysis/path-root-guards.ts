/**
 * Path checks that keep a resolved path inside its folder, other than `full.startsWith(root)` (guards.ts):
 * `if (path.relative(ROOT, file).startsWith("..")) throw ...` and `if (path.dirname(target) !== ROOT) return`.
 * After them `file` / `target` is inside the folder, so it is safe for path traversal.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { calleeName } from "../../../shared/ast/names.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { staticString } from "../../../shared/ast/static-values.js";
import { unwrap } from "../../../shared/ast/unwrap.js";

export interface PathGuardHost {
  isTainted(node: Node): boolean;
}

const isCallOf = (node: Node, name: string): node is TSESTree.CallExpression =>
  node.type === "CallExpression" && calleeName(node) === name;

/**
 * `path.relative(root, file).startsWith("..")` known false (or `isAbsolute(...)` alongside, tested elsewhere):
 * the path `file` that is inside `root` with an untainted root, else undefined.
 */
export function relativeInsideRoot(
  call: TSESTree.CallExpression,
  truth: boolean,
  host: PathGuardHost,
): Node | undefined {
  if (truth || calleeName(call) !== "startsWith" || call.callee.type !== "MemberExpression") return undefined;
  if (staticString(call.arguments[0] as Node | undefined) !== "..") return undefined;
  const receiver = unwrap(call.callee.object as Node);
  if (!isCallOf(receiver, "relative")) return undefined;
  const [root, file] = receiver.arguments as Node[];
  return root && file && !host.isTainted(root) ? file : undefined;
}

/** `path.dirname(target) === ROOT` known true with an untainted root: `target` sits directly in the folder. */
export function dirnameIsRoot(node: TSESTree.BinaryExpression, holds: boolean, host: PathGuardHost): Node | undefined {
  if (!holds) return undefined;
  const left = unwrap(node.left as Node);
  const right = unwrap(node.right);
  for (const [call, root] of [
    [left, right],
    [right, left],
  ] as const)
    if (isCallOf(call, "dirname") && call.arguments[0] && !host.isTainted(root)) return call.arguments[0] as Node;
  return undefined;
}
