/**
 * `npm run review -- --list-checks | head`: when the reader closes the pipe, the next write fails with EPIPE,
 * which Node reports as an unhandled 'error' event and a stack trace. A command-line tool stops quietly instead,
 * as `cat` and `git` do. Other stream errors are thrown as before.
 */
export function exitQuietlyOnClosedPipe(
  streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr],
): void {
  for (const stream of streams) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
