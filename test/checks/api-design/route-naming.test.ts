import { describe, expect, it } from "vitest";
import { routeNamingCheck } from "../../../src/checks/api-design/route-naming.js";
import { makeContext } from "../tests/make-context.js";

const run = (code: string) => routeNamingCheck.run(makeContext({ changed: { "src/routes.ts": code } }));

describe("route-naming", () => {
  it("reports verbs in paths, with the resource path to use instead", () => {
    const findings = run(
      `router.get("/getUsers", list);\nrouter.post("/user/delete/:id", remove);\nrouter.post("/create-task", create);`,
    );
    expect(findings.map((finding) => finding.line)).toEqual([1, 2, 3]);
    expect(findings[0]?.message).toContain("`GET /users` instead of `GET /getUsers`");
    expect(findings[1]?.message).toContain("`DELETE /user/:id`");
    expect(findings[2]?.message).toContain("`POST /task`");
  });

  it("stays quiet on resource paths and on actions that are not CRUD verbs", () => {
    expect(
      run(
        `router.get("/users", list);\nrouter.delete("/users/:id", remove);\nrouter.post("/login", login);\nrouter.post("/tasks/:id/archive", archive);\nrouter.get("/addresses", list);`,
      ),
    ).toEqual([]);
  });

  it("accepts the form pages GET /x/:id/edit and GET /x/create, but not a write to them", () => {
    expect(
      run(
        `app.get("/posts/:id/edit", editForm);\napp.get("/posts/create", newForm);\napp.put("/posts/:id/edit", update);\napp.get("/edit/:id", editForm);`,
      ).map((finding) => finding.line),
    ).toEqual([3, 4]);
  });

  it("reads NestJS controllers through the shared route definitions", () => {
    const findings = run(`@Controller("tasks")\nclass TasksController {\n  @Get("getAll")\n  all() {}\n}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.line).toBe(3);
  });

  it("skips tests", () => {
    expect(
      routeNamingCheck.run(makeContext({ changed: { "test/routes.test.ts": `app.get("/getUsers", h);` } })),
    ).toEqual([]);
  });
});

describe("route-naming in a server-rendered app", () => {
  it("accepts POST /x/delete where HTML forms can send only GET and POST", () => {
    const context = makeContext({
      changed: { "src/app.ts": `app.post("/account/delete", remove);\napp.get("/getUsers", list);` },
      otherPaths: ["views/account.pug"],
    });
    expect(routeNamingCheck.run(context).map((finding) => finding.line)).toEqual([2]);
  });
});
