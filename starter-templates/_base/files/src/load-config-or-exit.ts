import { ConfigError } from "./config-error.js";

export interface ExitIo {
  writeError(line: string): void;
  exit(code: number): never;
}

const processIo: ExitIo = {
  writeError: (line) => process.stderr.write(line),
  exit: (code) => process.exit(code),
};

/**
 * Runs `load` and, when the environment is wrong, stops the process with one line on stderr
 * (exit code 1) instead of a stack trace: the person starting the server needs the variable's
 * name and what it expects, not the call stack. Other errors are real bugs and are re-thrown.
 */
export function loadConfigOrExit<T>(load: () => T, io: ExitIo = processIo): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.writeError(`Cannot start: ${error.message}\n`);
    return io.exit(1);
  }
}
