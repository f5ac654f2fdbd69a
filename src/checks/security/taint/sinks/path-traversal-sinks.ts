/**
 * Path traversal: a file path built from input reaching the fs module (`readFile`, `createReadStream`,
 * `writeFile`, `unlink`, ...), fs-extra, or Express `res.sendFile`/`res.download` without a `root`.
 */
import { calleeName, receiverOf, rootName } from "../../../shared/ast/names.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { findProperty } from "../../../shared/ast/static-values.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { dangerous } from "../analysis/taint.js";
import { calleeLabel, type SinkHit } from "./sink-hit.js";

const FS_MODULES = /^(fs|fs\/promises|fs-extra|graceful-fs|fs-promise|mz\/fs)$/;
const FS_CALLS = new Set([
  "readFile",
  "readFileSync",
  "createReadStream",
  "createWriteStream",
  "writeFile",
  "writeFileSync",
  "appendFile",
  "appendFileSync",
  "unlink",
  "unlinkSync",
  "rm",
  "rmSync",
  "rmdir",
  "rmdirSync",
  "readdir",
  "readdirSync",
  "stat",
  "statSync",
  "lstat",
  "lstatSync",
  "access",
  "accessSync",
  "open",
  "openSync",
  "mkdir",
  "mkdirSync",
  "rename",
  "renameSync",
  "copyFile",
  "copyFileSync",
  "cp",
  "cpSync",
  "readJson",
  "readJsonSync",
  "outputFile",
  "outputFileSync",
  "remove",
  "removeSync",
  "readlink",
  "truncate",
  "chmod",
  "symlink",
]);
const TWO_PATHS = new Set(["rename", "renameSync", "copyFile", "copyFileSync", "cp", "cpSync", "symlink"]);
const FS_RECEIVERS = /^(fs|fsp|fsPromises|fse|fsExtra)$/;

export function findPathTraversal(node: Node, analyzer: TaintAnalyzer): SinkHit[] {
  if (node.type !== "CallExpression") return [];
  const name = calleeName(node);
  if (!name) return [];
  const receiver = receiverOf(node);
  if (
    (name === "sendFile" || name === "download") &&
    receiver &&
    /^(res|response|reply)$/.test(rootName(receiver) ?? "")
  ) {
    const [file, ...rest] = node.arguments;
    if (!file || rest.some((argument) => findProperty(unwrap(argument), "root"))) return [];
    const taint = dangerous(analyzer.value(file), "path-traversal");
    return taint ? [{ category: "path-traversal", node: file, sink: `${calleeLabel(analyzer, node)}()`, taint }] : [];
  }
  // express-fileupload: req.files.x.mv(destination)
  if (name === "mv" && receiver && analyzer.value(receiver).taint?.kind === "request") {
    const [destination] = node.arguments;
    const taint = destination && dangerous(analyzer.value(destination), "path-traversal");
    return destination && taint
      ? [
          {
            category: "path-traversal",
            node: destination,
            sink: `destination of ${calleeLabel(analyzer, node)}()`,
            taint,
          },
        ]
      : [];
  }
  if (!FS_CALLS.has(name)) return [];
  const member = analyzer.moduleMember(node.callee);
  const isFs = member
    ? FS_MODULES.test(member.module)
    : receiver !== undefined && FS_RECEIVERS.test(rootName(receiver) ?? "");
  if (!isFs) return [];
  const candidates = node.arguments.slice(0, TWO_PATHS.has(name) ? 2 : 1);
  for (const candidate of candidates) {
    const taint = dangerous(analyzer.value(candidate), "path-traversal");
    if (taint)
      return [
        { category: "path-traversal", node: candidate, sink: `file path of ${calleeLabel(analyzer, node)}()`, taint },
      ];
  }
  return [];
}
