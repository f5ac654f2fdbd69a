/** Guards and options the taint checks must recognise as making input safe. */
import { describe, expect, it } from "vitest";
import { findingLabels } from "./run-taint-checks.js";

const labels = (code: string) => [...findingLabels("src/routes.js", code)];

describe("taint guards and limits", () => {
  it("prototype-pollution: a forbidden-key Set held in a constant guards a merge loop", () => {
    const merge = (guard: string) =>
      `${guard}\nfunction merge(t, s) {\n  for (const key of Object.keys(s)) {\n    if (FORBIDDEN.has(key)) continue;\n    if (typeof s[key] === "object") merge(t[key], s[key]);\n    else t[key] = s[key];\n  }\n}\napp.post("/s", (req, res) => res.json(merge({}, req.body)));\n`;
    expect(labels(merge('const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);'))).toEqual([]);
    expect(labels(merge('const FORBIDDEN = new Set(["admin"]);'))).not.toEqual([]);
  });

  it("prototype-pollution: Koa's ctx.throw ends the request like a throw", () => {
    const code = (stop: string) =>
      `router.patch("/d/:id", async (ctx) => {\n  const field = ctx.request.body.field;\n  if (!EDITABLE.includes(field)) ${stop};\n  doc[field] = ctx.request.body.value;\n});\n`;
    expect(labels(code('ctx.throw(400, "not editable")'))).toEqual([]);
    expect(labels(code('console.warn("not editable")'))).toEqual(["prototype-pollution:4"]);
  });

  it("mass-assignment: Sequelize's fields option limits what the body can set", () => {
    expect(
      labels('router.put("/me", async (req, res) => { await req.user.update(req.body, { fields: ["theme"] }); });\n'),
    ).toEqual([]);
    expect(labels('router.put("/me", async (req, res) => { await req.user.update(req.body); });\n')).toEqual([
      "mass-assignment:1",
    ]);
  });
});
