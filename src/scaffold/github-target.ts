import { ScaffoldError } from "./scaffold-error.js";

export interface GithubTarget {
  owner: string;
  name: string;
}

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/** Parses `--github OWNER/NAME`; anything else is a ScaffoldError showing the expected form. */
export function parseGithubTarget(text: string): GithubTarget {
  const [owner, name, ...rest] = text.split("/");
  if (
    owner === undefined ||
    name === undefined ||
    rest.length > 0 ||
    !OWNER.test(owner) ||
    !NAME.test(name) ||
    name === "." ||
    name === ".."
  ) {
    throw new ScaffoldError(
      `--github "${text}" is not OWNER/NAME. Write it as --github your-login/my-tasks-api (letters, digits, "-", "." and "_").`,
    );
  }
  return { owner, name };
}
