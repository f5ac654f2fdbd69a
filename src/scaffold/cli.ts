import { clackPrompter } from "./clack-prompter.js";
import { runScaffoldCommand } from "./run-scaffold-command.js";

/** `npm run scaffold -- ...`. Interactive only when a person is at a terminal and CI is not set. */
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !process.env.CI;

process.exitCode = await runScaffoldCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  prompter: interactive ? clackPrompter : undefined,
});
