/**
 * Refreshes test/schemas/sarif-schema-2.1.0.json, the official SARIF 2.1.0 JSON schema our SARIF test
 * validates against, from the npm package that ships it (Microsoft's @microsoft/jest-sarif, from the
 * SARIF SDK). The package is fetched with `npm pack` into a temporary folder and never installed.
 *
 *   npx tsx scripts/update-sarif-schema.ts [version]
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE = "@microsoft/jest-sarif";
const SCHEMA_IN_PACKAGE = "package/lib/schemas/sarif-2.1.0-rtm.5.json";
const TARGET = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "schemas", "sarif-schema-2.1.0.json");

const version = process.argv[2] ?? "latest";
const workDir = mkdtempSync(join(tmpdir(), "sarif-schema-"));
try {
  const packed = JSON.parse(
    execFileSync("npm", ["pack", `${PACKAGE}@${version}`, "--json", "--pack-destination", workDir], {
      encoding: "utf8",
    }),
  ) as {
    filename: string;
    version: string;
  }[];
  const tarball = packed[0];
  if (!tarball) throw new Error(`npm pack returned nothing for ${PACKAGE}@${version}`);
  execFileSync("tar", ["-xzf", join(workDir, tarball.filename), "-C", workDir, SCHEMA_IN_PACKAGE]);
  const source = join(workDir, SCHEMA_IN_PACKAGE);
  const schema = JSON.parse(readFileSync(source, "utf8")) as { title?: string };
  if (!schema.title?.includes("2.1.0"))
    throw new Error(
      `${SCHEMA_IN_PACKAGE} in ${PACKAGE}@${tarball.version} is not a SARIF 2.1.0 schema (title: ${schema.title})`,
    );
  copyFileSync(source, TARGET);
  console.log(`Wrote ${TARGET} from ${PACKAGE}@${tarball.version} (${SCHEMA_IN_PACKAGE}): ${schema.title}`);
  console.log("Update the version in test/schemas/README.md if it changed.");
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
