interface TreeNode {
  children: Map<string, TreeNode>;
}

function insert(root: TreeNode, path: string): void {
  let node = root;
  for (const segment of path.split("/")) {
    let child = node.children.get(segment);
    if (!child) {
      child = { children: new Map() };
      node.children.set(segment, child);
    }
    node = child;
  }
}

function lines(node: TreeNode, indent: string): string[] {
  const entries = [...node.children.entries()].sort(([a, aNode], [b, bNode]) => {
    const aDir = aNode.children.size > 0 ? 0 : 1;
    const bDir = bNode.children.size > 0 ? 0 : 1;
    return aDir - bDir || a.localeCompare(b);
  });
  return entries.flatMap(([name, child], index) => {
    const last = index === entries.length - 1;
    const isDir = child.children.size > 0;
    const line = `${indent}${last ? "└── " : "├── "}${name}${isDir ? "/" : ""}`;
    return [line, ...lines(child, `${indent}${last ? "    " : "│   "}`)];
  });
}

/** Renders relative file paths as a tree (folders first, then files, each sorted), under a root label. */
export function formatFileTree(rootLabel: string, paths: readonly string[]): string {
  const root: TreeNode = { children: new Map() };
  for (const path of paths) insert(root, path);
  return [`${rootLabel}/`, ...lines(root, "")].join("\n");
}
