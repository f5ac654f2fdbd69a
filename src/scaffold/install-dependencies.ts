import { spawn } from "node:child_process";

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/**
 * Runs `npm install` in the project folder, showing npm's output. Resolves with undefined on success,
 * or with why it failed; it never throws, because the project is kept either way.
 */
export function installDependencies(dir: string, stdio: "inherit" | "ignore" = "inherit"): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(NPM, ["install", "--no-fund", "--no-audit"], {
      cwd: dir,
      stdio,
      shell: process.platform === "win32",
    });
    child.on("error", (error) => resolve(`npm could not be started (${error.message})`));
    child.on("close", (code) => resolve(code === 0 ? undefined : `npm install exited with code ${code ?? "unknown"}`));
  });
}

/**
 * Runs `npm run <script>` in the new project, showing its output, with DATABASE_URL removed from the
 * environment: a script such as `migrate` then prepares the project's own embedded database, never a server
 * the person scaffolding happens to point at. Resolves with undefined on success, or with why it failed.
 */
export function runProjectScript(
  dir: string,
  script: string,
  stdio: "inherit" | "ignore" = "inherit",
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const { DATABASE_URL: _ignored, ...withoutDatabaseUrl } = env;
  return new Promise((resolve) => {
    const child = spawn(NPM, ["run", script], {
      cwd: dir,
      stdio,
      env: withoutDatabaseUrl,
      shell: process.platform === "win32",
    });
    child.on("error", (error) => resolve(`npm could not be started (${error.message})`));
    child.on("close", (code) =>
      resolve(code === 0 ? undefined : `npm run ${script} exited with code ${code ?? "unknown"}`),
    );
  });
}
