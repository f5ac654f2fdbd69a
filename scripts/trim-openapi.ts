/**
 * Writes test/fake-github/openapi-trimmed.json: GitHub's published OpenAPI description (from
 * @octokit/openapi) cut down to the operations the App calls, plus every component they reference.
 * The fake GitHub server validates each request against it. Run: `npx tsx scripts/trim-openapi.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Every REST operation the App (and the fake's token exchange) uses: [method, path template]. */
export const USED_OPERATIONS = [
  ["post", "/app/installations/{installation_id}/access_tokens"],
  ["get", "/repos/{owner}/{repo}/contents/{path}"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}/files"],
  ["get", "/repos/{owner}/{repo}/git/trees/{tree_sha}"],
  ["post", "/repos/{owner}/{repo}/check-runs"],
  ["patch", "/repos/{owner}/{repo}/check-runs/{check_run_id}"],
  ["post", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["patch", "/repos/{owner}/{repo}/issues/comments/{comment_id}"],
] as const;

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
  const keys = pointer.replace(/^#\//, "").split("/").map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"));
  let current = target;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) current[key] = value;
    else current = (current[key] ??= {}) as Record<string, Json>;
  });
}

/** The trimmed description: the used operations and the transitive closure of their $refs. */
export function trimOpenApi(full: Record<string, Json>): Record<string, Json> {
  const paths = full.paths as Record<string, Record<string, Json>>;
  const trimmedPaths: Record<string, Record<string, Json>> = {};
  for (const [method, path] of USED_OPERATIONS) {
    const operation = paths[path]?.[method];
    if (operation === undefined) throw new Error(`OpenAPI description has no ${method.toUpperCase()} ${path}`);
    (trimmedPaths[path] ??= {})[method] = operation;
  }
  const trimmed: Record<string, Json> = { openapi: full.openapi as Json, info: full.info as Json, paths: trimmedPaths };
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

function main(): void {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve("@octokit/openapi/package.json"));
  const full = JSON.parse(readFileSync(join(packageDir, "generated", "api.github.com.json"), "utf8")) as Record<string, Json>;
  const out = resolve(dirname(fileURLToPath(import.meta.url)), "../test/fake-github/openapi-trimmed.json");
  writeFileSync(out, `${JSON.stringify(trimOpenApi(full), null, 1)}\n`);
  console.log(`wrote ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
