// Prints the security checks' precision and recall per category over the independent labelled corpus in
// test/fixtures/security-eval: `npx tsx scripts/security-eval.ts`.
import { formatSecurityEval, runSecurityEval } from "../test/helpers/security-eval.js";

const result = runSecurityEval();
console.log(formatSecurityEval(result));
console.log(`\nengine time over the corpus: ${Math.round(result.engineMs)} ms`);
