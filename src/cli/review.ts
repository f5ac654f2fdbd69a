#!/usr/bin/env node
import { exitQuietlyOnClosedPipe } from "./exit-quietly-on-closed-pipe.js";
import { processIo } from "./process-io.js";
import { runReviewCommand } from "./review-command.js";

exitQuietlyOnClosedPipe();

// npm runs scripts from the package root; INIT_CWD is the folder the user typed the command in.
process.exitCode = await runReviewCommand(process.argv.slice(2), processIo(process.env.INIT_CWD ?? process.cwd()));
