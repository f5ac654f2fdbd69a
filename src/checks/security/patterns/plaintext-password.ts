/**
 * plaintext-password: a password stored or compared as typed. Stored: `User.create({ password })`,
 * `new User({ password: req.body.password })`, `user.password = password` then save, an SQL
 * `INSERT ... password` / `UPDATE ... SET password` with the raw value, with no bcrypt/argon2/scrypt call in
 * the same function (or a hashing hook in the same file; for a store through a model, a hashing model hook in
 * any file of the project). A mapper copying `password` from one layer's object to another's is not input. Compared: `user.password === req.body.password`,
 * `findOne({ email, password })`, `WHERE password = $2` with the raw value.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { type EslintCheck, type ProjectFiles, projectFilesOf } from "../../../contract/check.js";
import { functionFrames } from "../../shared/ast/function-frames.js";
import { calleeName, keyName } from "../../shared/ast/names.js";
import type { Node } from "../../shared/ast/node.js";
import { initOf } from "../../shared/ast/scope.js";
import { staticString } from "../../shared/ast/static-values.js";
import { isSampleData } from "../../shared/is-sample-data.js";
import { isPasswordName, readName, readsPassword } from "./password-context.js";

const STORE_CALLS = new Set([
  "create",
  "insert",
  "insertOne",
  "insertMany",
  "save",
  "build",
  "update",
  "updateOne",
  "upsert",
  "findOneAndUpdate",
  "findByIdAndUpdate",
  "createUser",
  "add",
  "set",
  "createQueryBuilder",
  "values",
]);
const FIND_CALLS = new Set([
  "findOne",
  "find",
  "findFirst",
  "findUnique",
  "findAll",
  "where",
  "findOneBy",
  "findBy",
  "exists",
  "countDocuments",
  "count",
]);
/** Loggers: `console.log`, `logger.info`, `log.debug`, `winston.warn`, `req.log.info`. */
export const LOGGER =
  /^(console|logger|log|winston|pino|bunyan|debug|req\.log|request\.log|ctx\.log|this\.logger|fastify\.log|app\.log)$/i;
export const LOG_METHODS = new Set(["log", "info", "debug", "warn", "error", "trace", "fatal", "verbose", "silly"]);
const HASHING = /hash|bcrypt|argon|scrypt|pbkdf2|crypt|digest/i;
const SQL_STORE =
  /\b(insert\s+into\s+[\w".]+\s*\([^)]*\bpass(word|wd)?\b|update\s+[\w".]+\s+set\s+[^;]*\bpass(word|wd)?\s*=)/i;
const SQL_COMPARE = /\bwhere\b[^;]*\bpass(word|wd)?\s*=\s*(\$\d+|\?|:\w+|@\w+|'?\$\{)/i;

interface Frame {
  hashes: boolean;
  /** `orm`: stored through a model (`user.password = x`, `User.create({ password })`), which a hook may hash. */
  candidates: { node: ESTree.Node; messageId: "stored" | "compared"; orm?: boolean; how?: string }[];
}

/**
 * A model hook that hashes the password before it is written, anywhere in the project: Mongoose's
 * `schema.pre("save", ...)`, TypeORM's `@BeforeInsert()`/`@BeforeUpdate()`, Sequelize's `beforeCreate` /
 * `beforeSave` / `addHook`, MikroORM's `@BeforeCreate()`, with a hashing call soon after.
 */
const HASH_HOOK =
  /(\.pre\(\s*["'`](save|validate|updateOne|findOneAndUpdate)["'`]|@Before(Insert|Update|Create)\(|\b(beforeCreate|beforeSave|beforeUpdate|beforeInsert|addHook)\b)[\s\S]{0,1200}?\b(bcrypt|argon2?|scrypt|pbkdf2|hash\w*)\s*[.(]/i;
/**
 * A service that hashes the password of the data it is given to store (`bcrypt.hash(updateUserDto.password, salt)`
 * in a NestJS `UsersService.update`): a caller setting `user.password = password` and passing the user to it stores
 * a hash. Only a hash of a DTO-like object's password counts (`...Dto`, `...Input`, `...Data`, `payload`), never of
 * the request itself.
 */
const SERVICE_HASHES_DTO =
  /\b(bcrypt\w*|argon2?)\s*\.\s*hash(Sync)?\s*\(\s*\w*(Dto|Input|Data|Payload|payload|Attributes|Attrs|Args)\.password\b/;
const hookCache = new WeakMap<ProjectFiles, boolean>();

/** True when some file of the review's project hashes passwords in a model hook, or in the service that stores them. */
function projectHashesInHook(project: ProjectFiles | undefined): boolean {
  if (!project) return false;
  let known = hookCache.get(project);
  if (known === undefined) {
    known = [...project.contents.values()].some(
      (text) => /pass/i.test(text) && (HASH_HOOK.test(text) || SERVICE_HASHES_DTO.test(text)),
    );
    hookCache.set(project, known);
  }
  return known;
}

/** `target.password = source.password`: a mapper copying a stored value between layers, not input. */
function copiesStoredPassword(left: ESTree.MemberExpression, right: ESTree.Node): boolean {
  if (
    right.type !== "MemberExpression" ||
    keyName(left.property, left.computed) !== keyName(right.property, right.computed)
  )
    return false;
  return !/^(req|request|ctx|body|input|args|params|payload|query)$/i.test(readName(right.object as ESTree.Node) ?? "");
}

/** True when `node` holds the password as typed: not a hash call's result, not a name like `hashedPassword`. */
function isRawPassword(context: Rule.RuleContext, node: ESTree.Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === "AwaitExpression") return false;
  if (!readsPassword(node)) return false;
  if (node.type === "Identifier") {
    const init = initOf(context, node);
    if (init && HASHING.test(context.sourceCode.getText(init))) return false;
  }
  return true;
}

/** The store/find call a variable is passed to: `const user = { name, password }; users.insertOne(user)`. */
function callReceivingVariable(
  context: Rule.RuleContext,
  declarator: ESTree.VariableDeclarator,
): { kind: "store" | "find"; call: ESTree.Node } | undefined {
  for (const variable of context.sourceCode.getDeclaredVariables(declarator)) {
    for (const reference of variable.references) {
      const parent = (reference.identifier as Node).parent;
      if (parent?.type !== "CallExpression" || !parent.arguments.includes(reference.identifier as ESTree.Expression))
        continue;
      const name = calleeName(parent) ?? "";
      if (STORE_CALLS.has(name)) return { kind: "store", call: parent };
      if (FIND_CALLS.has(name)) return { kind: "find", call: parent };
    }
  }
  return undefined;
}

/** The first store/find call an object literal is (nested in) an argument of, directly or through a variable. */
function receivingCall(
  context: Rule.RuleContext,
  node: Node,
): { kind: "store" | "find"; call: ESTree.Node } | undefined {
  let current: Node | undefined = node.parent;
  for (let depth = 0; current && depth < 5; depth++, current = current.parent) {
    if (current.type === "VariableDeclarator" && current.id.type === "Identifier")
      return callReceivingVariable(context, current);
    if (current.type === "NewExpression" && current.callee.type === "Identifier" && /^[A-Z]/.test(current.callee.name))
      return { kind: "store", call: current };
    if (current.type === "CallExpression") {
      const name = calleeName(current) ?? "";
      if (STORE_CALLS.has(name)) return { kind: "store", call: current };
      if (FIND_CALLS.has(name)) return { kind: "find", call: current };
      return undefined;
    }
    if (current.type !== "ObjectExpression" && current.type !== "Property" && current.type !== "ArrayExpression")
      return undefined;
  }
  return undefined;
}

/** The SQL text of a query call's first argument, and its parameters array. */
function sqlOf(
  call: ESTree.CallExpression,
): { sql: string; params: ESTree.Node[]; interpolated: ESTree.Node[] } | undefined {
  const first = call.arguments[0];
  if (!first) return undefined;
  const second = call.arguments[1];
  const params =
    second?.type === "ArrayExpression"
      ? (second.elements.filter((element) => element && element.type !== "SpreadElement") as ESTree.Node[])
      : [];
  if (first.type === "TemplateLiteral")
    return {
      sql: first.quasis.map((quasi) => quasi.value.cooked ?? "").join("${}"),
      params,
      interpolated: first.expressions,
    };
  const sql = staticString(first);
  return sql !== undefined ? { sql, params, interpolated: [] } : undefined;
}

/** A log argument that contains the password: the value itself, `${password}` in a template, or `{ password }`. */
function loggedPassword(node: ESTree.Node): boolean {
  if (readsPassword(node)) return true;
  if (node.type === "TemplateLiteral") return node.expressions.some((expression) => readsPassword(expression));
  if (node.type === "BinaryExpression" && node.operator === "+")
    return loggedPassword(node.left as ESTree.Node) || loggedPassword(node.right);
  if (node.type === "ObjectExpression")
    return node.properties.some(
      (property) =>
        property.type === "Property" &&
        isPasswordName(keyName(property.key, property.computed)) &&
        readsPassword(property.value),
    );
  return false;
}

const SQL_CALLS = new Set(["query", "execute", "raw", "run", "all", "get", "none", "one", "oneOrNone"]);
const HOOK_CALLS = new Set(["pre", "beforeCreate", "beforeSave", "addHook", "beforeInsert"]);

/** What a file's visit gathers: raw passwords about to be stored, per function, and whether the file hashes in a hook. */
interface PasswordState {
  top(): Frame;
  fileHashHook: boolean;
}

/** A hashing call marks its function; a logger call with the password is reported; a model hook that hashes covers the file. */
function noteCall(context: Rule.RuleContext, state: PasswordState, node: ESTree.CallExpression): void {
  const name = calleeName(node) ?? "";
  const calleeText = node.callee.type === "MemberExpression" ? context.sourceCode.getText(node.callee) : name;
  if (HASHING.test(calleeText) && !/compare/i.test(name)) state.top().hashes = true;
  const loggerName = node.callee.type === "MemberExpression" ? context.sourceCode.getText(node.callee.object) : "";
  if (LOG_METHODS.has(name) && LOGGER.test(loggerName) && node.arguments.some((argument) => loggedPassword(argument)))
    context.report({ node, messageId: "logged" });
  if (HOOK_CALLS.has(name)) state.fileHashHook ||= HASHING.test(context.sourceCode.getText(node));
  if (SQL_CALLS.has(name)) noteSqlPassword(context, state, node);
}

/** `INSERT ... password` with the raw value is a candidate; `WHERE password = $1` with it is reported at once. */
function noteSqlPassword(context: Rule.RuleContext, state: PasswordState, node: ESTree.CallExpression): void {
  const sql = sqlOf(node);
  if (!sql) return;
  const raw = [...sql.params, ...sql.interpolated].some((param) => isRawPassword(context, param));
  if (!raw) return;
  const query = node.arguments[0] ?? node;
  if (SQL_STORE.test(sql.sql)) state.top().candidates.push({ node: query, messageId: "stored" });
  else if (SQL_COMPARE.test(sql.sql))
    context.report({ node: query, messageId: "compared", data: { how: "a WHERE clause on the password" } });
}

/** `{ password }` passed to a store call is a candidate, to a find call is reported; a hashing `beforeSave` hook covers the file. */
function noteProperty(context: Rule.RuleContext, state: PasswordState, node: ESTree.Property): void {
  const key = keyName(node.key, node.computed);
  if (key && /^(beforeCreate|beforeSave|beforeUpdate|beforeInsert)$/.test(key))
    state.fileHashHook ||= HASHING.test(context.sourceCode.getText(node.value));
  if (!isPasswordName(key) || !isRawPassword(context, node.value)) return;
  const receiver = receivingCall(context, node as Node);
  if (!receiver) return;
  if (receiver.kind === "find")
    context.report({ node, messageId: "compared", data: { how: "looking the user up by password" } });
  else state.top().candidates.push({ node, messageId: "stored", orm: true });
}

/** `user.password === req.body.password`: a stored password compared as typed. */
function reportComparison(context: Rule.RuleContext, state: PasswordState, node: ESTree.BinaryExpression): void {
  if (!["===", "==", "!==", "!="].includes(node.operator)) return;
  const { left, right } = node;
  if (left.type === "PrivateIdentifier" || !readsPassword(left) || !readsPassword(right)) return;
  // `password === confirmPassword` checks the form; a stored password sits on an object (user.password, rows[0].password).
  const isInput = (object: ESTree.Node): boolean =>
    /^(req|request|ctx|body|input|dto|data|args|params|payload)$/i.test(readName(object) ?? "") ||
    readName(object) === "body";
  const stored = [left, right].some((side) => side.type === "MemberExpression" && !isInput(side.object));
  // A function that hashes the new password compares it with the stored one to decide whether to hash again.
  if (stored)
    state
      .top()
      .candidates.push({ node, messageId: "compared", how: `\`${context.sourceCode.getText(node).slice(0, 60)}\`` });
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Store only password hashes; compare with bcrypt.compare or argon2.verify." },
    messages: {
      stored:
        "Hash the password before saving it: `const passwordHash = await bcrypt.hash(password, 12)` and store `passwordHash`. Stored as typed, one database leak hands every user's password to the attacker, and people reuse passwords on other sites.",
      logged:
        "Leave the password out of this log line (log the username and the outcome only). Logs are kept, copied and read by many people, so a password written there is stored in plain text.",
      compared:
        "Compare passwords with `await bcrypt.compare(password, user.passwordHash)` (or `argon2.verify`) instead of `{{how}}`. Comparing as typed means the database holds real passwords, readable by anyone who gets a copy.",
    },
    schema: [],
  },
  create(context) {
    if (isSampleData(context.filename) || /(^|\/)migrations?\//i.test(context.filename)) return {};
    const finished: Frame[] = [];
    const moduleFrame: Frame = { hashes: false, candidates: [] };
    const frames = functionFrames<Frame>(
      () => ({ hashes: false, candidates: [] }),
      (frame) => finished.push(frame),
    );
    const state: PasswordState = { top: () => frames.top() ?? moduleFrame, fileHashHook: false };
    return {
      ...frames.visitors,
      CallExpression: (node) => noteCall(context, state, node),
      Property: (node) => noteProperty(context, state, node),
      AssignmentExpression(node) {
        if (
          node.operator !== "=" ||
          node.left.type !== "MemberExpression" ||
          node.left.object.type === "ThisExpression"
        )
          return;
        if (copiesStoredPassword(node.left, node.right)) return;
        if (isPasswordName(keyName(node.left.property, node.left.computed)) && isRawPassword(context, node.right))
          state.top().candidates.push({ node, messageId: "stored", orm: true });
      },
      BinaryExpression: (node) => reportComparison(context, state, node),
      "Program:exit"() {
        finished.push(moduleFrame);
        const hookHashes = projectHashesInHook(projectFilesOf(context.settings));
        for (const frame of finished) {
          if (frame.hashes) continue;
          for (const candidate of frame.candidates) {
            if (candidate.messageId === "stored" && state.fileHashHook) continue;
            if (candidate.orm && hookHashes) continue;
            context.report({
              node: candidate.node,
              messageId: candidate.messageId,
              data: { how: candidate.how ?? "" },
            });
          }
        }
      },
    };
  },
};

export const plaintextPassword: EslintCheck = {
  kind: "eslint",
  id: "plaintext-password",
  criterion: "security",
  description: "Passwords stored or compared without hashing.",
  defaultLevel: "essential",
  category: "plaintext-password",
  rule,
};
