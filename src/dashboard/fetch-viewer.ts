import { Octokit } from "@octokit/rest";
import type { DashboardConfig } from "./dashboard-config.js";

/** An installation whose cohort the viewer may see. */
export interface OwnedInstallation {
  id: number;
  account: string;
}

/** Who signed in, and what they own: decided once at sign-in and kept in the signed session. */
export interface Viewer {
  login: string;
  id: number;
  owns: OwnedInstallation[];
}

/**
 * Asks GitHub, with the user's own token, who they are and which of the App's installations they own:
 * a user installation on their own account, or an organisation where their membership is active and
 * its role is admin (an owner). Membership that cannot be read (403/404) means "not an owner".
 */
export async function fetchViewer(config: DashboardConfig, token: string): Promise<Viewer> {
  const octokit = new Octokit({
    auth: token,
    baseUrl: config.apiBaseUrl,
    userAgent: "apprentice-dashboard",
    log: quietLog,
  });
  const { data: user } = await octokit.rest.users.getAuthenticated();
  const installations = await octokit.paginate(octokit.rest.apps.listInstallationsForAuthenticatedUser, {
    per_page: 100,
  });
  const owns: OwnedInstallation[] = [];
  for (const installation of installations) {
    const account = installation.account as { login?: string; id?: number; type?: string; slug?: string } | null;
    const login = account?.login ?? account?.slug;
    if (!account || !login) continue;
    if (account.type === "Organization") {
      if (await isOrgOwner(octokit, login)) owns.push({ id: installation.id, account: login });
    } else if (account.id === user.id) {
      owns.push({ id: installation.id, account: login });
    }
  }
  return { login: user.login, id: user.id, owns };
}

async function isOrgOwner(octokit: Octokit, org: string): Promise<boolean> {
  try {
    const { data } = await octokit.rest.orgs.getMembershipForAuthenticatedUser({ org });
    return data.state === "active" && data.role === "admin";
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403 || status === 404) return false;
    throw error;
  }
}

const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
