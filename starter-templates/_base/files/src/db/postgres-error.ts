/** SQLSTATE codes this project reacts to (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export const UNIQUE_VIOLATION = "23505";
/** A row refers to a row that does not exist (INSERT/UPDATE of the referencing side). */
export const FOREIGN_KEY_VIOLATION = "23503";
/**
 * A DELETE would leave rows pointing at nothing and the foreign key says ON DELETE RESTRICT.
 * PostgreSQL 17 and later report this code; older servers report FOREIGN_KEY_VIOLATION instead.
 */
export const RESTRICT_VIOLATION = "23001";

/** True when `error` is a database error with the given SQLSTATE code (works for pg and PGlite). */
export function hasPostgresCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === code;
}
