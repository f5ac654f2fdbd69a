/** Path checks by `path.relative` and `path.dirname`, and the project's own files read from a constant path. */
import { describe, expect, it } from "vitest";
import { findingLabels } from "./run-taint-checks.js";

const labels = (code: string, path = "src/routes/files.js") => [...findingLabels(path, code)];

describe("path-traversal: folder checks by path.relative and path.dirname", () => {
  it("stays quiet after a path.relative(...).startsWith('..') or a path.dirname(...) === root check", () => {
    expect(
      labels(
        "const fs = require('fs');\nconst path = require('path');\nconst ROOT = path.resolve('data/docs');\napp.get('/docs/:f', (req, res) => {\n  const full = path.resolve(ROOT, req.params.f);\n  if (path.relative(ROOT, full).startsWith('..')) return res.sendStatus(400);\n  res.send(fs.readFileSync(full));\n});\n",
      ),
    ).toEqual([]);
    expect(
      labels(
        "const fs = require('fs');\nconst path = require('path');\nconst ROOT = path.resolve('data/docs');\napp.delete('/docs/:f', (req, res) => {\n  const full = path.resolve(ROOT, req.params.f);\n  if (path.dirname(full) !== ROOT) return res.sendStatus(400);\n  fs.unlinkSync(full);\n  res.end();\n});\n",
      ),
    ).toEqual([]);
  });

  it("still reports without the check, or when the check's root comes from the request", () => {
    expect(
      labels(
        "const fs = require('fs');\nconst path = require('path');\nconst ROOT = path.resolve('data/docs');\napp.get('/docs/:f', (req, res) => {\n  const full = path.resolve(ROOT, req.params.f);\n  res.send(fs.readFileSync(full));\n});\n",
      ),
    ).toEqual(["path-traversal:6"]);
    expect(
      labels(
        "const fs = require('fs');\nconst path = require('path');\napp.get('/docs/:f', (req, res) => {\n  const full = path.resolve(req.query.root, req.params.f);\n  if (path.dirname(full) !== req.query.root) return res.sendStatus(400);\n  res.send(fs.readFileSync(full));\n});\n",
      ),
    ).toEqual(["path-traversal:6"]);
  });
});

describe("code-injection: templates compiled from the project's own files", () => {
  it("stays quiet for a template read from a constant path next to the code", () => {
    expect(
      labels(
        "import Handlebars from 'handlebars';\nimport { readFileSync } from 'node:fs';\nimport path from 'node:path';\nexport const mail = Handlebars.compile(readFileSync(new URL('../views/mail.hbs', import.meta.url), 'utf8'));\nexport const page = Handlebars.compile(readFileSync(path.join(__dirname, 'views', 'page.hbs'), 'utf8'));\n",
        "src/lib/views.js",
      ),
    ).toEqual([]);
  });

  it("still reports code read from a file whose path is absolute or comes from the request", () => {
    expect(
      labels(
        "import { readFileSync } from 'node:fs';\nimport vm from 'node:vm';\nvm.runInNewContext(readFileSync('/tmp/shared/plugin.js', 'utf8'));\n",
        "src/lib/plugins.js",
      ),
    ).toEqual(["code-injection:3"]);
  });
});
