import type * as ESTree from "estree";
import { testCallOf, testOption, type TestCall, type TestCallModifier } from "./test-call.js";

/** How a test is marked `only`, `skip` or `todo`: by its name (`fit`, `xit`), a modifier (`it.skip`), or node:test's option. */
export type TestMarker =
  | { by: "name"; call: TestCall }
  | { by: "modifier"; call: TestCall; modifier: TestCallModifier }
  | { by: "option"; call: TestCall; option: ESTree.Property };

/**
 * The first way a test call is marked with `mark`: a name in `names` (`fit`, `xdescribe`), then the modifier
 * (`it.only`, `describe.skip`), then node:test's `{ only: true }` option. Undefined for an unmarked call or no test.
 */
export function testMarkerOf(
  node: ESTree.CallExpression,
  mark: "only" | "skip" | "todo",
  names: ReadonlySet<string> = new Set(),
): TestMarker | undefined {
  const call = testCallOf(node);
  if (!call) return undefined;
  if (names.has(call.name)) return { by: "name", call };
  const modifier = call.modifiers.find((candidate) => candidate.name === mark);
  if (modifier) return { by: "modifier", call, modifier };
  const option = testOption(node, mark);
  return option ? { by: "option", call, option } : undefined;
}
