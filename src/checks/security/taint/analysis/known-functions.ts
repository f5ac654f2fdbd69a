/** Names of functions the analysis knows: converters, sanitizers, validators and string helpers. */
import type { SecurityCategory } from "../../../../contract/security-categories.js";

/** Calls whose result is a number or boolean: input through them is safe everywhere. */
export const NUMERIC_CALLS = new Set([
  "Number",
  "parseInt",
  "parseFloat",
  "Boolean",
  "BigInt",
  "isNaN",
  "isFinite",
  "ObjectId",
  "isValidObjectId",
  "toNumber",
  "toInt",
]);

/** A function whose name says it escapes, sanitises or validates its input (escapeHtml, DOMPurify.sanitize, mysql.escape, escapeRegExp, sanitizeFilename, filterXSS, ...). */
export const SANITIZER_NAME =
  /^(escape|sanitize|purify|clean|filterXSS$|xss$|whitelist|allowlist|strip(Tags|Html)|htmlEncode|encodeHtml|encodeHTML|quote$|encode$|encodeForHTML|shellEscape|shellescape|matchedData$|validate|check[A-Z])/;

/** Schema-validation method names: zod `.parse`, joi `.validate`, yup `.validateSync`, superstruct `.create`... */
export const SCHEMA_METHODS = new Set([
  "parse",
  "parseAsync",
  "safeParse",
  "safeParseAsync",
  "validate",
  "validateAsync",
  "validateSync",
  "cast",
  "assert",
]);

/** Receivers whose `.parse` is a parser, not a validator. */
export const PARSER_RECEIVERS = new Set([
  "JSON",
  "url",
  "qs",
  "querystring",
  "path",
  "Date",
  "URL",
  "cookie",
  "YAML",
  "yaml",
  "csv",
  "xml",
  "xml2js",
  "parser",
  "marked",
  "Papa",
  "contentType",
  "mime",
]);

/** encodeURIComponent leaves no quote, slash, space, `<` or shell metacharacter except `'()!*~`. */
export const URI_COMPONENT_SAFE: readonly SecurityCategory[] = [
  "xss",
  "ssrf",
  "open-redirect",
  "path-traversal",
  "command-injection",
  "nosql-injection",
];

/** String methods whose result is still (part of) the input. */
export const STRING_METHODS = new Set([
  "trim",
  "trimStart",
  "trimEnd",
  "toLowerCase",
  "toUpperCase",
  "toLocaleLowerCase",
  "toLocaleUpperCase",
  "slice",
  "substring",
  "substr",
  "replace",
  "replaceAll",
  "concat",
  "padStart",
  "padEnd",
  "normalize",
  "repeat",
  "toString",
  "split",
  "join",
  "at",
  "charAt",
  "valueOf",
  "toJSON",
  "flat",
  "reverse",
  "sort",
  "filter",
  "map",
]);

/** Methods that read an element out of a tainted container: URLSearchParams.get, Map.get, arr.pop(). */
export const ELEMENT_METHODS = new Set(["get", "getAll", "pop", "shift", "find", "item", "first", "last"]);

/** Functions that build a string from their arguments. */
export const STRING_BUILDERS = new Set([
  "join",
  "resolve",
  "normalize",
  "relative",
  "format",
  "decodeURIComponent",
  "decodeURI",
  "unescape",
  "raw",
  "stringify",
  "from",
  "concat",
  "toString",
  "sprintf",
  "vsprintf",
  "marked",
  "makeHtml",
  "renderMarkdown",
  "markdownToHtml",
]);

/** Functions that copy or combine objects: the result holds what their arguments held. */
export const OBJECT_COPIERS = new Set([
  "assign",
  "fromEntries",
  "structuredClone",
  "cloneDeep",
  "clone",
  "cloneDeepWith",
  "values",
  "entries",
  "keys",
  "resolve",
  "all",
  "flat",
  "toObject",
  "toJSON",
  "lean",
]);

/** Callbacks of array methods receive the elements as their first parameter (reduce: second). */
export const ARRAY_CALLBACK_METHODS = new Set([
  "forEach",
  "map",
  "filter",
  "some",
  "every",
  "find",
  "findIndex",
  "flatMap",
  "reduce",
]);
