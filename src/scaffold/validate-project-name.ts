import validateNpmPackageName from "validate-npm-package-name";

/** Returns why `name` cannot be a project name (a valid new npm package name), or undefined when it can. */
export function projectNameError(name: string): string | undefined {
  const result = validateNpmPackageName(name);
  if (result.validForNewPackages) return undefined;
  const reasons = [...(result.errors ?? []), ...(result.warnings ?? [])];
  return `must be a valid npm package name (${reasons.join("; ") || "not allowed"}), for example "my-tasks-api"`;
}
