import { describe, expect, it } from "vitest";
import { apiDesignPraiseCheck } from "../../../src/checks/api-design/api-design-praise.js";
import { makeContext } from "../tests/make-context.js";

describe("api-design-praise", () => {
  it("praises validation at the edge, pages, 201s and one error shape", () => {
    const code = `import { z } from "zod";
router.get("/tasks", async (req, res) => { const limit = 20; const offset = 0; res.json(await list(limit, offset)); });
router.post("/tasks", async (req, res) => { const input = Task.safeParse(req.body); if (!input.success) return res.status(400).json({ error: "bad" }); res.status(201).json(await create(input.data)); });
router.get("/tasks/:id", async (req, res) => res.status(404).json({ error: "not found" }));
router.delete("/tasks/:id", async (req, res) => res.status(404).json({ error: "not found" }));`;
    const [finding] = apiDesignPraiseCheck.run(makeContext({ changed: { "src/tasks.ts": code } }));
    expect(finding?.level).toBe("celebratory");
    expect(finding?.message).toMatch(/same shape.*validated.*pages.*201/);
  });

  it("says nothing when there is nothing to praise", () => {
    expect(
      apiDesignPraiseCheck.run(
        makeContext({ changed: { "src/tasks.ts": `router.get("/tasks", (req, res) => res.json([]));` } }),
      ),
    ).toEqual([]);
  });
});
