import { spawn } from "node:child_process";

export interface CommandResult {
  code: number | null;
  /** stdout and stderr interleaved, for failure messages. */
  output: string;
}

/** Runs a command without a shell and collects its output; never rejects on a non-zero exit. */
export function runCommand(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"], timeout: options.timeoutMs });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** The last lines of a long output, enough to see why a command failed. */
export function tail(output: string, lines = 60): string {
  return output.split("\n").slice(-lines).join("\n");
}
