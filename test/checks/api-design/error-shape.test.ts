import { describe, expect, it } from "vitest";
import { errorShapeCheck } from "../../../src/checks/api-design/error-shape.js";
import { makeContext } from "../tests/make-context.js";

const tasks = `router.get("/tasks/:id", (req, res) => res.status(404).json({ error: "not found" }));
router.post("/tasks", (req, res) => res.status(400).json({ error: "title is required", field: "title" }));`;

describe("error-shape", () => {
  it("reports an error body in another shape than the service's usual one, once per file", () => {
    const users = `router.get("/users/:id", (req, res) => res.status(404).json({ message: "no such user" }));
router.post("/users", (req, res) => res.status(400).send("bad user"));`;
    const findings = errorShapeCheck.run(
      makeContext({ changed: { "src/users.ts": users }, related: { "src/tasks.ts": tasks, "src/more.ts": tasks } }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "src/users.ts", line: 1 });
    expect(findings[0]?.message).toContain("`{ error: ... }`");
  });

  it("stays quiet when every error answer carries the same field", () => {
    expect(errorShapeCheck.run(makeContext({ changed: { "src/tasks.ts": tasks, "src/b.ts": tasks } }))).toEqual([]);
  });

  it("stays quiet when no shape dominates", () => {
    expect(
      errorShapeCheck.run(
        makeContext({
          changed: { "src/a.ts": `res.status(400).json({ error: "x" }); res.status(404).json({ message: "y" });` },
        }),
      ),
    ).toEqual([]);
  });
});
