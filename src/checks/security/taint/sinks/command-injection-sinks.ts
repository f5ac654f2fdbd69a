/**
 * Command injection: input in a shell command (child_process `exec`/`execSync`, `spawn`/`execFile` with
 * `shell: true` or through `sh -c`, execa's `execaCommand` and `{ shell: true }`, shelljs `exec`), or
 * input choosing which program runs.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { findProperty, staticString } from "../../../shared/ast/static-values.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { dangerous, type Taint } from "../analysis/taint.js";
import { calleeLabel, type SinkHit } from "./sink-hit.js";

const SHELL_CALLS = new Set(["exec", "execSync", "execaCommand", "execaCommandSync"]);
const PROCESS_CALLS = new Set([
  "spawn",
  "spawnSync",
  "execFile",
  "execFileSync",
  "fork",
  "execa",
  "execaSync",
  "execaNode",
]);
const COMMAND_MODULES = new Set([
  "child_process",
  "execa",
  "shelljs",
  "cross-spawn",
  "child-process-promise",
  "promisify-child-process",
]);
const SHELLS = /^(\/bin\/|\/usr\/bin\/)?(sh|bash|zsh|dash|cmd|cmd\.exe|powershell|pwsh)$/;

function usesShell(call: TSESTree.CallExpression): boolean {
  return call.arguments.some((argument) => {
    const shell = findProperty(unwrap(argument), "shell");
    if (!shell) return false;
    const value = unwrap(shell.value);
    return !(value.type === "Literal" && value.value === false);
  });
}

function taintedArgument(node: Node | undefined, analyzer: TaintAnalyzer): Taint | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === "ArrayExpression") {
    for (const element of inner.elements) {
      const taint = element && dangerous(analyzer.value(element), "command-injection");
      if (taint) return taint;
    }
    return undefined;
  }
  return dangerous(analyzer.value(inner), "command-injection");
}

export function findCommandInjection(node: Node, analyzer: TaintAnalyzer): SinkHit[] {
  if (node.type !== "CallExpression") return [];
  const member = analyzer.moduleMember(node.callee);
  if (!member || !COMMAND_MODULES.has(member.module)) return [];
  const name =
    member.members[member.members.length - 1] ??
    (member.module === "execa" ? "execa" : member.module === "cross-spawn" ? "spawn" : "");
  const [command, args] = node.arguments;
  const sink = `${calleeLabel(analyzer, node)}()`;
  if (!command || command.type === "SpreadElement") return [];
  const commandTaint = taintedArgument(command, analyzer);
  if (SHELL_CALLS.has(name) || member.module === "shelljs") {
    return commandTaint
      ? [{ category: "command-injection", node: command, sink: `shell command in ${sink}`, taint: commandTaint }]
      : [];
  }
  if (!PROCESS_CALLS.has(name)) return [];
  if (commandTaint)
    return [{ category: "command-injection", node: command, sink: `program name in ${sink}`, taint: commandTaint }];
  const program = staticString(command);
  const argsTaint = args && args.type !== "SpreadElement" ? taintedArgument(args, analyzer) : undefined;
  if (argsTaint && args && (usesShell(node) || (program !== undefined && SHELLS.test(program)))) {
    return [{ category: "command-injection", node: args, sink: `shell arguments of ${sink}`, taint: argsTaint }];
  }
  return [];
}
