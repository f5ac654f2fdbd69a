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
