// Prints the security checks' precision and recall per category over the independent labelled corpus in
// test/fixtures/security-eval: `npx tsx scripts/security-eval.ts`. The original set (the one the target test
// asserts), issue 11's extended set, and both together.
import {
  ALL_SETS,
  EXTENDED_SET,
  ORIGINAL_SET,
  formatSecurityEval,
  runSecurityEval,
} from "../test/helpers/security-eval.js";

const runs = [
  { title: "original set", sets: [ORIGINAL_SET] },
  { title: `extended set (${EXTENDED_SET}/, issue 11)`, sets: [EXTENDED_SET] },
  { title: "both sets (asserted by test/checks/security/security-eval.test.ts)", sets: ALL_SETS },
];

for (const run of runs) {
  const result = runSecurityEval(run.sets);
  console.log(`\n=== ${run.title}\n`);
  console.log(formatSecurityEval(result));
  console.log(`\nengine time over the set: ${Math.round(result.engineMs)} ms`);
}
