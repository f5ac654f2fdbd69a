import { describe, expect, it } from "vitest";
import { githubError, isAlreadyExists } from "../../src/scaffold/github-error.js";
import { parseGithubTarget } from "../../src/scaffold/github-target.js";

const httpError = (status: number, data: unknown) =>
  Object.assign(new Error(`HTTP ${status}`), { status, response: { data } });

describe("githubError", () => {
  it("says what GitHub answered and how to fix it, in one line", () => {
    const cases: [unknown, RegExp][] = [
      [
        httpError(401, { message: "Bad credentials" }),
        /^GitHub rejected the token while creating x \(401 Bad credentials\)\. Create a new token/,
      ],
      [
        httpError(403, { message: "Forbidden" }),
        /^GitHub refused creating x \(403 Forbidden\)\. Give the token the "repo" scope/,
      ],
      [
        httpError(404, { message: "Not Found" }),
        /^GitHub found nothing while creating x \(404\)\. Check the owner in --github/,
      ],
      [
        httpError(422, { message: "Validation Failed", errors: [{ message: "name is too long" }] }),
        /^GitHub did not accept creating x \(422 Validation Failed: name is too long\)\. Fix the name in --github/,
      ],
      [httpError(502, {}), /^GitHub answered 502 while creating x\. Try again later/],
      [
        new Error("connect ECONNREFUSED 127.0.0.1:1\nmore"),
        /^GitHub could not be reached while creating x: connect ECONNREFUSED 127\.0\.0\.1:1\. Check your network/,
      ],
    ];
    for (const [error, expected] of cases) {
      const message = githubError(error, "creating x").message;
      expect(message).toMatch(expected);
      expect(message).not.toContain("\n");
    }
  });

  it("recognises GitHub's 'already exists' answers only", () => {
    expect(isAlreadyExists(httpError(422, { errors: [{ code: "already_exists", field: "name" }] }))).toBe(true);
    expect(
      isAlreadyExists(httpError(422, { errors: [{ code: "custom", message: "name already exists on this account" }] })),
    ).toBe(true);
    expect(isAlreadyExists(httpError(422, { errors: [{ code: "invalid", field: "color" }] }))).toBe(false);
    expect(isAlreadyExists(httpError(404, {}))).toBe(false);
    expect(isAlreadyExists(new Error("boom"))).toBe(false);
  });
});

describe("parseGithubTarget", () => {
  it("accepts OWNER/NAME and refuses other shapes", () => {
    expect(parseGithubTarget("octo-org/my.api_2")).toEqual({ owner: "octo-org", name: "my.api_2" });
    for (const bad of ["octo", "octo/", "/api", "a/b/c", "octo/..", "-bad/api", "octo/my api"])
      expect(() => parseGithubTarget(bad)).toThrow("is not OWNER/NAME");
  });
});
