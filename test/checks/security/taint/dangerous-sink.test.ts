import { describe, expect, it } from "vitest";
import { dangerousSink } from "../../../../src/checks/security/taint/dangerous-sink-check.js";
import { ruleTester } from "../../../helpers/rule-tester.js";

describe("dangerous-sink", () => {
  it("is informative by default and files each sink under its category", () => {
    expect(dangerousSink.defaultLevel).toBe("informative");
    expect(dangerousSink.categoryByMessageId).toEqual({
      code: "code-injection",
      command: "command-injection",
      html: "xss",
    });
  });

  ruleTester.run("dangerous-sink", dangerousSink.rule, {
    valid: [
      // Constants: nothing but the code's own text reaches the sink.
      { code: `eval("1 + 1");` },
      { code: `const { exec } = require("child_process");\nconst cmd = "ls " + "-la";\nexec(cmd);` },
      { code: `document.getElementById("app").innerHTML = "<p>Loading…</p>";` },
      { code: `const vm = require("vm");\nvm.runInNewContext("1 + 1", {});` },
      // Traced input is the taint checks' finding (code-injection here), not a second one.
      {
        code: `const express = require("express");
const app = express();
app.get("/calc", (req, res) => { res.send(String(eval(req.query.expression))); });`,
      },
      // Traced and sanitised: the taint is dropped but the value is known to be clean.
      {
        code: `import DOMPurify from "dompurify";
const el = document.querySelector("#out");
el.innerHTML = DOMPurify.sanitize(location.hash.slice(1));`,
      },
      // Sanitised though nobody traced it.
      { code: `export function show(el, item) { el.innerHTML = "<li>" + escapeHtml(item.name) + "</li>"; }` },
      // Traced and guarded by an allow-list: safe for every category.
      {
        code: `const { exec } = require("child_process");
const FORMATS = ["png", "jpg"];
module.exports = (req, res) => {
  const format = req.query.format;
  if (!FORMATS.includes(format)) return res.status(400).end();
  exec("convert in.bmp out." + format);
};`,
      },
      // One of a table of fixed commands.
      {
        code: `const { exec } = require("child_process");
const COMMANDS = { disk: "df -h", memory: "free -m" };
export function stats(kind) {
  const command = COMMANDS[kind];
  exec(command);
}`,
      },
      // A function, not a string: timers and vm do not compile it.
      { code: `new Function(() => 1);` },
      // No shell: execFile with an arguments array.
      {
        code: `const { execFile } = require("child_process");\nexport const log = (branch) => execFile("git", ["log", branch]);`,
      },
      // Test support runs generated code on purpose.
      { code: `export const run = (code) => eval(code);`, filename: "test/helpers/run.ts" },
    ],
    invalid: [
      {
        code: `function show(list, items) {
  for (const item of items) list.innerHTML += \`<li>\${item.title}</li>\`;
}`,
        errors: [{ messageId: "html", line: 2, data: { sink: "innerHTML" } }],
      },
      {
        code: `const { exec } = require("child_process");
function checkout(config) {
  exec(\`git checkout \${config.branch}\`);
}`,
        errors: [{ messageId: "command", line: 3, data: { sink: "exec()" } }],
      },
      {
        code: `const vm = require("node:vm");
function runPlugin(source) { return vm.runInNewContext(source, { console }); }`,
        errors: [{ messageId: "code", data: { sink: "vm.runInNewContext()" } }],
      },
      {
        code: `function compile(rule) { return new Function("row", "return " + rule.expression); }`,
        errors: [{ messageId: "code", data: { sink: "new Function()" } }],
      },
      {
        code: `async function load(url) { const text = await (await fetch(url)).text(); return eval(text); }`,
        errors: [{ messageId: "code", data: { sink: "eval()" } }],
      },
      // Cleaned in one branch, not in the other: the raw one is still untraced text.
      {
        code: `function render(el, html, trusted) { el.innerHTML = trusted ? html : sanitize(html); }`,
        errors: [{ messageId: "html", line: 1 }],
      },
    ],
  });
});
