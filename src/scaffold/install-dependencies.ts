import { spawn } from "node:child_process";

/**
 * Runs `npm install` in the project folder, showing npm's output. Resolves with undefined on success,
 * or with why it failed; it never throws, because the project is kept either way.
 */
export function installDependencies(dir: string, stdio: "inherit" | "ignore" = "inherit"): Promise<string | undefined> {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  return new Promise((resolve) => {
    const child = spawn(npm, ["install", "--no-fund", "--no-audit"], {
      cwd: dir,
      stdio,
      shell: process.platform === "win32",
    });
    child.on("error", (error) => resolve(`npm could not be started (${error.message})`));
    child.on("close", (code) => resolve(code === 0 ? undefined : `npm install exited with code ${code ?? "unknown"}`));
  });
}
