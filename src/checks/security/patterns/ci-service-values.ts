/**
 * The throwaway credentials of a CI job's service containers. A GitHub Actions job's `services:` block starts a
 * database for the job only (`MYSQL_PASSWORD: test_password`), reachable from that runner and gone when the job
 * ends; the test steps then pass the same value to the code under test. Neither protects anything.
 */

/** CI pipeline files: GitHub Actions workflows, GitLab CI, CircleCI, Azure Pipelines, Bitbucket Pipelines. */
const CI_FILE =
  /(^|\/)(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml)$/i;
const SERVICES_KEY = /^(\s*)services:\s*(#.*)?$/;
const PAIR = /^\s*(?:-\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*:\s*(.+)$/;

export function isCiFile(path: string): boolean {
  return CI_FILE.test(path);
}

export interface CiServices {
  /** 1-based line numbers inside a `services:` block. */
  lines: ReadonlySet<number>;
  /** The values given in those blocks (`test_password`), unquoted. */
  values: ReadonlySet<string>;
}

function unquote(raw: string): string {
  const value = raw.replace(/\s+#.*$/, "").trim();
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? (quoted[2] ?? "") : value;
}

/** The lines and values of a CI file's `services:` blocks (empty for any other file). */
export function ciServices(path: string, lines: readonly string[]): CiServices {
  const inside = new Set<number>();
  const values = new Set<string>();
  if (!isCiFile(path)) return { lines: inside, values };
  let indent: number | undefined;
  lines.forEach((text, index) => {
    const services = SERVICES_KEY.exec(text);
    if (services) {
      indent = (services[1] ?? "").length;
      return;
    }
    if (indent === undefined || text.trim() === "" || /^\s*#/.test(text)) return;
    if (text.length - text.trimStart().length <= indent) {
      indent = undefined;
      return;
    }
    inside.add(index + 1);
    const pair = PAIR.exec(text);
    const value = pair ? unquote(pair[2] ?? "") : "";
    if (value.length >= 4) values.add(value);
  });
  return { lines: inside, values };
}
