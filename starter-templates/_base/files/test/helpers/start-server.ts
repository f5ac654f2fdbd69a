import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const SERVER = fileURLToPath(new URL("../../src/server.ts", import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

export interface ServerRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `src/server.ts` as `npm start` would, with only the given environment (plus PATH), in an
 * empty folder so no `.env` is read, and waits for it to exit. For start-up failures: a server
 * that starts is killed after `timeoutMs` and reported with code null.
 */
export async function runServer(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerRun> {
  const cwd = await mkdtemp(join(tmpdir(), "server-start-"));
  try {
    return await new Promise<ServerRun>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", TSX_LOADER, SERVER], {
        cwd,
        env: { PATH: process.env.PATH ?? "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      child.on("error", reject);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}
