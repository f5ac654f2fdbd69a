import type { FunctionCheck } from "../../contract/check.js";
import { isApplicationCode } from "../shared/is-application-code.js";
import { knownContents } from "../shared/known-contents.js";
import { dominantShape, describeShape, errorBodies } from "./error-bodies.js";

const VALIDATION_LIB =
  /from\s+["'](zod|joi|yup|ajv|class-validator|express-validator|celebrate|superstruct|valibot|@sinclair\/typebox)["']|require\(\s*["'](zod|joi|yup|ajv|class-validator|express-validator|celebrate|superstruct|valibot)["']\s*\)/;
const VALIDATION_USE =
  /\.(parse|safeParse|validate|validateAsync|validateSync)\(|validationResult\(|celebrate\(|checkSchema\(|\bschema\s*:/;
const PAGINATION =
  /\b(limit|take|pageSize|perPage)\b[\s\S]{0,400}\b(offset|skip|cursor|page)\b|\bLIMIT\s+\$\d+\s+OFFSET\b/i;
const ROUTES =
  /\.(get|post|put|patch|delete|route)\(\s*["'`]\/|@(Get|Post|Put|Patch|Delete)\(|\breq\.body\b|\brequest\.body\b/;
const CREATED = /\.(status|code)\(\s*201\s*\)\s*\.(json|send)\(\s*[^)\s]/;

/** Praise, once per review, for the API habits the change shows: one error shape, validation at the edge, pages, 201s. */
export const apiDesignPraiseCheck: FunctionCheck = {
  kind: "function",
  id: "api-design-praise",
  criterion: "api-design",
  description: "Consistent error bodies, validation at the edge, pagination and 201 Created (praise).",
  defaultLevel: "celebratory",
  languages: ["js"],
  run(context) {
    const changed = context.files.filter((file) => file.status !== "removed" && isApplicationCode(file.path));
    const first = changed[0];
    if (!first) return [];
    const good: string[] = [];
    let where: string | undefined;
    const noteIn = (pattern: (content: string) => boolean): boolean => {
      const file = changed.find((candidate) => pattern(candidate.content));
      where ??= file?.path;
      return file !== undefined;
    };
    const bodies = [...knownContents(context)]
      .filter(([path]) => isApplicationCode(path))
      .flatMap(([path, content]) => errorBodies(path, content));
    const dominant = dominantShape(bodies);
    if (dominant && dominant.count === bodies.length && bodies.length >= 3)
      good.push(`every error answer has the same shape, ${describeShape(dominant.shape)}`);
    if (noteIn((content) => ROUTES.test(content) && VALIDATION_LIB.test(content) && VALIDATION_USE.test(content)))
      good.push("request input is validated with a schema at the edge");
    if (noteIn((content) => PAGINATION.test(content))) good.push("list endpoints return pages");
    if (noteIn((content) => CREATED.test(content))) good.push("creating answers 201 with the new record");
    if (good.length === 0) return [];
    return [
      {
        messageId: "goodApi",
        message: `Well done: ${good.join("; ")}. These are the habits that make an API predictable for the people who call it; keep them as it grows.`,
        path: where ?? first.path,
        line: 1,
        scope: "file",
        level: "celebratory",
      },
    ];
  },
};
