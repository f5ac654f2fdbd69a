#!/usr/bin/env node
import { runReviewCommand } from "./review-command.js";

process.exitCode = await runReviewCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
