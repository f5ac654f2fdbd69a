import { spawn } from "node:child_process";

export interface CommandResult {
  code: number | null;
  /** stdout and stderr interleaved, for failure messages. */
  output: string;
}

/**
 * Runs a command without a shell, in its own process group, and collects its output; never rejects on a
 * non-zero exit. After `timeoutMs` the whole group (npm and the test runner it started) is terminated.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    const timer = setTimeout(() => {
      output += `\n[killed after ${options.timeoutMs} ms]`;
      if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
    }, options.timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** The last lines of a long output, enough to see why a command failed. */
export function tail(output: string, lines = 60): string {
  return output.split("\n").slice(-lines).join("\n");
}
