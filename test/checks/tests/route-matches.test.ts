import { describe, expect, it } from "vitest";
import { methodMatches, routeMatches } from "../../../src/checks/shared/route-matches.js";
import { DYNAMIC } from "../../../src/checks/shared/string-value.js";

describe("routeMatches", () => {
  it("matches literal paths exactly, ignoring trailing slashes and case", () => {
    expect(routeMatches("/tasks", "/tasks")).toBe(true);
    expect(routeMatches("/tasks", "/Tasks/")).toBe(true);
    expect(routeMatches("/tasks", "/users")).toBe(false);
    expect(routeMatches("/tasks", "/tasks/1")).toBe(false);
  });

  it("matches parameters against concrete and computed segments", () => {
    expect(routeMatches("/tasks/:id", "/tasks/123")).toBe(true);
    expect(routeMatches("/tasks/:id", `/tasks/${DYNAMIC}`)).toBe(true);
    expect(routeMatches("/tasks/{id}", "/tasks/9")).toBe(true);
    expect(routeMatches("/tasks/:id", "/tasks")).toBe(false);
    expect(routeMatches("/tasks/:id/done", "/tasks/4/done")).toBe(true);
    expect(routeMatches("/tasks/:id/done", "/tasks/4/undo")).toBe(false);
  });

  it("handles optional parameters and wildcards", () => {
    expect(routeMatches("/tasks/:id?", "/tasks")).toBe(true);
    expect(routeMatches("/tasks/:id?", "/tasks/2")).toBe(true);
    expect(routeMatches("/files/*", "/files/a/b.txt")).toBe(true);
  });

  it("lets a computed request segment stand for a literal one", () => {
    expect(routeMatches("/tasks/stats", `/tasks/${DYNAMIC}`)).toBe(true);
    expect(routeMatches("/tasks/report.csv", `/tasks/report.${DYNAMIC}`)).toBe(true);
    expect(routeMatches("/tasks/report.csv", `/tasks/summary.${DYNAMIC}`)).toBe(false);
  });

  it("allows a mount prefix in front of the route", () => {
    expect(routeMatches("/tasks/:id", "/api/v1/tasks/5")).toBe(true);
    expect(routeMatches("/tasks/:id", "/api/tasks")).toBe(false);
  });
});

describe("methodMatches", () => {
  it("compares methods, treating unknown and ALL as any", () => {
    expect(methodMatches("GET", "GET")).toBe(true);
    expect(methodMatches("GET", "POST")).toBe(false);
    expect(methodMatches("GET", undefined)).toBe(true);
    expect(methodMatches("ALL", "DELETE")).toBe(true);
  });
});
