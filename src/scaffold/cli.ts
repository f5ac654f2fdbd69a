import { exitQuietlyOnClosedPipe } from "../cli/exit-quietly-on-closed-pipe.js";
import { clackPrompter } from "./clack-prompter.js";
import { runScaffoldCommand } from "./run-scaffold-command.js";

exitQuietlyOnClosedPipe();

// npm runs scripts from the package root; INIT_CWD is where the user typed the command, so `--out` and the
// default `./<name>` are taken from there (templates are found relative to this module, not the cwd).
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

/** `npm run scaffold -- ...`. Interactive only when a person is at a terminal and CI is not set. */
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI;

process.exitCode = await runScaffoldCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  prompter: interactive ? clackPrompter : undefined,
});
