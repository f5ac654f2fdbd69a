/** An array mapped by a callback carries what the callback returns: escaped rows are safe, raw ones are not. */
import { describe, expect, it } from "vitest";
import { findingLabels } from "./run-taint-checks.js";

const labels = (code: string) => [...findingLabels("src/routes/report.js", code)];

describe("taint through array map callbacks", () => {
  it("stays quiet when every mapped element is escaped or converted", () => {
    expect(
      labels(
        "const escapeHtml = require('escape-html');\napp.post('/table', (req, res) => {\n  const rows = req.body.items.map((item) => `<li>${escapeHtml(String(item.label))} ${Number(item.qty)}</li>`).join('');\n  res.send(`<ul>${rows}</ul>`);\n});\n",
      ),
    ).toEqual([]);
  });

  it("reports when the callback returns the input unescaped", () => {
    expect(
      labels(
        "app.post('/table', (req, res) => {\n  const rows = req.body.items.map((item) => `<li>${item.label}</li>`).join('');\n  res.send(`<ul>${rows}</ul>`);\n});\n",
      ),
    ).toEqual(["xss:3"]);
  });
});
