import { describe } from "vitest";
import { tlsDisabled } from "../../../../src/checks/security/patterns/tls-disabled.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { describeCorpus } from "./fixture-corpus.js";

describe("tls-disabled", () => {
  ruleTester.run("tls-disabled", tlsDisabled.rule, {
    valid: [
      { code: "new https.Agent({ rejectUnauthorized: true });" },
      { code: "const flags = { insecure: true };" },
      { code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';" },
      { code: "new OrdersClient('localhost:50051', grpc.credentials.createInsecure());" },
      { code: "new OrdersClient(target, grpc.credentials.createSsl(ca));" },
      { code: "if (process.env.NODE_ENV === 'development') { creds = grpc.credentials.createInsecure(); }" },
      // The operator asked for no verification by name (libpq's sslmode=no-verify); the code obeys the setting.
      {
        code: "function sslFor(mode) { switch (mode) { case 'disable': return false; case 'no-verify': return { rejectUnauthorized: false }; default: return true; } }",
      },
      { code: "if (config.ssl === 'no-verify') { config.ssl = { rejectUnauthorized: false }; }" },
      { code: "const ssl = process.env.DB_TLS === 'insecure' ? { rejectUnauthorized: false } : true;" },
    ],
    invalid: [
      {
        code: "new Pool({ ssl: { rejectUnauthorized: false } });",
        errors: [
          {
            messageId: "optionOff",
            suggestions: [{ messageId: "setSafe", output: "new Pool({ ssl: { rejectUnauthorized: true } });" }],
          },
        ],
      },
      { code: "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';", errors: [{ messageId: "processOff" }] },
      // A setting that does not name the opt-out: production turns the checks off.
      {
        code: "const ssl = process.env.NODE_ENV === 'production' ? { rejectUnauthorized: false } : false;",
        errors: [
          {
            messageId: "optionOff",
            suggestions: [
              {
                messageId: "setSafe",
                output: "const ssl = process.env.NODE_ENV === 'production' ? { rejectUnauthorized: true } : false;",
              },
            ],
          },
        ],
      },
      {
        code: "if (config.ssl !== 'no-verify') { config.ssl = { rejectUnauthorized: false }; }",
        errors: [
          {
            messageId: "optionOff",
            suggestions: [
              {
                messageId: "setSafe",
                output: "if (config.ssl !== 'no-verify') { config.ssl = { rejectUnauthorized: true }; }",
              },
            ],
          },
        ],
      },
      {
        code: "new OrdersClient('orders.internal:443', grpc.credentials.createInsecure());",
        errors: [{ messageId: "grpcInsecure" }],
      },
      {
        code: "const creds = credentials.createInsecure();\nnew OrdersClient(process.env.ORDERS_URL, creds);",
        errors: [{ messageId: "grpcInsecure" }],
      },
      {
        code: "got(url, { insecure: true });",
        errors: [
          { messageId: "optionOff", suggestions: [{ messageId: "setSafe", output: "got(url, { insecure: false });" }] },
        ],
      },
    ],
  });

  describeCorpus("tls-disabled");
});
