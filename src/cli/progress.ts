#!/usr/bin/env node
import { processIo } from "./process-io.js";
import { runProgressCommand } from "./progress-command.js";

// Ctrl-C: the commit under review is finished and stored in one transaction (or not at all), then the command stops.
const stop = new AbortController();
process.once("SIGINT", () => {
  process.stderr.write("\nstopping after this commit (Ctrl-C again to quit now)\n");
  stop.abort();
  process.once("SIGINT", () => process.exit(130));
});
process.exitCode = await runProgressCommand(process.argv.slice(2), processIo(process.env.INIT_CWD ?? process.cwd()), {
  signal: stop.signal,
});
