import { isAbsolute, posix, win32 } from "node:path";

/**
 * Returns why a relative output path is unsafe (it would escape the project folder or is not a plain
 * file path), or undefined when it is safe. Checks each segment, so `a/../../b` and `C:\x` are refused too.
 */
export function unsafePathReason(relativePath: string): string | undefined {
  if (relativePath.length === 0) return "is empty";
  if (relativePath.includes("\0")) return "contains a NUL character";
  if (isAbsolute(relativePath) || posix.isAbsolute(relativePath) || win32.isAbsolute(relativePath))
    return "is an absolute path";
  for (const segment of relativePath.split(/[\\/]/)) {
    if (segment === "") return "has an empty path segment";
    if (segment === "." || segment === "..") return `has a "${segment}" segment that would leave the project folder`;
  }
  return undefined;
}
