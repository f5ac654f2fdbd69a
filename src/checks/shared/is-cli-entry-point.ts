const ENTRY_POINT = /(^|\/)(bin|cli|scripts|seeds?|seeders)\/|(^|\/)(server|main|cli|seed|migrate)\.[cm]?[jt]s$/;

/**
 * True for files whose job is to talk to a terminal or start the process: `bin/`, `cli/`, `scripts/`, `server.ts`,
 * `main.ts`, `cli.ts`, and the scripts a developer runs by hand: `prisma/seed.ts`, `seeds/`, `database/migrate.ts`.
 */
export function isCliEntryPoint(path: string): boolean {
  return ENTRY_POINT.test(path);
}
