import { parseDocument } from "yaml";
import { ValidationError } from "./validation-error.js";

/** Parses YAML text or throws a ValidationError that names the file, line and column of the syntax error. */
export function parseYaml(text: string, file: string): unknown {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const position = error.linePos?.[0];
    const where = position ? `line ${position.line}, column ${position.col}` : "(document)";
    throw new ValidationError(file, [
      {
        path: where,
        expected: `valid YAML: ${(error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}`,
      },
    ]);
  }
  return document.toJS();
}
