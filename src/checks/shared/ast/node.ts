/**
 * The one AST vocabulary of the checks: the ESTree tree typescript-eslint's parser builds, the tree the
 * Linter already runs every rule on. Pattern rules see it through ESLint's `estree` types, the taint
 * analysis and the tests checks through `TSESTree`; the helpers in this folder take either.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type * as ESTree from "estree";

/** A node of either typing of the same tree. */
export type AnyNode = ESTree.Node | TSESTree.Node;

/** An ESTree node with the parent pointer ESLint sets while it traverses. */
export type Node = ESTree.Node & { parent?: Node };

/** A typescript-eslint node (parent pointers typed): what the taint analysis walks. */
export type TsNode = TSESTree.Node;
