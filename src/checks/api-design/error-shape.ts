import type { FunctionCheck } from "../../contract/check.js";
import { isApplicationCode } from "../shared/is-application-code.js";
import { knownContents } from "../shared/known-contents.js";
import { describeShape, dominantShape, errorBodies } from "./error-bodies.js";
import { rendersPages } from "./renders-pages.js";

/** Error answers whose body differs in shape from the one the rest of the service uses. */
export const errorShapeCheck: FunctionCheck = {
  kind: "function",
  id: "error-shape",
  criterion: "api-design",
  description: "Error bodies with no consistent shape within the service (`{ error }` here, `{ message }` there).",
  defaultLevel: "actionable",
  languages: ["js"],
  run(context) {
    // A server-rendered app answers some errors with a page's text; only its JSON bodies are compared.
    const pages = rendersPages(context.repoPaths);
    const bodies = [...knownContents(context)]
      .filter(([path]) => isApplicationCode(path))
      .flatMap(([path, content]) => errorBodies(path, content))
      .filter((body) => !pages || body.shape !== "string");
    const dominant = dominantShape(bodies);
    if (!dominant) return [];
    const changed = new Set(context.files.map((file) => file.path));
    const reported = new Set<string>();
    return bodies
      .filter((body) => body.shape !== dominant.shape && changed.has(body.path))
      .filter((body) => !reported.has(body.path) && reported.add(body.path))
      .map((body) => ({
        messageId: "inconsistentShape",
        message:
          `Answer errors in the shape the rest of this service uses, ${describeShape(dominant.shape)} (${dominant.count} answers), ` +
          `instead of ${describeShape(body.shape)} here; a small helper such as \`sendError(res, status, message)\` keeps them alike. ` +
          "Clients read one field to show an error; when the field changes from route to route, some errors show up as blanks. " +
          "See https://www.rfc-editor.org/rfc/rfc9457",
        path: body.path,
        line: body.line,
      }));
  },
};
