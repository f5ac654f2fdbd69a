import { describe } from "vitest";
import { hardcodedSecret } from "../../../../src/checks/security/patterns/hardcoded-secret.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { describeCorpus } from "./fixture-corpus.js";

describe("hardcoded-secret", () => {
  ruleTester.run("hardcoded-secret", hardcodedSecret.rule, {
    valid: [
      // Session signing keys from the environment; a `keys` array that is not a session option.
      { code: "app.use(cookieSession({ name: 'sid', keys: process.env.SESSION_KEYS.split(',') }));" },
      { code: "app.keys = [process.env.COOKIE_KEY];" },
      { code: "const shortcuts = configure({ keys: ['ctrl+k', 'ctrl+p'] });" },
      { code: "const JWT_SECRET = process.env.JWT_SECRET;" },
      { code: "const apiKey = process.env.API_KEY ?? 'changeme';" },
      // A documented development default: the name says default, the value names an environment.
      { code: "export const defaultWebhookSecret = 'development';" },
      { code: "const DEFAULT_SESSION_SECRET = 'local';" },
      // A table of placeholder values the code refuses to start with.
      {
        code: "const PLACEHOLDER_SECRETS = { JWT_SECRET: 'secret', REFRESH_SECRET: 'secret_for_refresh' } as const;\nif (Object.entries(PLACEHOLDER_SECRETS).some(([k, v]) => process.env[k] === v)) throw new Error('set real secrets');",
      },
      { code: "const knownWeakPasswords = { adminPassword: 'admin123', rootPassword: 'toor1' };" },
      { code: "app.use(session({ secret: process.env.SESSION_SECRET }));" },
      { code: "const passwordLabel = 'Password';" },
      // Validation error codes naming the field they are about.
      { code: "throw new UnprocessableError({ errors: { password: 'incorrectPassword' } });" },
      { code: "const errors = { password: 'incorrectEmailOrPassword', email: 'notFound' };" },
      { code: "jwt.sign({ id }, 'test-secret');", filename: "test/auth.test.js" },
      { code: "const sessionSecret = '${SESSION_SECRET}';" },
      { code: "const messages = { password: 'password must be at least 12 characters' };" },
      { code: "const errors = { apiKey: 'the api key is missing' };" },
      // Enum-like constants spell their own name: an event or route key, not a secret.
      { code: "export const EmailTemplate = { RESET_PASSWORD: 'resetPassword', VERIFY_EMAIL: 'verifyEmail' };" },
      { code: "const FORGOT_PASSWORD = 'auth/forgot-password';" },
      { code: "class Events { static readonly REFRESH_TOKEN = 'refresh_token'; }" },
      // Type declarations name fields; they hold no value.
      { code: "interface LoginBody { email: string; password: string }", filename: "src/auth.ts" },
      { code: "type Keys = { apiKey: 'live' | 'test'; clientSecret?: string };", filename: "src/keys.ts" },
      { code: "enum Field { Password = 'password' }", filename: "src/field.ts" },
    ],
    invalid: [
      {
        code: "app.use(cookieSession({ name: 'sid', keys: ['9d1e77c0a4b2f8e3', '04ac5e9b71d2c6f8'] }));",
        errors: [{ messageId: "namedSecret" }],
      },
      {
        code: "app.use(session({ secret: ['kX8#pQ2!vL9zR4tw'], resave: false }));",
        errors: [{ messageId: "namedSecret" }],
      },
      // camelCase that does not start with an error word, or does not end with the field's name, is a value.
      {
        code: "const db = { password: 'hunterPassword' };",
        errors: [
          {
            messageId: "namedSecret",
            suggestions: [{ messageId: "useEnv", output: "const db = { password: process.env.PASSWORD };" }],
          },
        ],
      },
      {
        code: "const db = { password: 'wrongHorseBattery' };",
        errors: [
          {
            messageId: "namedSecret",
            suggestions: [{ messageId: "useEnv", output: "const db = { password: process.env.PASSWORD };" }],
          },
        ],
      },
      // A one-word name given its own name is a weak key, and a value that only contains the name is a password.
      {
        code: "const config = { password: 'password' };",
        errors: [
          {
            messageId: "namedSecret",
            suggestions: [{ messageId: "useEnv", output: "const config = { password: process.env.PASSWORD };" }],
          },
        ],
      },
      {
        code: "const DB_PASSWORD = 'dbpassword2024';",
        errors: [
          {
            messageId: "namedSecret",
            suggestions: [{ messageId: "useEnv", output: "const DB_PASSWORD = process.env.DB_PASSWORD;" }],
          },
        ],
      },
      {
        code: "const JWT_SECRET = 'hunter2hunter2';",
        errors: [
          {
            messageId: "namedSecret",
            suggestions: [{ messageId: "useEnv", output: "const JWT_SECRET = process.env.JWT_SECRET;" }],
          },
        ],
      },
      {
        code: "app.use(session({ secret: 'keyboard cat' }));",
        errors: [
          {
            messageId: "namedSecret",
            suggestions: [{ messageId: "useEnv", output: "app.use(session({ secret: process.env.SECRET }));" }],
          },
        ],
      },
      {
        code: "const token = jwt.sign(payload, 'my-signing-key');",
        errors: [
          {
            messageId: "keyArgument",
            suggestions: [{ messageId: "useEnv", output: "const token = jwt.sign(payload, process.env.JWT_SECRET);" }],
          },
        ],
      },
      { code: "const key = process.env.KEY || 'AKIAZ7XQ4MNPLW2RT5VB';", errors: [{ messageId: "knownFormat" }] },
      {
        code: "const secret = process.env.SESSION_SECRET || 'my-fallback-secret';",
        errors: [{ messageId: "envFallback" }],
      },
      // The same word as the fallback of the variable, or as the secret itself, is what production runs with.
      {
        code: "const defaultSecret = process.env.SESSION_SECRET || 'development';",
        errors: [{ messageId: "envFallback" }],
      },
      {
        code: "const webhookSecret = 'development';",
        errors: [
          {
            messageId: "namedSecret",
            suggestions: [{ messageId: "useEnv", output: "const webhookSecret = process.env.WEBHOOK_SECRET;" }],
          },
        ],
      },
      // A config object whose name says nothing of refusing its values: these are the secrets.
      {
        code: "const AUTH_SECRETS = { JWT_SECRET: 'kitten-42' };",
        errors: [
          {
            messageId: "namedSecret",
            suggestions: [
              { messageId: "useEnv", output: "const AUTH_SECRETS = { JWT_SECRET: process.env.JWT_SECRET };" },
            ],
          },
        ],
      },
      {
        code: "const defaultSecret = 'kitten-42';",
        errors: [
          {
            messageId: "namedSecret",
            suggestions: [{ messageId: "useEnv", output: "const defaultSecret = process.env.DEFAULT_SECRET;" }],
          },
        ],
      },
      {
        code: "app.use(session({ secret: 'keyboard cat is the best cat' }));",
        errors: [
          {
            messageId: "namedSecret",
            suggestions: [{ messageId: "useEnv", output: "app.use(session({ secret: process.env.SECRET }));" }],
          },
        ],
      },
      {
        code: "fetch(url, { headers: { Authorization: 'Bearer 8f14e45fceea167a5a36dedd4bea2543' } });",
        errors: [{ messageId: "knownFormat" }],
      },
      {
        code: "app.use(session({ secret: 'secret' }));",
        errors: [
          {
            messageId: "namedSecret",
            suggestions: [{ messageId: "useEnv", output: "app.use(session({ secret: process.env.SECRET }));" }],
          },
        ],
      },
    ],
  });

  describeCorpus("hardcoded-secret");
});
