import { ScaffoldError } from "./scaffold-error.js";

interface HttpErrorShape {
  status: number;
  response?: { data?: unknown };
}

function isHttpError(error: unknown): error is HttpErrorShape {
  return typeof error === "object" && error !== null && typeof (error as { status?: unknown }).status === "number";
}

/** GitHub's `errors[].message` / `errors[].code` texts from a 422 response, joined. */
function validationTexts(error: HttpErrorShape): string {
  const data = error.response?.data as { message?: unknown; errors?: unknown } | undefined;
  const errors = Array.isArray(data?.errors) ? (data.errors as { message?: unknown; code?: unknown }[]) : [];
  const texts = errors
    .map((item) => (typeof item.message === "string" ? item.message : typeof item.code === "string" ? item.code : ""))
    .filter(Boolean);
  return [typeof data?.message === "string" ? data.message : "", ...texts].filter(Boolean).join(": ");
}

/** True when GitHub answered 422 because the repository (or label) name is taken. */
export function isAlreadyExists(error: unknown): boolean {
  if (!isHttpError(error) || error.status !== 422) return false;
  const data = error.response?.data as { errors?: { code?: unknown; message?: unknown }[] } | undefined;
  return (data?.errors ?? []).some(
    (item) =>
      item.code === "already_exists" || (typeof item.message === "string" && /already exists/i.test(item.message)),
  );
}

/**
 * Turns an Octokit error into a one-line ScaffoldError saying what GitHub answered and how to fix it.
 * `action` names what was being done, e.g. "creating the repository octo/tasks".
 */
export function githubError(error: unknown, action: string): ScaffoldError {
  if (!isHttpError(error)) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    return new ScaffoldError(
      `GitHub could not be reached while ${action}: ${reason}. Check your network (or GITHUB_API_URL) and try again.`,
    );
  }
  switch (error.status) {
    case 401:
      return new ScaffoldError(
        `GitHub rejected the token while ${action} (401 Bad credentials). Create a new token with the "repo" scope and set GITHUB_TOKEN to it.`,
      );
    case 403:
      return new ScaffoldError(
        `GitHub refused ${action} (403 Forbidden). Give the token the "repo" scope (and access to the organisation), or wait if you hit a rate limit.`,
      );
    case 404:
      return new ScaffoldError(
        `GitHub found nothing while ${action} (404). Check the owner in --github, and that the token can see that organisation.`,
      );
    case 422:
      return new ScaffoldError(
        `GitHub did not accept ${action} (422 ${validationTexts(error) || "Unprocessable Entity"}). Fix the name in --github and try again.`,
      );
    default:
      return new ScaffoldError(
        `GitHub answered ${error.status} while ${action}. Try again later; if it persists, check https://www.githubstatus.com.`,
      );
  }
}
