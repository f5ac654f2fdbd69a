/**
 * The abstract value of calls and constructor calls: request getters (`req.get("x")`), numeric
 * converters, escaping and sanitising functions, schema validators, `JSON.parse`, string methods on
 * input, string builders (`path.join`, `util.format`), object copies, and local helpers' return values.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { SecurityCategory } from "../../../../contract/security-categories.js";
import {
  ELEMENT_METHODS,
  NUMERIC_CALLS,
  OBJECT_COPIERS,
  PARSER_RECEIVERS,
  SANITIZER_NAME,
  SCHEMA_METHODS,
  STRING_BUILDERS,
  STRING_METHODS,
  URI_COMPONENT_SAFE,
} from "./known-functions.js";
import { calleeName, propertyName, receiverOf } from "../../../shared/ast/names.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import { summaryOf, throughCall } from "./function-summary.js";
import { projectOwnFile } from "./project-own-file.js";
import { REQUEST_BODY_READERS, REQUEST_GETTERS } from "./request-sources.js";
import type { ImportedCall, TaintAnalyzer } from "./taint-analyzer.js";
import {
  cleanedValue,
  concatValues,
  mergeValues,
  NUMERIC_VALUE,
  OPAQUE,
  sanitizedValue,
  sourceValue,
  UNKNOWN,
  withShape,
  withStep,
  type AbstractValue,
  type Taint,
} from "./taint.js";

function argumentValues(
  analyzer: TaintAnalyzer,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
): AbstractValue[] {
  return call.arguments.map((argument) => analyzer.value(argument));
}

/** The value of a call: request getters, converters, sanitizers, validators, string methods, local helpers. */
export function callValue(analyzer: TaintAnalyzer, node: TSESTree.CallExpression): AbstractValue {
  const name = calleeName(node) ?? "";
  const receiver = receiverOf(node);
  const receiverNode = receiver ? unwrap(receiver) : undefined;
  const receiverName =
    receiverNode?.type === "Identifier"
      ? receiverNode.name
      : receiverNode?.type === "MemberExpression"
        ? (propertyName(receiverNode) ?? "")
        : "";
  const [first] = node.arguments;
  const firstValue = first ? analyzer.value(first) : OPAQUE;

  if (receiver && REQUEST_BODY_READERS.has(name) && node.arguments.length === 0) {
    const request = analyzer.value(receiver);
    if (request.taint?.shape === "request") {
      return {
        taint: {
          ...request.taint,
          source: `${request.taint.source}.${name}()`,
          shape: name === "text" ? "string" : "whole",
        },
        text: UNKNOWN,
        prefix: "",
      };
    }
  }
  if (receiver && REQUEST_GETTERS.has(name)) {
    const request = analyzer.value(receiver);
    if (request.taint?.shape === "request") {
      const key = first?.type === "Literal" ? `"${String(first.value)}"` : "";
      return {
        taint: { ...request.taint, source: `${request.taint.source}.${name}(${key})`, shape: "string" },
        text: UNKNOWN,
        prefix: "",
      };
    }
  }
  // `/[?&]ref=([^&]*)/.exec(document.URL)`: the match and its groups are parts of the input.
  if (name === "exec" && receiver && firstValue.taint && isRegexExpression(receiver))
    return { ...firstValue, taint: withShape(firstValue.taint, "value") };
  // React Router / Next.js client hooks: the URL the user opened.
  if (!receiver && /^(useSearchParams|useParams|useLocation)$/.test(name)) {
    const member = analyzer.moduleMember(node.callee);
    if (member && /^(react-router|react-router-dom|next\/navigation|@remix-run\/react)$/.test(member.module))
      return sourceValue(`${name}()`, "dom", "whole");
  }
  if (NUMERIC_CALLS.has(name) || receiverName === "Math" || (receiverName === "Number" && name !== "toString"))
    return NUMERIC_VALUE;
  if (name === "String")
    return firstValue.taint ? { ...firstValue, taint: withShape(firstValue.taint, "string") } : firstValue;
  if (name === "encodeURIComponent") return cleanedValue(firstValue, URI_COMPONENT_SAFE);
  if (name === "encodeURI") return cleanedValue(firstValue, ["xss"]);
  if (name === "basename") return cleanedValue(firstValue, ["path-traversal"]);
  if (name === "pick" || name === "omit" || name === "plainToInstance" || name === "plainToClass") {
    return cleanedValue(name === "pick" || name === "omit" ? firstValue : analyzer.value(node.arguments[1] ?? node), [
      "mass-assignment",
      "prototype-pollution",
    ]);
  }
  if (SANITIZER_NAME.test(name) || (name === "format" && /%[LI]/.test(firstValue.text))) {
    const values = argumentValues(analyzer, node);
    return sanitizedValue(mergeValues(values).text);
  }
  if (SCHEMA_METHODS.has(name) && receiver && !PARSER_RECEIVERS.has(receiverName)) {
    const merged = mergeValues(argumentValues(analyzer, node));
    return sanitizedValue(merged.text);
  }
  if (name === "parse" && receiverName === "JSON")
    return firstValue.taint ? { ...firstValue, taint: withShape(firstValue.taint, "whole") } : firstValue;
  if (name === "readFileSync" || name === "readFile") {
    const member = analyzer.moduleMember(node.callee);
    if (member && /^(fs|fs\/promises|fs-extra)$/.test(member.module))
      return projectOwnFile(analyzer, node.arguments[0])
        ? { text: UNKNOWN }
        : sourceValue(`${analyzer.text(node.callee)}(...)`, "file", "string");
  }
  // methods on a tainted receiver
  if (receiver) {
    const target = analyzer.value(receiver);
    if (target.taint && target.taint.shape !== "request") {
      // `rows.map((row) => `<td>${escapeHtml(row.name)}</td>`)`: the elements are what the callback returns.
      const mapper = name === "map" ? node.arguments[0] : undefined;
      if (
        mapper &&
        (mapper.type === "ArrowFunctionExpression" || mapper.type === "FunctionExpression") &&
        !analyzer.returnValue(mapper).taint
      )
        return { text: UNKNOWN };
      if (STRING_METHODS.has(name)) return stringMethod(analyzer, node, name, target);
      if (ELEMENT_METHODS.has(name)) return { ...target, taint: withShape(target.taint, "value") };
    }
  }
  // marked keeps raw HTML: `marked.parse(x)` and `marked.parseInline(x)` render like `marked(x)`.
  if ((name === "parse" || name === "parseInline") && receiverName === "marked" && firstValue.taint)
    return { ...firstValue, taint: withStep(withShape(firstValue.taint, "string"), `marked.${name}()`) };
  // markdown-it renders input to HTML; with `html: true` the input's own tags pass through unescaped
  if (
    (name === "render" || name === "renderInline") &&
    receiverNode &&
    first &&
    markdownItWithHtml(analyzer, receiverNode)
  ) {
    return firstValue.taint
      ? { ...firstValue, taint: withStep(withShape(firstValue.taint, "string"), `${name}()`) }
      : OPAQUE;
  }
  // local helpers: what they return
  const functions = analyzer.functionsCalledBy(node);
  if (functions.length) {
    const merged = mergeValues(functions.map((fn) => analyzer.returnValue(fn)));
    return merged.taint ? { ...merged, taint: withStep(merged.taint, `${name}()`) } : merged;
  }
  // a function of another file of the review: what it returns of the input passed to it
  const imported = analyzer.importedCall(node);
  const returned = imported && importedReturn(imported);
  if (returned) return returned;
  if (STRING_BUILDERS.has(name)) {
    const joined = concatValues(argumentValues(analyzer, node));
    return joined.taint ? { ...joined, taint: withStep(joined.taint, `${name}()`) } : joined;
  }
  if (OBJECT_COPIERS.has(name) || name === "parse" || name === "then" || name === "catch") {
    const values = name === "then" || name === "catch" ? [] : argumentValues(analyzer, node);
    if (name === "parse" && receiverName !== "url" && receiverName !== "qs" && receiverName !== "querystring")
      return OPAQUE;
    if (name === "parse" && values[0]?.taint)
      return { ...values[0], taint: withShape(values[0].taint, receiverName === "url" ? "value" : "whole") };
    const whole = values.find((value) => value.taint?.shape === "whole");
    return whole ?? mergeValues(values);
  }
  return OPAQUE;
}

/**
 * The return value of a call into another file: the input it passes back un-cleaned, else nothing (`hash(x)`
 * is not input). Undefined when a summary is out of budget: the call is then read as in a single file.
 */
function importedReturn({ callee, crossFile, values }: ImportedCall): AbstractValue | undefined {
  const returned: AbstractValue[] = [];
  for (const [index, value] of values.entries()) {
    if (!value?.taint) continue;
    const summary = summaryOf(callee, index, value, crossFile);
    if (!summary) return undefined;
    const inner = summary.returns;
    if (inner?.taint) returned.push({ ...inner, taint: throughCall(value.taint, inner.taint, callee.label) });
  }
  return returned.length ? mergeValues(returned) : OPAQUE;
}

/** A regular expression written in place: `/x/.exec(...)`, `new RegExp(p).exec(...)`. */
function isRegexExpression(node: TSESTree.Node): boolean {
  const inner = unwrap(node);
  if (inner.type === "Literal") return "regex" in inner && inner.regex !== undefined;
  return inner.type === "NewExpression" && inner.callee.type === "Identifier" && inner.callee.name === "RegExp";
}

function stringMethod(
  analyzer: TaintAnalyzer,
  node: TSESTree.CallExpression,
  name: string,
  target: AbstractValue,
): AbstractValue {
  const taint = target.taint as Taint;
  const shape =
    name === "split" || name === "filter" || name === "map" || name === "sort" || name === "reverse"
      ? "value"
      : "string";
  let result: AbstractValue = {
    ...target,
    taint: withShape(taint, taint.shape === "whole" && shape === "value" ? "whole" : shape),
  };
  if (name === "replace" || name === "replaceAll") {
    const [pattern, replacement] = node.arguments;
    const regex =
      pattern && pattern.type === "Literal" && "regex" in pattern && pattern.regex ? pattern.regex.pattern : undefined;
    const replacementText = replacement ? analyzer.value(replacement).text : "";
    if (regex?.startsWith("[^") && replacementText === "") return sanitizedValue(target.text);
    const categories: SecurityCategory[] = [];
    if (regex?.includes("\\.\\.") || regex?.includes("\\.{2}")) categories.push("path-traversal");
    if (regex && /[<>&]/.test(regex) && replacementText.includes("&")) categories.push("xss");
    if (replacementText.includes("\\$&")) categories.push("regex-dos");
    if (regex && /[;&|`$]/.test(regex) && replacementText === "") categories.push("command-injection");
    if (categories.length) result = cleanedValue(result, categories);
  }
  return result;
}

/** A markdown-it instance made with `{ html: true }`: `markdownit({ html: true })`, `new MarkdownIt({ html: true })`, directly or through a const. */
function markdownItWithHtml(analyzer: TaintAnalyzer, receiver: TSESTree.Node): boolean {
  const made = receiver.type === "Identifier" ? analyzer.initOf(receiver) : receiver;
  const call = made && unwrap(made);
  if (call?.type !== "CallExpression" && call?.type !== "NewExpression") return false;
  const member = analyzer.moduleMember(call.callee);
  if (member?.module !== "markdown-it") return false;
  const options = call.arguments.find((argument) => argument.type === "ObjectExpression");
  return (
    options?.type === "ObjectExpression" &&
    options.properties.some(
      (property) =>
        property.type === "Property" &&
        property.key.type === "Identifier" &&
        property.key.name === "html" &&
        property.value.type === "Literal" &&
        property.value.value === true,
    )
  );
}

/** The value of `new URL(x)`, `new URLSearchParams(x)`, `new String(x)`; other constructors give fresh objects. */
export function constructValue(analyzer: TaintAnalyzer, node: TSESTree.NewExpression): AbstractValue {
  const name = calleeName(node) ?? "";
  if (name === "URL" || name === "URLSearchParams" || name === "String" || name === "Buffer") {
    const [first] = node.arguments;
    const value = first ? analyzer.value(first) : OPAQUE;
    return value.taint ? { ...value, taint: withShape(value.taint, name === "String" ? "string" : "value") } : value;
  }
  if (name === "Number" || name === "Date" || name === "ObjectId") return NUMERIC_VALUE;
  return OPAQUE;
}
