/**
 * `npm run corpus`: the noise figure on projects written by others (bench/corpus.json, docs/accuracy.md).
 * Extracts each pinned project from its mirror into a temporary folder, reviews every file of it and prints
 * essential + actionable findings per 1000 lines, by level and by check.
 *
 *   npm run corpus [-- --only id,id] [--findings FILE.jsonl] [--json FILE] [--work DIR]
 *
 * `--findings` writes every essential and actionable finding (one JSON line each, with the code line) for
 * hand-labelling; the labels live in docs/accuracy.md, never the code.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { materialise, measureNoise, perThousand, readCorpus, type NoiseReport } from "../bench/corpus-noise.js";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const root = resolve(import.meta.dirname, "..");
const only = flag("--only")?.split(",");
const workDir = resolve(flag("--work") ?? join(tmpdir(), "apprentice-corpus"));
mkdirSync(workDir, { recursive: true });
const projects = readCorpus(join(root, "bench", "corpus.json")).filter((project) => !only || only.includes(project.id));

const fmt = (value: number) => value.toFixed(2).padStart(6);
const reports: NoiseReport[] = [];
const findingLines: string[] = [];
console.log(
  `project                    files  lines  essential/1k  actionable/1k  e+a/1k  shown/1k  top checks (essential + actionable)`,
);
for (const project of projects) {
  const where = materialise(project, workDir, join(root, "node_modules"));
  if ("missing" in where) {
    console.log(`${project.id.padEnd(25)}  skipped: ${where.missing}`);
    continue;
  }
  const report = await measureNoise(project.id, where.dir);
  reports.push(report);
  const ea = report.byLevel.essential + report.byLevel.actionable;
  const top = Object.entries(report.byCheck)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([id, count]) => `${id} ${count}`)
    .join(", ");
  console.log(
    `${project.id.padEnd(25)} ${String(report.files).padStart(6)} ${String(report.lines).padStart(6)}  ${fmt(perThousand(report.byLevel.essential, report.lines))}        ${fmt(perThousand(report.byLevel.actionable, report.lines))}       ${fmt(perThousand(ea, report.lines))}  ${fmt(perThousand(report.shown, report.lines))}  ${top}`,
  );
  for (const finding of report.findings) {
    if (finding.level !== "essential" && finding.level !== "actionable") continue;
    let code = "";
    try {
      code = (readFileSync(join(where.dir, finding.path), "utf8").split("\n")[finding.line - 1] ?? "")
        .trim()
        .slice(0, 200);
    } catch {
      // A project-level finding has no file to quote.
    }
    findingLines.push(
      JSON.stringify({
        project: project.id,
        ruleId: finding.ruleId,
        level: finding.level,
        path: finding.path,
        line: finding.line,
        message: finding.message,
        code,
      }),
    );
  }
}

const lines = reports.reduce((sum, report) => sum + report.lines, 0);
const total = (level: "essential" | "actionable") => reports.reduce((sum, report) => sum + report.byLevel[level], 0);
const byCheck = new Map<string, number>();
for (const report of reports)
  for (const [id, count] of Object.entries(report.byCheck)) byCheck.set(id, (byCheck.get(id) ?? 0) + count);
console.log(
  `\nall ${reports.length} projects: ${lines} lines, ${total("essential")} essential, ${total("actionable")} actionable: ${perThousand(total("essential") + total("actionable"), lines).toFixed(2)} essential + actionable per 1000 lines`,
);
const shown = reports.reduce((sum, report) => sum + report.shown, 0);
console.log(
  `as a learner sees them (repeats of one check grouped): ${perThousand(shown, lines).toFixed(2)} per 1000 lines`,
);
console.log(
  `worst project: ${
    [...reports]
      .map((r) => [r.id, perThousand(r.byLevel.essential + r.byLevel.actionable, r.lines)] as const)
      .sort((a, b) => b[1] - a[1])[0]
      ?.map(String)
      .join(" ") ?? "none"
  }`,
);
console.log("by check (essential + actionable, per 1000 lines over all projects):");
for (const [id, count] of [...byCheck].sort((a, b) => b[1] - a[1]))
  console.log(`  ${id.padEnd(32)} ${String(count).padStart(4)}  ${fmt(perThousand(count, lines))}`);

const findingsFile = flag("--findings");
if (findingsFile) writeFileSync(findingsFile, `${findingLines.join("\n")}\n`);
const jsonFile = flag("--json");
if (jsonFile)
  writeFileSync(
    jsonFile,
    JSON.stringify(
      reports.map(({ findings, ...rest }) => ({ ...rest, findings: findings.length })),
      null,
      2,
    ),
  );
