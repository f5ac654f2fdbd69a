import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { visitorKeys } from "@typescript-eslint/visitor-keys";

/**
 * Visits `node` and its descendants depth-first, in source order, by the parser's own visitor keys.
 * `visit` returns false to skip a node's children (type annotations, declare blocks).
 */
export function walk(node: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | void): void {
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as TSESTree.Node;
    if (visit(current) === false) continue;
    const keys = visitorKeys[current.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k -= 1) {
      const child = (current as unknown as Record<string, unknown>)[keys[k] as string];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i -= 1) {
          const item = child[i] as TSESTree.Node | null;
          if (item && typeof item.type === "string") stack.push(item);
        }
      } else if (child && typeof (child as TSESTree.Node).type === "string") {
        stack.push(child as TSESTree.Node);
      }
    }
  }
}
