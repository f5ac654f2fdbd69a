import { simpleGit, type SimpleGit } from "simple-git";
import { ScaffoldError } from "./scaffold-error.js";

/** Environment keys simple-git guards; the inherited ones are dropped so only ours reach git. */
const GUARDED = /^(GIT_|EDITOR$|VISUAL$|PAGER$|PREFIX$|SSH_ASKPASS$)/;
const ALLOWED = ["GIT_CONFIG_COUNT", "GIT_CONFIG_KEY_0", "GIT_CONFIG_VALUE_0", "GIT_TERMINAL_PROMPT"];

/** The git child process's environment: the token as an `http.extraHeader`, never on the command line. */
function authEnvironment(token: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (value !== undefined && !GUARDED.test(key)) env[key] = value;
  env.GIT_CONFIG_COUNT = "1";
  env.GIT_CONFIG_KEY_0 = "http.extraHeader";
  env.GIT_CONFIG_VALUE_0 = `Authorization: Basic ${Buffer.from(`x-access-token:${token}`, "utf8").toString("base64")}`;
  env.GIT_TERMINAL_PROMPT = "0";
  return env;
}

/** The line of git's output that says what went wrong, with any trace of the token removed. */
function gitReason(error: unknown, secrets: readonly string[]): string {
  let text = error instanceof Error ? error.message : String(error);
  for (const secret of secrets) text = text.split(secret).join("***");
  const lines = text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.find((line) => /^(!|error:|fatal:|remote:)/.test(line)) ?? lines[0] ?? "unknown error";
}

async function remoteHasMain(git: SimpleGit): Promise<boolean> {
  return (await git.listRemote(["--heads", "origin", "main"])).trim() !== "";
}

/**
 * Adds `origin` (the clone URL, without credentials) and pushes `main`. The token travels only in the git
 * child process's environment (GIT_CONFIG_COUNT/KEY/VALUE): never on the command line, never in `.git/config`.
 * When reusing a repository whose `main` already exists (a re-run), nothing is pushed: the local
 * repository takes GitHub's `main` instead, so the two never diverge. Returns whether it pushed.
 */
export async function pushMain(
  dir: string,
  cloneUrl: string,
  token: string,
  reuse: boolean,
  binary = "git",
): Promise<boolean> {
  const env = authEnvironment(token);
  const git = simpleGit({
    baseDir: dir,
    binary,
    allowEnvironment: ALLOWED,
    unsafe: { allowUnsafeConfigEnvCount: true },
  }).env(env);
  try {
    await git.addRemote("origin", cloneUrl);
    if (reuse && (await remoteHasMain(git))) {
      await git.fetch("origin", "main");
      await git.reset(["--hard", "origin/main"]);
      await git.branch(["--set-upstream-to=origin/main", "main"]);
      return false;
    }
    await git.push(["--set-upstream", "origin", "main"]);
    return true;
  } catch (error) {
    const reason = gitReason(error, [token, env.GIT_CONFIG_VALUE_0 ?? ""]);
    throw new ScaffoldError(
      `git could not push main to ${cloneUrl}: ${reason}. Check that GITHUB_TOKEN may push to it.`,
    );
  }
}
