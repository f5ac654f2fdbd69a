import type { ListTasksQuery } from "./task-schemas.js";

export interface SqlFilter {
  /** `WHERE ...` or an empty string when nothing is filtered. */
  where: string;
  params: unknown[];
}

/** Escapes `%`, `_` and `\` so a search for "50%" matches those characters literally. */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Builds the WHERE clause of the task list. User values only ever travel as parameters ($1, $2, ...);
 * the SQL text is made of fixed fragments.
 */
export function buildTaskFilter(query: Pick<ListTasksQuery, "status" | "dueBefore" | "dueAfter" | "q">): SqlFilter {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const addCondition = (makeSql: (placeholder: string) => string, value: unknown): void => {
    params.push(value);
    conditions.push(makeSql(`$${params.length}`));
  };

  if (query.status) addCondition((p) => `status = ${p}`, query.status);
  if (query.dueBefore) addCondition((p) => `due_date <= ${p}`, query.dueBefore);
  if (query.dueAfter) addCondition((p) => `due_date >= ${p}`, query.dueAfter);
  if (query.q) {
    addCondition((p) => `(title ILIKE ${p} OR description ILIKE ${p})`, `%${escapeLikePattern(query.q)}%`);
  }

  return { where: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "", params };
}
