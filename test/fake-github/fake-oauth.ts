/**
 * The fake GitHub's OAuth web flow and the user-token API calls the dashboard makes: a person "signed
 * in at GitHub" (`signedInAs`) is sent back to the App's callback with a one-time code, the code is
 * exchanged for a user token with the App's client id and secret, and that token reads /user,
 * /user/installations and /user/memberships/orgs/{org}. Anything GitHub would refuse is a violation.
 */
import { randomBytes } from "node:crypto";
import type { Reply } from "./rest-routes.js";

export interface FakeAccount {
  login: string;
  id: number;
  type: "User" | "Organization";
}

export interface FakeInstallation {
  id: number;
  account: FakeAccount;
  /** Organisation members and their role; a user installation's owner is its account. */
  members: Map<string, "admin" | "member">;
}

export class FakeOAuth {
  readonly users = new Map<string, FakeAccount>();
  readonly installations: FakeInstallation[] = [];
  client?: { id: string; secret: string };
  /** Who is signed in at the fake github.com in the browser (the authorize page signs them in). */
  signedInAs?: string;
  readonly #codes = new Map<string, { login: string; redirectUri: string }>();
  readonly #tokens = new Map<string, string>();

  constructor(private readonly violation: (status: number, message: string) => Reply) {}

  addUser(login: string, id: number): FakeAccount {
    const user: FakeAccount = { login, id, type: "User" };
    this.users.set(login, user);
    return user;
  }

  addInstallation(
    id: number,
    account: FakeAccount,
    members: Record<string, "admin" | "member"> = {},
  ): FakeInstallation {
    const installation = { id, account, members: new Map(Object.entries(members)) };
    this.installations.push(installation);
    return installation;
  }

  /** The login behind a user token the fake issued, or undefined. */
  userOf(authorization: string | undefined): FakeAccount | undefined {
    const login = this.#tokens.get((authorization ?? "").replace(/^(token|bearer) /i, ""));
    return login === undefined ? undefined : this.users.get(login);
  }

  authorize(query: URLSearchParams): Reply {
    const clientId = query.get("client_id");
    const redirectUri = query.get("redirect_uri");
    const state = query.get("state");
    if (!this.client || clientId !== this.client.id)
      return this.violation(404, `authorize: unknown client_id ${String(clientId)}`);
    if (!redirectUri || !state) return this.violation(400, "authorize: redirect_uri and state are expected");
    if (!this.signedInAs || !this.users.has(this.signedInAs))
      return this.violation(401, "authorize: nobody is signed in at the fake GitHub");
    const code = randomBytes(10).toString("hex");
    this.#codes.set(code, { login: this.signedInAs, redirectUri });
    const target = new URL(redirectUri);
    target.searchParams.set("code", code);
    target.searchParams.set("state", state);
    return { status: 302, headers: { location: target.toString() } };
  }

  accessToken(contentType: string | undefined, text: string): Reply {
    const input: Record<string, unknown> = (contentType ?? "").includes("json")
      ? (JSON.parse(text || "{}") as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(text));
    if (!this.client || input.client_id !== this.client.id || input.client_secret !== this.client.secret) {
      return {
        status: 200,
        body: {
          error: "incorrect_client_credentials",
          error_description: "The client_id and/or client_secret passed are incorrect.",
        },
      };
    }
    const grant = this.#codes.get(String(input.code));
    this.#codes.delete(String(input.code));
    if (!grant || (input.redirect_uri !== undefined && input.redirect_uri !== grant.redirectUri)) {
      return {
        status: 200,
        body: { error: "bad_verification_code", error_description: "The code passed is incorrect or expired." },
      };
    }
    const token = `ghu_${randomBytes(18).toString("hex")}`;
    this.#tokens.set(token, grant.login);
    return { status: 200, body: { access_token: token, token_type: "bearer", scope: "" } };
  }

  /** GET /user, /user/installations, /user/memberships/orgs/{org} for the token's user. */
  answer(operationId: string, user: FakeAccount, params: Record<string, string>): Reply {
    switch (operationId) {
      case "users/get-authenticated":
        return {
          status: 200,
          body: { login: user.login, id: user.id, type: "User", node_id: `U_${user.id}`, site_admin: false },
        };
      case "apps/list-installations-for-authenticated-user": {
        const visible = this.installations.filter(
          (installation) => installation.account.id === user.id || installation.members.has(user.login),
        );
        return {
          status: 200,
          body: {
            total_count: visible.length,
            installations: visible.map((installation) => ({
              id: installation.id,
              account: installation.account,
              target_type: installation.account.type,
              app_id: 1,
            })),
          },
        };
      }
      case "orgs/get-membership-for-authenticated-user": {
        const installation = this.installations.find(
          (candidate) => candidate.account.type === "Organization" && candidate.account.login === params.org,
        );
        const role = installation?.members.get(user.login);
        if (!installation || !role) return { status: 404, body: { message: "Not Found" } };
        return {
          status: 200,
          body: {
            state: "active",
            role,
            organization: { login: installation.account.login, id: installation.account.id },
            user: { login: user.login, id: user.id },
          },
        };
      }
      default:
        return this.violation(501, `fake GitHub does not answer ${operationId} with a user token`);
    }
  }
}

export const USER_TOKEN_OPERATIONS = new Set([
  "users/get-authenticated",
  "apps/list-installations-for-authenticated-user",
  "orgs/get-membership-for-authenticated-user",
]);
