import { describe, expect, it } from "vitest";
import { noExplicitAnyCheck } from "../../../src/checks/clean-code/no-explicit-any.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const options = noExplicitAnyCheck.ruleOptions?.({}) ?? [];

/** The report on the `any` at `offset` in `code`, with the rule's two suggestions. */
function anyAt(code: string, offset: number) {
  const replaced = (type: string) => code.slice(0, offset) + type + code.slice(offset + 3);
  return {
    messageId: "unexpectedAny",
    suggestions: [
      { messageId: "suggestUnknown", output: replaced("unknown") },
      { messageId: "suggestNever", output: replaced("never") },
    ],
  };
}
const LOG = "function log(...args: any[]) { console.error(...args); }";
const HANDLER = "type Handler = (...args: any[]) => any;";
const CONSTRAINT_ANY = "function first<T extends any>(list: T[]): T { return list[0]; }";
const DEFAULT_ANY = "interface Page<T = any> { items: T[]; }";
const ADMIN = "class Admin extends User { constructor(...args: any[]) { super(...args); } }";

ruleTester.run("no-explicit-any", noExplicitAnyCheck.rule, {
  valid: [
    { code: "function parse(body: unknown): Task { return schema.parse(body); }", options },
    { code: "const list: Task[] = [];", options },
    // TypeScript needs `any[]` here: `unknown[]` would not accept `(id: string) => User`.
    { code: "function once<F extends (...args: any[]) => unknown>(fn: F): F { return fn; }", options },
    { code: "type Constructor<T = object> = new (...args: Array<any>) => T;", options },
    { code: "type Factory = { new (...args: any[]): Service };", options },
    // "Any kind of Entity" in a constraint; values are still typed E.
    {
      code: "interface Mapper<E extends Entity<any>, R = Record<string, unknown>> { toDomain(record: R): E; }",
      options,
    },
    {
      code: "abstract class Repository<A extends AggregateRoot<Array<any>>> { abstract save(aggregate: A): Promise<void>; }",
      options,
    },
    // A mixin's constructor must take exactly `...args: any[]` (TS2545).
    {
      code: "function Timestamped<B extends Constructor>(Base: B) { return class extends Base { constructor(...args: any[]) { super(...args); } }; }",
      options,
    },
    {
      code: "class Model { static withDefaults<S extends Constructor>(this: S) { return class extends this { constructor(...args: any[]) { super(...args); } }; } }",
      options,
    },
  ],
  invalid: [
    // A function that runs takes `...args: unknown[]` just as well.
    { code: LOG, options, errors: [anyAt(LOG, LOG.indexOf("any"))] },
    // What a function type returns is covariant: `unknown` accepts every result.
    { code: HANDLER, options, errors: [anyAt(HANDLER, HANDLER.lastIndexOf("any"))] },
    // A class extending an imported class is no mixin: its constructor can say what it takes.
    { code: ADMIN, options, errors: [anyAt(ADMIN, ADMIN.indexOf("any"))] },
    // `any` as the constraint itself, or as a default, is no "kind of" anything: it turns checking off.
    { code: CONSTRAINT_ANY, options, errors: [anyAt(CONSTRAINT_ANY, CONSTRAINT_ANY.indexOf("any"))] },
    { code: DEFAULT_ANY, options, errors: [anyAt(DEFAULT_ANY, DEFAULT_ANY.indexOf("any"))] },
    {
      code: "function parse(body: any) { return body; }",
      options,
      errors: [
        {
          messageId: "unexpectedAny",
          suggestions: [
            { messageId: "suggestUnknown", output: "function parse(body: unknown) { return body; }" },
            { messageId: "suggestNever", output: "function parse(body: never) { return body; }" },
          ],
        },
      ],
    },
  ],
});

describe("no-explicit-any check", () => {
  it("leaves declaration files for untyped libraries alone, and checks every other TypeScript file", () => {
    expect(noExplicitAnyCheck.appliesTo?.("src/types/legacy-sdk.d.ts")).toBe(false);
    expect(noExplicitAnyCheck.appliesTo?.("src/types/legacy-sdk.d.mts")).toBe(false);
    expect(noExplicitAnyCheck.appliesTo?.("src/routes/tasks.ts")).toBe(true);
    expect(noExplicitAnyCheck.appliesTo?.("src/d.ts-helpers.ts")).toBe(true);
  });

  it("tells a learner what to do, then why", () => {
    const message =
      noExplicitAnyCheck.learnerMessage?.({
        messageId: "unexpectedAny",
        message: "Unexpected any. Specify a different type.",
      }) ?? "";
    expect(message).toMatch(/^Replace `any` with the real type/);
    expect(message).toContain("turns off type checking");
  });
});
