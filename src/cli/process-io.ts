import type { ReviewCommandIo } from "./review-command.js";

/** The real terminal: stdout and stderr, colour only on a TTY without NO_COLOR, paths relative to `cwd`. */
export function processIo(cwd: string): ReviewCommandIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    cwd,
  };
}
