const ENTRY_POINT = /(^|\/)(bin|cli|scripts)\/|(^|\/)(server|main|cli)\.[cm]?[jt]s$/;

/** True for files whose job is to talk to a terminal or start the process: `bin/`, `cli/`, `scripts/`, `server.ts`, `main.ts`, `cli.ts`. */
export function isCliEntryPoint(path: string): boolean {
  return ENTRY_POINT.test(path);
}
