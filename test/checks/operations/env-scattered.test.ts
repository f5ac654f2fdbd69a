import { describe, expect, it } from "vitest";
import { envScatteredCheck } from "../../../src/checks/operations/env-scattered.js";
import { makeContext } from "../tests/make-context.js";

describe("env-scattered", () => {
  it("reports process.env read in three or more modules outside a config module, once", () => {
    const findings = envScatteredCheck.run(
      makeContext({
        changed: {
          "src/db.ts": "const url = process.env.DATABASE_URL;",
          "src/mail.ts": "\nconst key = process.env.MAIL_KEY;",
        },
        related: { "src/server.ts": "app.listen(process.env.PORT);" },
      }),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "src/db.ts", line: 1, messageId: "scattered" });
    expect(findings[0]?.message).toContain("3 modules");
  });

  it("stays quiet when configuration is read in a config module", () => {
    expect(
      envScatteredCheck.run(
        makeContext({
          changed: {
            "src/config.ts": "export const config = Schema.parse(process.env);",
            "src/config/db.ts": "process.env.DATABASE_URL",
            "src/server.ts": "app.listen(process.env.PORT);",
            "src/db.ts": "connect(config.databaseUrl)",
          },
        }),
      ),
    ).toEqual([]);
  });
});
