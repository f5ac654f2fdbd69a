/**
 * hardcoded-secret for everything that is not JS/TS: `.env` files committed to the repository, known
 * token formats in any text file, and secret-named keys given real values in config files
 * (`POSTGRES_PASSWORD: hunter2` in docker-compose, `"apiKey": "..."` in JSON, `ENV JWT_SECRET=...`).
 */
import { posix } from "node:path";
import type { FunctionCheck, SourceFile } from "../../../contract/check.js";
import type { RawFinding } from "../../../contract/types.js";
import { isTestSupport } from "../../shared/is-test-file.js";
import { scanLines } from "../../shared/scan-lines.js";
import { ciServices } from "./ci-service-values.js";
import { findSecretFormats, isPasswordHash, isPlaceholder, isSecretName, redact } from "./secret-patterns.js";

/** `.env.example` and friends document the variables; they are meant to be committed. */
const TEMPLATE_ENV = /\.(example|sample|template|dist|defaults?|schema)$|^\.env\.(test|ci)$/i;
/** `env-example-relational`, `config.sample.json`, `settings-template.yml`: examples to copy, committed on purpose. */
const EXAMPLE_FILE = /(^|[._-])(example|sample|template)s?([._-]|$)/i;
/** Translations (`i18n/zh/common.json`): `"resetPassword": "Reset password"` is a label, not a value. */
const TRANSLATIONS = /(^|\/)(i18n|l10n|locales?|translations?|lang)\//i;
/** Generated files full of hashes that are not secrets. */
const SKIPPED = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?)$/;
/** Documentation describes keys; it does not configure them. */
const DOCUMENTATION = /\.(md|markdown|mdx|rst|txt|adoc)$/i;
/**
 * Schema files declare columns and fields (`"password" TEXT NOT NULL`, `password String`, `password: String!`):
 * a name there is a column, not a value. Known token formats are still reported in them.
 */
const SCHEMA = /\.(sql|prisma|graphql|gql|proto|avsc)$/i;
/** A type where a value would be: `password: string` in an OpenAPI-like YAML, `password TEXT` in SQL. */
const TYPE_WORD =
  /^(?:string|text|varchar|char|character varying|citext|int|integer|bigint|boolean|bool|bytes|blob|json|jsonb|uuid|number)\b(?:\s*\(\d+\))?(?:[\s?!@[].*)?$/i;
/** `KEY=value`, `KEY: value`, `"key": "value"`, `export KEY=value`, `ENV KEY=value` / `ENV KEY value`. */
const KEY_VALUE =
  /^\s*(?:export\s+|ENV\s+|ARG\s+|-\s+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*(?:[:=]|\s(?=\S))\s*(.*)$/;

/** The value of a config line without quotes, trailing commas or an inline comment. */
function cleanValue(raw: string): string {
  let value = raw.trim().replace(/,$/, "").trim();
  const quoted = /^(["'`])(.*)\1$/.exec(value);
  if (quoted) return quoted[2] ?? "";
  value = value.replace(/\s+#.*$/, "").trim();
  return value;
}

function isCommittedEnv(path: string): boolean {
  const base = posix.basename(path);
  return (base === ".env" || base.startsWith(".env.")) && !TEMPLATE_ENV.test(base);
}

type LineFinding = Omit<RawFinding, "path" | "line">;

/** A token in a known format (AWS key, GitHub token, private key block) anywhere on the line. */
function knownFormatIn(text: string): LineFinding | undefined {
  const [match] = findSecretFormats(text);
  if (!match) return undefined;
  return {
    messageId: "knownFormat",
    category: "hardcoded-secret",
    message: `Remove ${match.kind} ("${redact(match.value)}") from this file, revoke it, and pass a new one in through an environment variable or a secret store. Anyone who can read the repository can use it.`,
  };
}

/** `POSTGRES_PASSWORD: hunter2`, `"apiKey": "..."`: a secret-named key given a real value. */
function namedSecretIn(text: string): LineFinding | undefined {
  const pair = KEY_VALUE.exec(text);
  if (!pair) return undefined;
  const key = pair[1] ?? "";
  const value = cleanValue(pair[2] ?? "");
  if (!isSecretName(key.split(".").pop() ?? key) || value.length < 4 || isPlaceholder(value) || isPasswordHash(value))
    return undefined;
  if (TYPE_WORD.test(value)) return undefined;
  if (/^[[{]/.test(value) || /^(true|false|null|\d+)$/i.test(value) || /\$\{?[A-Za-z_]/.test(value)) return undefined;
  // Filled in when the file is used, not stored: `$(openssl rand -hex 32)` in a shell step, `#{apikey}` in a Pug template.
  if (/^\$\(|^[#!]\{/.test(value)) return undefined;
  // A package version (`"pbkdf2-password": "1.2.1"` in package.json) names a dependency, not a secret.
  if (/^[~^<>=]*\d+\.\d+(\.\d+)?([-+.][\w.]+)?$/.test(value)) return undefined;
  return {
    messageId: "namedSecret",
    category: "hardcoded-secret",
    message: `Replace the value of \`${key}\` ("${redact(value)}") with a reference to an environment variable or secret (for example \`\${${key.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}}\`). A password in a committed file is shared with everyone who can read the repository.`,
  };
}

function scanFile(file: SourceFile): RawFinding[] {
  if (SKIPPED.test(file.path)) return [];
  const findings: RawFinding[] = [];
  const namesMatter =
    !DOCUMENTATION.test(file.path) &&
    !SCHEMA.test(file.path) &&
    !isTestSupport(file.path) &&
    !EXAMPLE_FILE.test(posix.basename(file.path)) &&
    !TRANSLATIONS.test(file.path);
  const lines = file.content.split(/\r?\n/);
  const committedEnv = file.language === "env" && isCommittedEnv(file.path);
  if (committedEnv && lines.some((line) => /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=/.test(line))) {
    findings.push({
      messageId: "committedEnv",
      category: "hardcoded-secret",
      path: file.path,
      line: 1,
      scope: "file",
      message: `Remove \`${posix.basename(file.path)}\` from the repository, add it to \`.gitignore\`, and commit a \`.env.example\` with placeholder values instead. A committed .env file publishes every value in it; change any real secret it held.`,
    });
  }
  const keysMatter =
    namesMatter && !committedEnv && !(file.language === "env" && TEMPLATE_ENV.test(posix.basename(file.path)));
  // A CI job's service containers (and the steps that reach them) use throwaway passwords: see ci-service-values.ts.
  const services = ciServices(file.path, lines);
  const throwaway = (text: string, line: number): boolean => {
    if (services.lines.has(line)) return true;
    const pair = KEY_VALUE.exec(text);
    return pair !== null && services.values.has(cleanValue(pair[2] ?? ""));
  };
  findings.push(
    ...scanLines(
      file,
      (text, line) => knownFormatIn(text) ?? (keysMatter && !throwaway(text, line) ? namedSecretIn(text) : undefined),
    ),
  );
  return findings;
}

export const secretInTextFile: FunctionCheck = {
  kind: "function",
  id: "secret-in-text-file",
  criterion: "security",
  description: "Committed .env files, and secrets in config, template and other text files.",
  defaultLevel: "essential",
  category: "hardcoded-secret",
  languages: ["env", "text", "template", "html"],
  run(context) {
    return context.files.flatMap(scanFile);
  },
};
