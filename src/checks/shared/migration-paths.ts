/** Where SQL migrations live, decided once for the database checks and the collectors that bring migrations along as related files. */
export const MIGRATION_FOLDER = /(^|\/)(migrations?|db\/migrate|migrate)\//i;

/** True for a SQL migration file (not a `down` script, which undoes one). */
export function isSqlMigration(path: string): boolean {
  return MIGRATION_FOLDER.test(path) && /\.sql$/i.test(path) && !/(^|[/._-])down\.sql$/i.test(path);
}
