/**
 * Writes test/fake-github/openapi-trimmed.json: GitHub's published OpenAPI description (the
 * @octokit/openapi package, version pinned below) cut down to the operations the two fake GitHub
 * servers answer (the App's, test/fake-github/, and the scaffolder's, test/scaffold/helpers/), plus
 * every component they reference. Both fakes validate each request against it, so the tests never
 * need the full package (hundreds of MB installed).
 *
 * Run `npm run openapi:trim` to regenerate, `npx tsx scripts/trim-openapi.ts --check` to verify the
 * committed copy (exits 1 when it differs from a fresh trim). When @octokit/openapi at the pinned
 * version is not installed, the script fetches it with `npm pack` into a temporary folder.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The @octokit/openapi release the trimmed copy is cut from; recorded as info["x-octokit-openapi-version"]. */
export const OCTOKIT_OPENAPI_VERSION = "23.0.2";

export type OperationKey = readonly [method: string, path: string];

/** Every REST operation the App (and the fake's token exchange) uses: [method, path template]. */
export const APP_OPERATIONS = [
  ["post", "/app/installations/{installation_id}/access_tokens"],
  ["get", "/repos/{owner}/{repo}/contents/{path}"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}/files"],
  ["get", "/repos/{owner}/{repo}/git/trees/{tree_sha}"],
  ["post", "/repos/{owner}/{repo}/check-runs"],
  ["patch", "/repos/{owner}/{repo}/check-runs/{check_run_id}"],
  ["get", "/repos/{owner}/{repo}/check-runs/{check_run_id}"], // after a failed update: did it land?
  ["get", "/repos/{owner}/{repo}/commits/{ref}/check-runs"], // after a failed create: find the run by external_id
  ["post", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["patch", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
] as const satisfies readonly OperationKey[];

/** Every REST operation the scaffolder's --github path calls (src/scaffold/ensure-github-repository.ts, create-exercise-issues.ts). */
export const SCAFFOLD_OPERATIONS = [
  ["get", "/user"], // users/get-authenticated
  ["post", "/user/repos"], // repos/create-for-authenticated-user
  ["post", "/orgs/{org}/repos"], // repos/create-in-org
  ["get", "/repos/{owner}/{repo}"], // repos/get
  ["get", "/repos/{owner}/{repo}/issues"], // issues/list-for-repo
  ["post", "/repos/{owner}/{repo}/issues"], // issues/create
  ["post", "/repos/{owner}/{repo}/labels"], // issues/create-label
] as const satisfies readonly OperationKey[];

/** The dashboard's sign-in calls with the user's OAuth token (src/dashboard/fetch-viewer.ts). */
export const DASHBOARD_OPERATIONS = [
  ["get", "/user"], // users/get-authenticated
  ["get", "/user/installations"], // apps/list-installations-for-authenticated-user
  ["get", "/user/memberships/orgs/{org}"], // orgs/get-membership-for-authenticated-user
] as const satisfies readonly OperationKey[];

/** What the trimmed copy holds: both fakes' operations. */
export const USED_OPERATIONS: readonly OperationKey[] = [
  ...new Map(
    [...APP_OPERATIONS, ...SCAFFOLD_OPERATIONS, ...DASHBOARD_OPERATIONS].map((op) => [op.join(" "), op]),
  ).values(),
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function collectRefs(node: Json, refs: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, refs);
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") refs.add(value);
      else collectRefs(value, refs);
    }
  }
}

function resolvePointer(doc: Json, pointer: string): Json {
  let current: Json = doc;
  for (const raw of pointer.replace(/^#\//, "").split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (current === null || typeof current !== "object" || Array.isArray(current) || !(key in current)) {
      throw new Error(`OpenAPI description has no ${pointer}`);
    }
    current = current[key] as Json;
  }
  return current;
}

function setPointer(target: Record<string, Json>, pointer: string, value: Json): void {
  const keys = pointer
    .replace(/^#\//, "")
    .split("/")
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"));
  let current = target;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) current[key] = value;
    else current = (current[key] ??= {}) as Record<string, Json>;
  });
}

/** The trimmed description: the given operations and the transitive closure of their $refs. */
export function trimOpenApi(
  full: Record<string, Json>,
  operations: readonly OperationKey[] = USED_OPERATIONS,
  version = OCTOKIT_OPENAPI_VERSION,
): Record<string, Json> {
  const paths = full.paths as Record<string, Record<string, Json>>;
  const trimmedPaths: Record<string, Record<string, Json>> = {};
  for (const [method, path] of operations) {
    const operation = paths[path]?.[method];
    if (operation === undefined) throw new Error(`OpenAPI description has no ${method.toUpperCase()} ${path}`);
    (trimmedPaths[path] ??= {})[method] = operation;
  }
  const info = { ...(full.info as Record<string, Json>), "x-octokit-openapi-version": version };
  const trimmed: Record<string, Json> = { openapi: full.openapi as Json, info, paths: trimmedPaths };
  const pending = new Set<string>();
  collectRefs(trimmedPaths, pending);
  const done = new Set<string>();
  while (pending.size > 0) {
    const [ref] = pending;
    pending.delete(ref!);
    if (done.has(ref!)) continue;
    done.add(ref!);
    const value = resolvePointer(full, ref!);
    setPointer(trimmed, ref!, value);
    const nested = new Set<string>();
    collectRefs(value, nested);
    for (const next of nested) if (!done.has(next)) pending.add(next);
  }
  return trimmed;
}

/** Reads generated/api.github.com.json from the installed package when it is the pinned version, else from `npm pack`. */
function loadFullDescription(): Record<string, Json> {
  const require = createRequire(import.meta.url);
  try {
    const packageDir = dirname(require.resolve("@octokit/openapi/package.json"));
    const { version } = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
    if (version === OCTOKIT_OPENAPI_VERSION)
      return JSON.parse(readFileSync(join(packageDir, "generated", "api.github.com.json"), "utf8")) as Record<
        string,
        Json
      >;
  } catch {
    // not installed: fetch it below
  }
  const dir = mkdtempSync(join(tmpdir(), "octokit-openapi-"));
  try {
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const packed = JSON.parse(
      execFileSync(
        npm,
        ["pack", `@octokit/openapi@${OCTOKIT_OPENAPI_VERSION}`, "--pack-destination", dir, "--json", "--silent"],
        { encoding: "utf8", shell: process.platform === "win32" },
      ),
    ) as { filename: string }[];
    const tarball = join(dir, packed[0]!.filename);
    execFileSync("tar", ["-xzf", tarball, "-C", dir, "package/generated/api.github.com.json"]);
    return JSON.parse(readFileSync(join(dir, "package", "generated", "api.github.com.json"), "utf8")) as Record<
      string,
      Json
    >;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const TRIMMED_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../test/fake-github/openapi-trimmed.json",
);

function main(): void {
  const text = `${JSON.stringify(trimOpenApi(loadFullDescription()), null, 1)}\n`;
  if (process.argv.includes("--check")) {
    let committed = "";
    try {
      committed = readFileSync(TRIMMED_FILE, "utf8");
    } catch {
      // missing counts as different
    }
    if (committed !== text) {
      console.error(
        `${TRIMMED_FILE} differs from a fresh trim of @octokit/openapi@${OCTOKIT_OPENAPI_VERSION}: run npm run openapi:trim`,
      );
      process.exit(1);
    }
    console.log(`${TRIMMED_FILE} is current (@octokit/openapi@${OCTOKIT_OPENAPI_VERSION})`);
    return;
  }
  writeFileSync(TRIMMED_FILE, text);
  console.log(`wrote ${TRIMMED_FILE}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
