import { describe, expect, it } from "vitest";
import { buildTaskFilter, escapeLikePattern } from "../../src/tasks/task-filter.js";

describe("escapeLikePattern", () => {
  it("escapes the LIKE wildcards and the escape character", () => {
    expect(escapeLikePattern("50%_off\\")).toBe("50\\%\\_off\\\\");
  });

  it("leaves ordinary text alone", () => {
    expect(escapeLikePattern("buy milk")).toBe("buy milk");
  });
});

describe("buildTaskFilter", () => {
  it("filters nothing when no filter is given", () => {
    expect(buildTaskFilter({})).toEqual({ where: "", params: [] });
  });

  it("combines filters with AND and passes every value as a parameter", () => {
    const filter = buildTaskFilter({ status: "todo", dueAfter: "2025-01-01", dueBefore: "2025-01-31", q: "milk" });
    expect(filter.where).toBe(
      "WHERE status = $1 AND due_date <= $2 AND due_date >= $3 AND (title ILIKE $4 OR description ILIKE $4)",
    );
    expect(filter.params).toEqual(["todo", "2025-01-31", "2025-01-01", "%milk%"]);
  });

  it("never puts the search text into the SQL", () => {
    const filter = buildTaskFilter({ q: "'; DROP TABLE tasks; --" });
    expect(filter.where).not.toContain("DROP");
    expect(filter.params).toEqual(["%'; DROP TABLE tasks; --%"]);
  });
});
