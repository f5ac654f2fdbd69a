/**
 * body-unvalidated: a POST, PUT or PATCH handler that passes the request body to the database with no validation
 * on the way. Validation counts wherever it sits: a middleware on the route (`validate(schema)`, `celebrate(...)`,
 * express-validator's `body("title")`), Fastify's `schema` option, a router-wide `router.use(validate...)`, a
 * schema call in the handler (`schema.parse`, `safeParse`, `validate`, `validateSync`, `validationResult`,
 * `plainToInstance`), or a hand check of the fields (`typeof title !== "string"`, `if (!title)`).
 *
 * The whole body handed to a write (`Task.create(req.body)`, `{ data: req.body }`, `{ ...req.body }`,
 * `Object.assign(task, req.body)`) is security's mass-assignment, which says what to do about it (pick the fields,
 * or parse the body with a schema): this check leaves those handlers to it, so one mistake gets one finding,
 * and speaks for bodies read field by field (`const { title } = req.body`) with no check on the way.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { findProperty } from "../shared/ast/static-values.js";
import { routeNodeText, type ImportedRoute } from "./imported-handlers.js";
import { readsBody, storeText, type RouteHandler } from "./route-handlers.js";
import { routeVisitors } from "./route-visitors.js";

const STORES =
  /\.(create|createMany|insert|insertOne|insertMany|save|update|updateOne|upsert|findByIdAndUpdate|findOneAndUpdate|bulkCreate|query|execute|\$executeRaw|values|set)\s*\(|\bINSERT\s+INTO\b|\bUPDATE\s+["\w.]+\s+SET\b/i;
/**
 * Calls on the client of a third-party API (`stripe.charges.create(...)`, `twilio.messages.create(...)`): the
 * service checks what it is sent and answers an error; nothing is stored in the app's database.
 */
const THIRD_PARTY_CALL =
  /\b(?:stripe|twilio|client\.messages|paypal|sendgrid|sgMail|mailgun|mailchimp|transporter|octokit|slack|openai|s3|sqs|sns|ses)(?:\.\w+)*\.(?:create|update|set|save|send\w*)\s*\(/gi;
const VALIDATES =
  /\.(parse|safeParse|parseAsync|safeParseAsync|validate|validateAsync|validateSync|assert|cast|check|is)\s*\(|\b(validate\w*|validationResult|plainToInstance|plainToClass|matchedData|checkSchema|assert\w*|is[A-Z]\w*|check[A-Z]\w*|ajv|Value\.Check|v\.parse)\s*\(|typeof\s+[\w.[\]"']+\s*[!=]==?|if\s*\(\s*!\s*[\w.]+\s*(\|\||&&|\))|===?\s*undefined|\.length\s*[<>]|Number\.is\w+\(|Array\.isArray\(|\.trim\(\)\s*===?\s*["']{2}/;
const VALIDATING_MIDDLEWARE = /valid|schema|check|sanitize|celebrate|body\(|param\(|dto|guard|zod|joi|yup/i;

const BODY = String.raw`(?:req|request|ctx\.request)\.body`;
const WHOLE_BODY_ALIAS = new RegExp(
  String.raw`\b(?:const|let|var)\s+(\w+)\s*(?::\s*[\w<>[\]]+\s*)?=\s*${BODY}\s*(?:as\s+\w+\s*)?[;\n]`,
  "g",
);
const WRITE_METHODS =
  "create|createMany|insert|insertOne|insertMany|save|update|updateOne|updateMany|upsert|bulkCreate|build|set|merge";
const SECOND_ARGUMENT_WRITES = "findByIdAndUpdate|findOneAndUpdate|updateOne|updateMany|replaceOne|update|upsert";

/**
 * True when the handler hands the whole body (`req.body`, or a name bound to it) to a write: the first argument of
 * an ORM write, the second of an update-by-id, a `data`/`values` property, a spread, or `Object.assign`'s source.
 */
export function handsWholeBodyToWrite(handlerText: string): boolean {
  const aliases = [BODY, ...[...handlerText.matchAll(WHOLE_BODY_ALIAS)].map((match) => match[1] as string)];
  const whole = String.raw`(?:${aliases.join("|")})(?![\w.[?])`;
  return [
    String.raw`\.(?:${WRITE_METHODS})\(\s*${whole}`,
    String.raw`\.(?:${SECOND_ARGUMENT_WRITES})\([^,()]+(?:\([^()]*\))?,\s*${whole}`,
    String.raw`\b(?:data|values|create|update|\$set)\s*:\s*${whole}`,
    String.raw`\.\.\.\s*${whole}`,
    String.raw`\bObject\.assign\([^;]*,\s*${whole}`,
  ].some((pattern) => new RegExp(pattern).test(handlerText));
}

function validatedByMiddleware(middlewares: readonly ESTree.Node[], text: (node: ESTree.Node) => string): boolean {
  return middlewares.some((middleware) => {
    if (middleware.type === "ObjectExpression")
      return (
        findProperty(middleware, "schema") !== undefined || findProperty(middleware, "preValidation") !== undefined
      );
    return VALIDATING_MIDDLEWARE.test(text(middleware));
  });
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Validate the request body at the edge before it reaches the database." },
    messages: {
      unvalidated:
        "Validate `{{method}} {{path}}`'s body before it reaches the database: declare its shape once (zod: `const input = TaskInput.parse(req.body)`, " +
        "or joi, yup, express-validator, Fastify's `schema`) and answer 400 with what is wrong. Unchecked, a missing field becomes a 500 " +
        "from the database, and unexpected ones are written as they come. See https://zod.dev",
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    const text = (node: ESTree.Node): string => sourceCode.getText(node);
    // A router-wide validation middleware: `router.use(validateBody)`.
    const validatesAll = (fileText: string): boolean => /\.use\(\s*[\w.]*valid/i.test(fileText);
    const check = (route: RouteHandler | ImportedRoute, anchor: ESTree.Node): void => {
      if (!["POST", "PUT", "PATCH"].includes(route.method)) return;
      if ("routeFile" in route && validatesAll(route.routeFile.text)) return;
      const handlerText = text(route.handler);
      if (!readsBody(handlerText) || !STORES.test(storeText(handlerText).replace(THIRD_PARTY_CALL, ""))) return;
      if (
        validatedByMiddleware(route.middlewares, (node) => routeNodeText(node, route, sourceCode)) ||
        VALIDATES.test(handlerText)
      )
        return;
      // security's mass-assignment speaks for the whole body written as it came
      if (handsWholeBodyToWrite(handlerText)) return;
      context.report({ node: anchor, messageId: "unvalidated", data: { method: route.method, path: route.path } });
    };
    const fileValidates = validatesAll(sourceCode.text);
    return routeVisitors(context, check, { inline: !fileValidates });
  },
};

export const bodyUnvalidatedCheck: EslintCheck = {
  kind: "eslint",
  id: "body-unvalidated",
  criterion: "api-design",
  description:
    "A POST/PUT/PATCH body read field by field reaches the database with no validation on the way (a body written whole is mass-assignment's).",
  defaultLevel: "actionable",
  rule,
};
