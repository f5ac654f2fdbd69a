/**
 * Checks a request against GitHub's published OpenAPI description (the trimmed copy written by
 * scripts/trim-openapi.ts): the method and path must match an operation, path and query parameters
 * must be declared and well typed, and the JSON body must match the operation's schema. The fake is
 * stricter than GitHub on one point: a body property the description does not declare is an error,
 * so a typo in a field name fails the test instead of being silently ignored. The trimmed copy also
 * holds the scaffolder's operations; by default only the App's are accepted, so the App calling
 * anything else is still "no GitHub REST operation matches".
 */
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { APP_OPERATIONS, type OperationKey } from "../../scripts/trim-openapi.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required?: boolean;
  schema: JsonObject;
  "x-multi-segment"?: boolean;
}

export interface MatchedOperation {
  /** "POST /repos/{owner}/{repo}/check-runs" */
  route: string;
  operationId: string;
  pathParams: Record<string, string>;
}

interface CompiledOperation {
  method: string;
  template: string;
  operationId: string;
  pattern: RegExp;
  pathNames: string[];
  parameters: Parameter[];
  body?: ValidateFunction;
  bodyRequired: boolean;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Closes object schemas (no undeclared properties) where that is unambiguous (no allOf/anyOf/oneOf). */
function closeObjects(node: Json): Json {
  if (Array.isArray(node)) return node.map(closeObjects);
  if (node === null || typeof node !== "object") return node;
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(node))
    copy[key] =
      key === "properties"
        ? Object.fromEntries(Object.entries(value as JsonObject).map(([name, schema]) => [name, closeObjects(schema)]))
        : closeObjects(value);
  if (
    copy.type === "object" &&
    copy.properties &&
    copy.additionalProperties === undefined &&
    !copy.allOf &&
    !copy.anyOf &&
    !copy.oneOf
  )
    copy.additionalProperties = false;
  return copy;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export class OpenApiValidator {
  readonly #operations: CompiledOperation[] = [];
  readonly #ajv: Ajv;
  readonly #doc: JsonObject;

  constructor(
    file: URL | string = new URL("./openapi-trimmed.json", import.meta.url),
    operations: readonly OperationKey[] = APP_OPERATIONS,
  ) {
    this.#doc = closeObjects(JSON.parse(readFileSync(file, "utf8")) as Json) as JsonObject;
    this.#ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
    this.#ajv.addSchema(this.#doc, "github");
    const wanted = new Set(operations.map(([method, path]) => `${method} ${path}`));
    for (const [template, methods] of Object.entries(this.#doc.paths as JsonObject)) {
      for (const [method, raw] of Object.entries(methods as JsonObject)) {
        if (!wanted.has(`${method} ${template}`)) continue;
        const operation = raw as JsonObject;
        const parameters = ((operation.parameters ?? []) as JsonObject[]).map(
          (parameter) => this.#resolve(parameter) as unknown as Parameter,
        );
        const pathNames: string[] = [];
        const pattern = new RegExp(
          `^${template.replace(/\{(\w+)\}/g, (_match, name: string) => {
            pathNames.push(name);
            return parameters.find((parameter) => parameter.name === name)?.["x-multi-segment"] ? "(.+)" : "([^/]+)";
          })}$`,
        );
        const requestBody = operation.requestBody as JsonObject | undefined;
        const hasJson =
          requestBody !== undefined && (requestBody.content as JsonObject)["application/json"] !== undefined;
        const pointer = `github#/paths/${escapePointer(template)}/${method}/requestBody/content/application~1json/schema`;
        this.#operations.push({
          method: method.toUpperCase(),
          template,
          operationId: String(operation.operationId),
          pattern,
          pathNames,
          parameters,
          ...(hasJson ? { body: this.#ajv.compile({ $ref: pointer }) } : {}),
          bodyRequired: requestBody?.required === true,
        });
      }
    }
  }

  #resolve(node: JsonObject): JsonObject {
    const ref = node.$ref;
    if (typeof ref !== "string") return node;
    let current: Json = this.#doc;
    for (const segment of ref.replace(/^#\//, "").split("/"))
      current = (current as JsonObject)[segment.replace(/~1/g, "/").replace(/~0/g, "~")] as Json;
    return current as JsonObject;
  }

  /** The operation a request calls, or an error message saying why GitHub would not accept it. */
  match(method: string, pathname: string): MatchedOperation | string {
    for (const operation of this.#operations) {
      if (operation.method !== method) continue;
      const found = operation.pattern.exec(pathname);
      if (!found) continue;
      const pathParams: Record<string, string> = {};
      operation.pathNames.forEach((name, index) => {
        pathParams[name] = decodeURIComponent(found[index + 1] ?? "");
      });
      for (const [name, value] of Object.entries(pathParams)) {
        const parameter = operation.parameters.find((candidate) => candidate.in === "path" && candidate.name === name);
        const problem = parameter ? this.#checkValue(parameter, value) : undefined;
        if (problem) return `${method} ${operation.template}: path parameter ${name}: ${problem}`;
      }
      return { route: `${method} ${operation.template}`, operationId: operation.operationId, pathParams };
    }
    return `no GitHub REST operation matches ${method} ${pathname}`;
  }

  #checkValue(parameter: Parameter, raw: string): string | undefined {
    const type = parameter.schema.type;
    let value: unknown = raw;
    if (type === "integer" || type === "number") {
      value = Number(raw);
      if (raw.trim() === "" || Number.isNaN(value) || (type === "integer" && !Number.isInteger(value)))
        return `expected ${type}, got ${JSON.stringify(raw)}`;
    } else if (type === "boolean") {
      if (raw !== "true" && raw !== "false") return `expected boolean, got ${JSON.stringify(raw)}`;
      value = raw === "true";
    }
    const validate = this.#ajv.compile(parameter.schema);
    return validate(value) ? undefined : this.#ajv.errorsText(validate.errors);
  }

  /** Problems with the query string and body of a matched request; empty when GitHub would accept it. */
  check(route: MatchedOperation, query: URLSearchParams, body: unknown): string[] {
    const operation = this.#operations.find((candidate) => `${candidate.method} ${candidate.template}` === route.route);
    if (!operation) return [`unknown route ${route.route}`];
    const problems: string[] = [];
    for (const [name, value] of query) {
      const parameter = operation.parameters.find((candidate) => candidate.in === "query" && candidate.name === name);
      if (!parameter) problems.push(`${route.route}: query parameter "${name}" is not in GitHub's description`);
      else {
        const problem = this.#checkValue(parameter, value);
        if (problem) problems.push(`${route.route}: query parameter ${name}: ${problem}`);
      }
    }
    for (const parameter of operation.parameters) {
      if (parameter.in === "query" && parameter.required && !query.has(parameter.name))
        problems.push(`${route.route}: missing required query parameter ${parameter.name}`);
    }
    if (operation.body) {
      if (body === undefined) {
        if (operation.bodyRequired) problems.push(`${route.route}: a JSON body is required`);
      } else if (!operation.body(body)) {
        problems.push(`${route.route}: body ${this.#ajv.errorsText(operation.body.errors, { dataVar: "body" })}`);
      }
    } else if (body !== undefined && method(route) !== "GET") {
      problems.push(`${route.route}: this operation takes no body`);
    }
    return problems;
  }
}

function method(route: MatchedOperation): string {
  return route.route.split(" ")[0] ?? "";
}
