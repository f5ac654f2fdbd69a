/**
 * migration-edited: a migration file that was already on the base branch is changed. Databases that applied it
 * (production, teammates' machines, CI) never run it again, so the change reaches only fresh databases and the
 * schemas drift apart. A new migration carries the change instead.
 */
import type { FunctionCheck } from "../../contract/check.js";
import type { RawFinding } from "../../contract/types.js";
import { MIGRATION_FOLDER } from "../shared/migration-paths.js";

export const migrationEditedCheck: FunctionCheck = {
  kind: "function",
  id: "migration-edited",
  criterion: "database",
  description: "A migration that was already on the base branch is edited instead of adding a new one.",
  defaultLevel: "actionable",
  languages: ["text", "js"],
  run(context) {
    const findings: RawFinding[] = [];
    for (const file of context.files) {
      if (
        (file.status !== "modified" && file.status !== "renamed") ||
        !MIGRATION_FOLDER.test(file.path) ||
        file.addedLines.size === 0
      )
        continue;
      const first = Math.min(...file.addedLines);
      findings.push({
        messageId: "edited",
        path: file.path,
        line: Number.isFinite(first) ? first : 1,
        scope: "file",
        message:
          "Leave this migration as it was and put the change in a new migration file (the next number). Every database that already " +
          "ran this one (production, your teammates', CI's) will never run it again, so your edit reaches only fresh databases and " +
          "the schemas quietly drift apart. See https://www.prisma.io/dataguide/types/relational/what-are-database-migrations",
      });
    }
    return findings;
  },
};
