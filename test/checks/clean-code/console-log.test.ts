import { describe, expect, it } from "vitest";
import { consoleLogCheck } from "../../../src/checks/clean-code/console-log.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const options = consoleLogCheck.ruleOptions?.({}) ?? [];

ruleTester.run("console-log", consoleLogCheck.rule, {
  valid: [
    { code: "console.error('could not connect', error);", options },
    { code: "console.warn('deprecated');", options },
    { code: "logger.info({ id }, 'task created');", options },
    // The line a server prints once it listens, or in the block that runs when the file is started directly.
    { code: "app.listen(port, () => {\n  console.log(`listening on ${port}`);\n});", options },
    { code: "server.listen(3000, function () { console.info('ready'); });", options },
    { code: "if (!module.parent) {\n  app.listen(3000);\n  console.log('started on port 3000');\n}", options },
    { code: "if (require.main === module) console.log('started');", options },
    // Lines printed right after the server starts listening (with more of them in a row), or once it has.
    { code: "app.listen(3000);\nconsole.log('listening on port 3000');\nconsole.log('try: GET /hello.txt');", options },
    {
      code: "async function start() {\n  await app.listen({ port });\n  console.info(`ready on ${port}`);\n}",
      options,
    },
    { code: "const server = app.listen(3000);\nconsole.log('up');", options },
    { code: "server.listen().then(() => {\n  console.log('Server is running');\n});", options },
    // Shutdown messages in a signal handler, and the last word before the process exits.
    {
      code: "process.on('SIGINT', async () => {\n  console.info('Stopping server...');\n  await server.stop();\n  console.info('Server stopped');\n  process.exit(0);\n});",
      options,
    },
    {
      code: "db.on('error', (err) => {\n  console.log('Database connection failed');\n  process.exit(1);\n});",
      options,
    },
    // Output switched on by a verbose or debug flag.
    { code: "function boot(options) {\n  options.verbose && console.log('loading %s', name);\n}", options },
    { code: "function map(route) {\n  if (verbose) console.log('%s', route);\n}", options },
    { code: "function trace(step) {\n  if (process.env.DEBUG && step) {\n    console.log(step);\n  }\n}", options },
    // Output the author scheduled for some environments only.
    {
      code: "async function logger(ctx, next) {\n  await next();\n  if ('test' != process.env.NODE_ENV) {\n    console.log('%s %s', ctx.method, ctx.url);\n  }\n}",
      options,
    },
    { code: "function f(plan) {\n  if (process.env.NODE_ENV === 'development') console.log(plan);\n}", options },
    // Module scope of the file that starts the server runs once, at startup.
    { code: "console.log('Run this app with npm start');\nconst app = express();\napp.listen(3000);", options },
  ],
  invalid: [
    {
      code: "function create(task) {\n  console.log(task);\n  return save(task);\n}",
      options,
      errors: [
        {
          messageId: "limited",
          suggestions: [{ messageId: "removeConsole", output: "function create(task) {\n  \n  return save(task);\n}" }],
        },
      ],
    },
    {
      code: "app.get('/', (req, res) => {\n  console.log(req.body);\n  res.send('ok');\n});\napp.listen(3000);",
      options,
      errors: [
        {
          messageId: "limited",
          line: 2,
          suggestions: [
            {
              messageId: "removeConsole",
              output: "app.get('/', (req, res) => {\n  \n  res.send('ok');\n});\napp.listen(3000);",
            },
          ],
        },
      ],
    },
    { code: "if (module.parent) console.log('imported');", options, errors: [{ messageId: "limited" }] },
    // In a request handler of the file that starts the server, it is still debugging output.
    {
      code: "app.listen(3000);\napp.post('/tasks', (req, res) => {\n  console.log(req.body);\n  res.end();\n});",
      options,
      errors: [
        {
          messageId: "limited",
          line: 3,
          suggestions: [
            {
              messageId: "removeConsole",
              output: "app.listen(3000);\napp.post('/tasks', (req, res) => {\n  \n  res.end();\n});",
            },
          ],
        },
      ],
    },
    // Not right after listen, not before exit, not behind a flag that is on.
    {
      code: "function f() {\n  console.log(user);\n  save(user);\n}",
      options,
      errors: [
        {
          messageId: "limited",
          suggestions: [{ messageId: "removeConsole", output: "function f() {\n  \n  save(user);\n}" }],
        },
      ],
    },
    {
      code: "function f() {\n  if (!verbose) console.log('quiet?');\n  if (verbose) save(); else console.log('x');\n}",
      options,
      errors: [
        { messageId: "limited", line: 2 },
        { messageId: "limited", line: 3 },
      ],
    },
    {
      code: "process.on('message', (m) => { console.log(m); });",
      options,
      errors: [
        {
          messageId: "limited",
          suggestions: [{ messageId: "removeConsole", output: "process.on('message', (m) => {  });" }],
        },
      ],
    },
    {
      code: "console.log(config);\nexport const app = express();",
      options,
      errors: [
        {
          messageId: "limited",
          suggestions: [{ messageId: "removeConsole", output: "\nexport const app = express();" }],
        },
      ],
    },
    // An error printed at log level: its own advice, and no suggestion to delete it (that would swallow the error).
    {
      code: "function f() {\n  try { save(); } catch (e) {\n    console.log('oops', e);\n  }\n}",
      options,
      errors: [{ messageId: "errorOnLog", suggestions: [] }],
    },
    { code: "function f(err) {\n  if (err) console.log(err);\n}", options, errors: [{ messageId: "errorOnLog" }] },
    {
      code: "connect(url).catch((reason) => {\n  console.log(`Cannot reach the database: ${reason}`);\n});",
      options,
      errors: [{ messageId: "errorOnLog", suggestions: [] }],
    },
    {
      code: "app.on('error', function (problem) {\n  console.log(problem.message);\n});",
      options,
      errors: [{ messageId: "errorOnLog", suggestions: [] }],
    },
    {
      code: "function f() {\n  console.log(`MongoDB connection error: ${reason}`);\n}",
      options,
      errors: [{ messageId: "errorOnLog", suggestions: [] }],
    },
    {
      code: "function f() {\n  console.log(`Failed to save ${id}`);\n}",
      options,
      errors: [{ messageId: "errorOnLog", suggestions: [] }],
    },
    {
      code: "function f(res) {\n  console.info('API error:', res.error);\n}",
      options,
      errors: [{ messageId: "errorOnLog", suggestions: [] }],
    },
    {
      code: "function f() {\n  try { save(); } catch (e) {\n    items.forEach((item) => {\n      console.log(item);\n    });\n  }\n}",
      options,
      errors: [
        {
          messageId: "limited",
          suggestions: [
            {
              messageId: "removeConsole",
              output:
                "function f() {\n  try { save(); } catch (e) {\n    items.forEach((item) => {\n      \n    });\n  }\n}",
            },
          ],
        },
      ],
    },
    // A status line: one sentence of two or more words, values interpolated allowed. No suggestion to delete it.
    {
      code: "async function setUp() {\n  await db.createCollection(name);\n  console.log(`Collection ${name} created.`);\n}",
      options,
      errors: [{ messageId: "statusLine", suggestions: [] }],
    },
    {
      code: "function boot() {\n  console.log('Agent created successfully');\n}",
      options,
      errors: [{ messageId: "statusLine", suggestions: [] }],
    },
    // Debugging output stays what it was, however it is worded.
    {
      code: "function f(user) {\n  console.log('user is:', user);\n}",
      options,
      errors: [
        { messageId: "limited", suggestions: [{ messageId: "removeConsole", output: "function f(user) {\n  \n}" }] },
      ],
    },
    {
      code: "function f() {\n  console.log('here we are now');\n}",
      options,
      errors: [
        { messageId: "limited", suggestions: [{ messageId: "removeConsole", output: "function f() {\n  \n}" }] },
      ],
    },
    {
      code: "function f(rows) {\n  console.log(`rows: ${JSON.stringify(rows)}`);\n}",
      options,
      errors: [
        { messageId: "limited", suggestions: [{ messageId: "removeConsole", output: "function f(rows) {\n  \n}" }] },
      ],
    },
    {
      code: "console.info('hi');",
      options: consoleLogCheck.ruleOptions?.({ allow: ["error"] }) ?? [],
      errors: [{ messageId: "limited", suggestions: [{ messageId: "removeConsole", output: "" }] }],
    },
  ],
});

describe("console-log check", () => {
  it("applies to application code, not tests, scripts or entry points", () => {
    expect(consoleLogCheck.appliesTo?.("src/routes/tasks.ts")).toBe(true);
    expect(consoleLogCheck.appliesTo?.("src/tasks.test.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("scripts/seed.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("src/server.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("bin/cli.js")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("prisma/seed.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("database/migrate.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("src/seeds/users.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("src/services/seed-sizes.ts")).toBe(true);
    // example and demo folders print to show what the code does
    expect(consoleLogCheck.appliesTo?.("examples/upload/app.js")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("packages/api/demo/index.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("src/example-data.ts")).toBe(true);
  });

  it("reads allowed methods from the rubric", () => {
    expect(consoleLogCheck.ruleOptions?.({})).toEqual([{ allow: ["warn", "error"] }]);
    expect(() => consoleLogCheck.ruleOptions?.({ allow: "error" })).toThrow(/allow/);
  });

  it("grades a status line informative (a habit to improve) and leaves other findings at the rubric's level", () => {
    expect(consoleLogCheck.levelOf?.({ messageId: "statusLine", message: "" }, {})).toBe("informative");
    expect(consoleLogCheck.levelOf?.({ messageId: "limited", message: "" }, {})).toBeUndefined();
    const status = consoleLogCheck.learnerMessage?.({ messageId: "statusLine", message: "" }) ?? "";
    expect(status).toMatch(/^Print status lines like this one through a logger with a level/);
    expect(status).not.toMatch(/\b(just|simply)\b/i);
  });

  it("tells a learner what to do, then why", () => {
    expect(
      consoleLogCheck.learnerMessage?.({ messageId: "limited", message: "Unexpected console statement." }),
    ).toMatch(/^Remove this `console` call/);
    const error = consoleLogCheck.learnerMessage?.({ messageId: "errorOnLog", message: "" }) ?? "";
    expect(error).toMatch(/^Log this error as an error: through the app's logger/);
    expect(error).toContain("`console.error`");
    expect(error).not.toMatch(/\b(just|simply)\b/i);
  });
});
