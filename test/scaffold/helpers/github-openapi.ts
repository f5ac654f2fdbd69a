/**
 * The few GitHub REST operations the scaffolder calls, read from GitHub's own OpenAPI description
 * (the trimmed copy test/fake-github/openapi-trimmed.json, written by scripts/trim-openapi.ts), with
 * validators for their path/query parameters and request bodies.
 */
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";

export const OPERATION_IDS = [
  "users/get-authenticated",
  "repos/create-for-authenticated-user",
  "repos/create-in-org",
  "repos/get",
  "issues/list-for-repo",
  "issues/create",
  "issues/create-label",
] as const;
export type OperationId = (typeof OPERATION_IDS)[number];

interface SpecParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: unknown;
}

interface SpecOperation {
  operationId: string;
  parameters?: unknown[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
}

export interface Operation {
  id: OperationId;
  method: string;
  pathTemplate: string;
  /** Returns the path parameters when the path matches. */
  match(path: string): Record<string, string> | undefined;
  /** Problems with the request, in words; empty when GitHub would accept it. */
  check(path: Record<string, string>, query: URLSearchParams, body: unknown): string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function resolveRefs(node: Json, spec: Json, depth = 0): Json {
  if (depth > 40 || node === null || typeof node !== "object") return node;
  if (Array.isArray(node)) return node.map((item) => resolveRefs(item, spec, depth + 1));
  const ref = node.$ref;
  if (typeof ref === "string" && ref.startsWith("#/")) {
    const target = ref
      .slice(2)
      .split("/")
      .reduce<Json>(
        (current, key) =>
          current !== null && typeof current === "object" && !Array.isArray(current)
            ? (current[key.replace(/~1/g, "/").replace(/~0/g, "~")] ?? null)
            : null,
        spec,
      );
    return resolveRefs(target, spec, depth + 1);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveRefs(value, spec, depth + 1)]));
}

/** OpenAPI 3.0's `nullable: true` becomes JSON Schema's `null` type, which Ajv understands. */
function toJsonSchema(node: Json): Json {
  if (node === null || typeof node !== "object") return node;
  if (Array.isArray(node)) return node.map(toJsonSchema);
  const { nullable, ...rest } = node;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      key === "example" || key === "examples" ? value : toJsonSchema(value),
    ]),
  );
  if (nullable !== true) return converted;
  if (typeof converted.type === "string") return { ...converted, type: [converted.type, "null"] };
  return { anyOf: [converted, { type: "null" }] };
}

const SPEC_FILE = new URL("../../fake-github/openapi-trimmed.json", import.meta.url);

/** Request bodies are checked strictly at the top level: a misspelt property fails the test instead of being ignored. */
function strictTopLevel(schema: Json): Json {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema) || schema.type !== "object") return schema;
  return { ...schema, additionalProperties: false };
}

function coerce(value: string, schema: Json): unknown {
  const type = schema !== null && typeof schema === "object" && !Array.isArray(schema) ? schema.type : undefined;
  if (type === "integer" || type === "number") return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (type === "boolean") return value === "true" ? true : value === "false" ? false : value;
  return value;
}

let cache: Operation[] | undefined;

/** Loads the trimmed description once per test file and builds the operations. */
export function githubOperations(): Operation[] {
  if (cache) return cache;
  const spec = JSON.parse(readFileSync(SPEC_FILE, "utf8")) as Json & {
    paths: Record<string, Record<string, SpecOperation>>;
  };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const wanted = new Set<string>(OPERATION_IDS);
  const operations: Operation[] = [];
  for (const [pathTemplate, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation !== "object" || !wanted.has(operation.operationId)) continue;
      const parameters = (operation.parameters ?? []).map(
        (parameter) => resolveRefs(parameter as Json, spec) as unknown as SpecParameter,
      );
      const paramValidators = new Map<string, { parameter: SpecParameter; validate: ValidateFunction }>();
      for (const parameter of parameters) {
        if (parameter.in === "path" || parameter.in === "query")
          paramValidators.set(`${parameter.in}:${parameter.name}`, {
            parameter,
            validate: ajv.compile(toJsonSchema((parameter.schema ?? {}) as Json) as object),
          });
      }
      const bodySchema = operation.requestBody?.content?.["application/json"]?.schema;
      const validateBody =
        bodySchema === undefined
          ? undefined
          : ajv.compile(strictTopLevel(toJsonSchema(resolveRefs(bodySchema as Json, spec))) as object);
      const pattern = new RegExp(`^${pathTemplate.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`);
      operations.push({
        id: operation.operationId as OperationId,
        method: method.toUpperCase(),
        pathTemplate,
        match: (path) => {
          const found = pattern.exec(path);
          return found
            ? Object.fromEntries(
                Object.entries(found.groups ?? {}).map(([key, value]) => [key, decodeURIComponent(value)]),
              )
            : undefined;
        },
        check: (pathParams, query, body) => {
          const problems: string[] = [];
          for (const [name, value] of Object.entries(pathParams)) {
            const entry = paramValidators.get(`path:${name}`);
            if (!entry) problems.push(`path parameter ${name} is not in the description`);
            else if (!entry.validate(coerce(value, entry.parameter.schema as Json)))
              problems.push(`path parameter ${name}: ${ajv.errorsText(entry.validate.errors)}`);
          }
          for (const [name, value] of query) {
            const entry = paramValidators.get(`query:${name}`);
            if (!entry) problems.push(`query parameter ${name} is not accepted by ${operation.operationId}`);
            else if (!entry.validate(coerce(value, entry.parameter.schema as Json)))
              problems.push(`query parameter ${name}: ${ajv.errorsText(entry.validate.errors)}`);
          }
          if (validateBody) {
            if (body === undefined) {
              if (operation.requestBody?.required) problems.push("a JSON request body is required");
            } else if (!validateBody(body)) problems.push(`request body: ${ajv.errorsText(validateBody.errors)}`);
          } else if (body !== undefined) problems.push(`${operation.operationId} takes no request body`);
          return problems;
        },
      });
    }
  }
  const missing = OPERATION_IDS.filter((id) => !operations.some((operation) => operation.id === id));
  if (missing.length > 0)
    throw new Error(
      `openapi-trimmed.json lacks ${missing.join(", ")}: add them to scripts/trim-openapi.ts and run npm run openapi:trim`,
    );
  cache = operations;
  return operations;
}
