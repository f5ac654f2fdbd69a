/** The taint-tracking security checks: one ESLint rule per category sharing one analysis, plus template XSS. */
import type { Check } from "../../../contract/check.js";
import { createTaintCheck } from "./create-taint-check.js";
import { xssTemplateCheck } from "./templates/xss-template-check.js";

export const taintChecks: readonly Check[] = [
  createTaintCheck({ category: "sql-injection", defaultLevel: "essential", description: "Finds request input written into SQL text (pg, mysql2, sqlite, knex, Sequelize, TypeORM, Prisma raw)." }),
  createTaintCheck({ category: "nosql-injection", defaultLevel: "essential", description: "Finds request values that may be objects used as MongoDB/mongoose filters, and input in $where or $regex." }),
  createTaintCheck({ category: "command-injection", defaultLevel: "essential", description: "Finds input reaching a shell command (child_process exec, spawn with shell, execa, shelljs)." }),
  createTaintCheck({ category: "code-injection", defaultLevel: "essential", description: "Finds input run as code by eval, new Function, string timers or the vm module." }),
  createTaintCheck({ category: "xss", defaultLevel: "essential", description: "Finds input written into HTML responses or DOM sinks without escaping." }),
  createTaintCheck({ category: "path-traversal", defaultLevel: "essential", description: "Finds input used as a file path by fs or res.sendFile without a basename or root check." }),
  createTaintCheck({ category: "open-redirect", defaultLevel: "actionable", description: "Finds redirects whose destination comes from the request." }),
  createTaintCheck({ category: "ssrf", defaultLevel: "essential", description: "Finds outgoing HTTP requests whose host or URL comes from the request." }),
  createTaintCheck({ category: "prototype-pollution", defaultLevel: "actionable", description: "Finds input keys written into objects, and deep merges or path setters fed with request input." }),
  createTaintCheck({ category: "regex-dos", defaultLevel: "actionable", description: "Finds regular expressions built from input, and catastrophic patterns run on input." }),
  createTaintCheck({ category: "mass-assignment", defaultLevel: "actionable", description: "Finds the whole request body passed to an ORM create or update." }),
  xssTemplateCheck,
];
