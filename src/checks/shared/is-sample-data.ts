import { isTestSupport } from "./is-test-file.js";

/** True for test support and sample data: seeds, demos and examples hold made-up accounts, not deployed secrets. */
export function isSampleData(path: string): boolean {
  return (
    isTestSupport(path) ||
    /(^|\/)(seeds?|seeders|examples?|demos?|samples?)\//i.test(path) ||
    /(^|[./-])seeds?\.[cm]?[jt]s$/i.test(path)
  );
}
