import type { Rule } from "eslint";
import type * as ESTree from "estree";

export interface FunctionFrames<T> {
  /** The frame of the innermost function being visited, or undefined at module level. */
  top(): T | undefined;
  /** Spread into a rule's listener: opens a frame on entering each function, closes it on leaving. */
  visitors: Rule.RuleListener;
}

/**
 * A stack of per-function facts, kept as a rule visits: `open` makes a frame when a function starts and
 * `close` gets it back with the function when the function ends (to report, or to keep for `Program:exit`).
 */
export function functionFrames<T>(open: () => T, close: (frame: T, fn: ESTree.Function) => void): FunctionFrames<T> {
  const stack: T[] = [];
  const enter = (): void => {
    stack.push(open());
  };
  const exit = (fn: ESTree.Function): void => {
    const frame = stack.pop();
    if (frame !== undefined) close(frame, fn);
  };
  return {
    top: () => stack[stack.length - 1],
    visitors: {
      FunctionDeclaration: enter,
      FunctionExpression: enter,
      ArrowFunctionExpression: enter,
      "FunctionDeclaration:exit": exit,
      "FunctionExpression:exit": exit,
      "ArrowFunctionExpression:exit": exit,
    },
  };
}
