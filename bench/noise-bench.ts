/**
 * The noise figure in `npm run bench`: essential + actionable findings per 1000 lines when every file of
 * well-written packages installed in node_modules is reviewed (the `nodeModules` entries of
 * bench/corpus.json, readable offline). `npm run corpus` measures the fetched projects as well.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { materialise, measureNoise, perThousand, readCorpus } from "./corpus-noise.js";

export async function runNoiseBench(root: string): Promise<string[]> {
  const work = mkdtempSync(join(tmpdir(), "apprentice-noise-"));
  const lines = [
    "Noise on code by others (node_modules packages, --all, essential + actionable per 1000 lines; target <= 2):",
  ];
  let total = 0;
  let totalLines = 0;
  try {
    for (const project of readCorpus(join(root, "bench", "corpus.json")).filter(
      (entry) => entry.nodeModules !== undefined,
    )) {
      const where = materialise(project, work, join(root, "node_modules"));
      if ("missing" in where) {
        lines.push(`  ${project.id.padEnd(14)} skipped: ${where.missing}`);
        continue;
      }
      const report = await measureNoise(project.id, where.dir);
      const count = report.byLevel.essential + report.byLevel.actionable;
      total += count;
      totalLines += report.lines;
      const top = Object.entries(report.byCheck)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([id, n]) => `${id} ${n}`)
        .join(", ");
      lines.push(
        `  ${project.id.padEnd(14)} ${String(report.lines).padStart(6)} lines  ${perThousand(count, report.lines).toFixed(2)} per 1000  (${top || "none"})`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  lines.push(
    `  all            ${String(totalLines).padStart(6)} lines  ${perThousand(total, totalLines).toFixed(2)} per 1000`,
  );
  return lines;
}
