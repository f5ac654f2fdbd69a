import { spawn } from "node:child_process";

export interface Blob {
  size: number;
  /** Absent when the blob is over the size limit (only its size is read). */
  content?: string;
}

/**
 * Reads many files at one commit with a single `git cat-file --batch` process (one spawn for hundreds
 * of files instead of one `git show` each). Files over `maxBytes` are reported by size only.
 */
export async function readBlobs(
  repo: string,
  ref: string,
  paths: readonly string[],
  maxBytes: number,
): Promise<Map<string, Blob>> {
  const result = new Map<string, Blob>();
  if (paths.length === 0) return result;
  const sizes = await gitBatch(
    repo,
    "--batch-check",
    paths.map((path) => `${ref}:${path}`),
  );
  const small = paths.filter((path, index) => {
    const size = sizes[index]?.size;
    if (size === undefined) return false;
    if (size > maxBytes) result.set(path, { size });
    return size <= maxBytes;
  });
  const blobs = await gitBatch(
    repo,
    "--batch",
    small.map((path) => `${ref}:${path}`),
  );
  small.forEach((path, index) => {
    const blob = blobs[index];
    if (blob) result.set(path, blob);
  });
  return result;
}

function gitBatch(
  repo: string,
  mode: "--batch" | "--batch-check",
  objects: readonly string[],
): Promise<(Blob | undefined)[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", mode], { cwd: repo, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`git cat-file ${mode} exited with ${code}`));
      resolve(parseBatch(Buffer.concat(chunks), mode, objects.length));
    });
    child.stdin.end(objects.map((object) => `${object}\n`).join(""));
  });
}

function parseBatch(output: Buffer, mode: "--batch" | "--batch-check", count: number): (Blob | undefined)[] {
  const blobs: (Blob | undefined)[] = [];
  let offset = 0;
  for (let index = 0; index < count; index += 1) {
    const newline = output.indexOf(10, offset);
    if (newline === -1) break;
    const header = output.subarray(offset, newline).toString("utf8");
    offset = newline + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match || match[1] !== "blob") {
      blobs.push(undefined);
      continue;
    }
    const size = Number(match[2]);
    if (mode === "--batch-check") {
      blobs.push({ size });
      continue;
    }
    blobs.push({ size, content: output.subarray(offset, offset + size).toString("utf8") });
    offset += size + 1;
  }
  return blobs;
}
