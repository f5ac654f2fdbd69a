/** Learner code for the App tests: the test registry's checks find `==` (actionable), `debugger` (essential) and TODO (informative). */
export const BUGGY_TODOS = [
  "export function findTodo(todos, id) {",
  "  for (const todo of todos) {",
  "    if (todo.id == id) return todo;",
  "  }",
  "  debugger;",
  "  return undefined; // TODO say which id was missing",
  "}",
  "",
].join("\n");

/** The same module with the `debugger` statement removed (the == and TODO stay). */
export const FIXED_DEBUGGER = BUGGY_TODOS.replace("  debugger;\n", "");

/** A clean module. */
export const CLEAN_USERS = ["export function userName(user) {", "  return user.name.trim();", "}", ""].join("\n");
