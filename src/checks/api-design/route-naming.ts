import type { FunctionCheck } from "../../contract/check.js";
import { isApplicationCode } from "../shared/is-application-code.js";
import { routeDefinitions } from "../shared/route-definitions.js";
import { rendersPages } from "./renders-pages.js";

/** CRUD verbs, alone (`/user/delete/:id`) or leading a name (`/getUsers`, `/create-task`, `/update_user`). */
const VERB_SEGMENT = /^(get|fetch|list|create|add|insert|update|edit|modify|delete|remove|destroy)([A-Z_-][\w-]*)?$/;
const METHOD_OF_VERB: Record<string, string> = {
  get: "GET",
  fetch: "GET",
  list: "GET",
  create: "POST",
  add: "POST",
  insert: "POST",
  update: "PATCH",
  edit: "PATCH",
  modify: "PATCH",
  delete: "DELETE",
  remove: "DELETE",
  destroy: "DELETE",
};

/** The path without its verb segment: `/user/delete/:id` -> `/user/:id`, `/getUsers` -> `/users`. */
function nounPath(segments: readonly string[], index: number, rest: string): string {
  const noun = rest.replace(/^[-_]/, "");
  const replaced = noun ? [noun.charAt(0).toLowerCase() + noun.slice(1)] : [];
  return `/${[...segments.slice(0, index), ...replaced, ...segments.slice(index + 1)].filter(Boolean).join("/")}`;
}

/** Routes whose path names the action (`/getUsers`, `/user/delete/:id`) that the HTTP method already says. */
export const routeNamingCheck: FunctionCheck = {
  kind: "function",
  id: "route-naming",
  criterion: "api-design",
  description: "A route path named like a verb or a function (`/getUsers`, `/user/delete/:id`).",
  defaultLevel: "actionable",
  languages: ["js"],
  run(context) {
    // HTML forms send only GET and POST: a server-rendered app's `POST /account/delete` is the form's way to say DELETE.
    const forms = rendersPages(context.repoPaths);
    return context.files
      .filter(
        (file) =>
          file.status !== "removed" &&
          isApplicationCode(file.path) &&
          /\.(get|post|put|patch|delete|del|all|route)\(|@(Get|Post|Put|Patch|Delete)\(/.test(file.content),
      )
      .flatMap((file) =>
        routeDefinitions(file.content, file.path).flatMap((route) => {
          const segments = route.path.split("/").filter(Boolean);
          const index = segments.findIndex((segment) => VERB_SEGMENT.test(segment));
          const segment = segments[index];
          const match = segment ? VERB_SEGMENT.exec(segment) : null;
          if (!match?.[1] || (forms && route.method === "POST")) return [];
          // `GET /users/:id/edit` (and Laravel's `GET /users/create`) is the page with the form, named after what
          // it is for: the conventional name for it in a server-rendered app. The form itself posts elsewhere.
          if (route.method === "GET" && index === segments.length - 1 && (segment === "edit" || segment === "create"))
            return [];
          const method = METHOD_OF_VERB[match[1]] ?? route.method;
          const better = nounPath(segments, index, match[2] ?? "");
          return [
            {
              messageId: "verbInPath",
              message:
                `Name the resource in the path and let the method say the action: \`${method} ${better}\` instead of \`${route.method} ${route.path}\`. ` +
                "Clients, caches and API tools read the method to know whether a request is safe to repeat; a verb in the path says it " +
                "a second time, and the two can disagree. See https://restfulapi.net/resource-naming/",
              path: file.path,
              line: route.line,
            },
          ];
        }),
      );
  },
};
