/**
 * Known secret formats, secret-like names and placeholder values, shared by the JS/TS rule and the
 * text-file scanner so both agree on what a secret is.
 */
import { words } from "../../shared/ast/words.js";

export interface SecretFormat {
  kind: string;
  pattern: RegExp;
}

/** Token formats published by their vendors; each is specific enough to flag wherever it appears. */
/** The kind of a password inside a database or broker URL. */
const CONNECTION_STRING = "a connection string with a password";

export const SECRET_FORMATS: readonly SecretFormat[] = [
  { kind: "an AWS access key", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: "a GitHub token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g },
  { kind: "a Slack token", pattern: /\bxox[bpoars]-[0-9A-Za-z-]{10,}\b/g },
  { kind: "a Stripe secret key", pattern: /\b(?:sk|rk)_live_[0-9A-Za-z]{16,}\b/g },
  { kind: "a Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  {
    kind: "a private key",
    pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/g,
  },
  { kind: "a SendGrid API key", pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g },
  {
    kind: CONNECTION_STRING,
    pattern:
      /\b(?:postgres(?:ql)?|mysql2?|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql):\/\/[^\s:@/'"`]+:([^\s@/'"`]+)@[^\s'"`]+/g,
  },
];

/** A JSON Web Token: three base64url parts, the first two JSON objects. */
export const JWT_PATTERN = /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/;

/**
 * Stand-ins nobody deploys. Weak real values (`"secret"`, `"password"`, `"123456"`) are NOT placeholders:
 * `jwt.sign(payload, "secret")` is exactly the bug. Test files are skipped separately.
 */
const PLACEHOLDER_EXACT =
  /^(?:|changeme|change[-_ ]?me|changeit|example|placeholder|secret_here|todo|tbd|none|null|nil|undefined|redacted|hidden|\*+|x+|\.+|-+|dummy|fake|mock|sample|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%[^%]*%|\$[A-Z_][A-Z0-9_]*)$/i;
const PLACEHOLDER_PART =
  /example|placeholder|your[-_ ]?|changeme|change[-_ ]?me|replace[-_ ]?(?:me|with|this)|insert[-_ ]|xxxx|\*\*\*|<[a-z_ -]+>|\$\{|\{\{|dummy|fake|not[-_ ]?a[-_ ]?real|redacted|sample/i;

/** True for values nobody would deploy: empty, `changeme`, `your-secret-here`, `xxx`, `<token>`, `${VAR}`. */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (PLACEHOLDER_EXACT.test(trimmed) || PLACEHOLDER_PART.test(trimmed)) return true;
  // One character repeated (aaaaaaaa, 00000000) is a stand-in, not a secret.
  return trimmed.length >= 4 && new Set(trimmed).size <= 2;
}

/** True for a value that looks like the output of a password hash (bcrypt, argon2, scrypt): storing one is fine. */
export function isPasswordHash(value: string): boolean {
  return /^\$(?:2[abxy]?|argon2(?:id|i|d)|scrypt|pbkdf2[-\w]*)\$/.test(value);
}

const SECRET_SUFFIXES = [
  ["secret"],
  ["secrets"],
  ["password"],
  ["passwd"],
  ["pwd"],
  ["passphrase"],
  ["pass"],
  ["api", "key"],
  ["apikey"],
  ["access", "key"],
  ["private", "key"],
  ["secret", "key"],
  ["signing", "key"],
  ["encryption", "key"],
  ["jwt", "key"],
  ["session", "key"],
  ["or", "key"],
  ["or", "private", "key"],
  ["auth", "token"],
  ["access", "token"],
  ["api", "token"],
  ["bot", "token"],
  ["bearer", "token"],
  ["refresh", "token"],
  ["github", "token"],
  ["slack", "token"],
  ["client", "secret"],
  ["app", "secret"],
] as const;

/**
 * True for a name that holds a secret: `JWT_SECRET`, `sessionSecret`, `dbPassword`, `apiKey`,
 * `secretOrKey`, `GITHUB_TOKEN`. False for names about secrets (`passwordField`, `secretName`): the
 * secret word must come last.
 */
export function isSecretName(name: string): boolean {
  const parts = words(name);
  if (parts.length === 0) return false;
  for (const suffix of SECRET_SUFFIXES) {
    if (suffix.length > parts.length) continue;
    if (suffix.every((word, index) => parts[parts.length - suffix.length + index] === word)) {
      return !parts
        .slice(0, parts.length - suffix.length)
        .some(
          (word) => word === "hash" || word === "hashed" || word === "encrypted" || word === "min" || word === "max",
        );
    }
  }
  return false;
}

/** Shows only the first 4 characters of a secret: `sk_l…`. */
export function redact(value: string): string {
  return `${value.slice(0, 4)}…`;
}

export interface SecretMatch {
  kind: string;
  value: string;
  index: number;
}

/** A connection string to the developer's own machine holds a local default, not a deployed secret. */
const LOCAL_HOST = /@(?:localhost|127\.0\.0\.1|0\.0\.0\.0)(?::\d+)?(?:\/|$)/;

/** Every known-format secret in `text` that is not a placeholder. */
export function findSecretFormats(text: string): SecretMatch[] {
  const matches: SecretMatch[] = [];
  for (const { kind, pattern } of SECRET_FORMATS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const secretPart = match[1] ?? match[0];
      if (isPlaceholder(secretPart) || /EXAMPLE/i.test(secretPart) || LOCAL_HOST.test(match[0])) continue;
      // `mysql://USER:PASSWORD@HOST:PORT/DATABASE` in documentation: upper-case words stand for the parts.
      if (kind === CONNECTION_STRING && /^[A-Z][A-Z_]*$/.test(secretPart)) continue;
      matches.push({ kind, value: match[0], index: match.index });
    }
  }
  return matches;
}
