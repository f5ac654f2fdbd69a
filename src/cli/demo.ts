#!/usr/bin/env node
import { exitQuietlyOnClosedPipe } from "./exit-quietly-on-closed-pipe.js";
// `npm run demo`: builds a throwaway git repository from examples/demo (main + a learner's branch) and
// reviews the branch exactly as `npm run review` would. No GitHub account, no database needed.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { simpleGit } from "simple-git";
import { processIo } from "./process-io.js";
import { runReviewCommand } from "./review-command.js";

exitQuietlyOnClosedPipe();

const examples = fileURLToPath(new URL("../../examples/demo/", import.meta.url));
const repo = mkdtempSync(join(tmpdir(), "apprentice-demo-"));
try {
  const git = simpleGit(repo);
  await git.init(["--initial-branch=main"]);
  await git
    .addConfig("user.name", "Apprentice demo")
    .addConfig("user.email", "demo@apprentice.invalid")
    .addConfig("commit.gpgsign", "false");
  cpSync(join(examples, "base"), repo, { recursive: true });
  await git.add(".").commit("Tasks API with tests");
  await git.checkoutLocalBranch("add-search");
  cpSync(join(examples, "change"), repo, { recursive: true });
  await git.add(".").commit("Add search, create and delete tasks");
  process.stdout.write(`Apprentice demo: reviewing branch add-search against main in ${repo}\n\n`);
  process.exitCode = await runReviewCommand(["--repo", repo, ...process.argv.slice(2)], processIo(process.cwd()));
} finally {
  rmSync(repo, { recursive: true, force: true });
}
