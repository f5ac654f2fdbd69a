import { posix } from "node:path";
import { PUBLIC_ROUTE } from "../auth-middleware.js";

/** A users or accounts collection: `POST /users` creates an account, which is how people sign up. */
const ACCOUNT_COLLECTION = /^\/?(?:api\/)?(?:v\d+\/)?(?:users?|accounts?|members?|customers?)\/?$/i;
/** A router or controller file for users or accounts (`routes/users.js`, `user.controller.ts`). */
const ACCOUNT_FILE =
  /^(?:users?|accounts?|members?|customers?)(?:[.-](?:routes?|router|controller|handlers?))?\.[cm]?[jt]sx?$/i;
/** Handlers that create an account: `createUser`, `addAccount`, `signUp`, `newUser`. */
const ACCOUNT_HANDLER = /^(?:create|add|new|sign[-_]?up)(?:user|account|member|customer)?$/i;

export interface RouteFacts {
  method: string;
  path: string;
  handler: string;
  /** The file, or the NestJS controller's path, the route lives under. */
  owner: string;
}

/**
 * Why a route is public by nature, or undefined when it is not: logging in, signing up, refreshing a
 * token, resetting a password, health checks, webhooks (which check their own signature) and creating an
 * account (`POST /users`), which is how a visitor signs up. Asking for auth there would lock everybody out.
 */
export function publicRouteReason(route: RouteFacts): string | undefined {
  if (PUBLIC_ROUTE.test(route.path) || PUBLIC_ROUTE.test(route.handler)) {
    return "its path or handler names a route anyone must reach (login, sign-up, token refresh, password reset, health, webhook)";
  }
  if (route.method !== "post") return undefined;
  const inAccountOwner = ACCOUNT_FILE.test(posix.basename(route.owner)) || ACCOUNT_COLLECTION.test(route.owner);
  const atCollection = ACCOUNT_COLLECTION.test(route.path) || (inAccountOwner && /^\/?$/.test(route.path));
  const accountHandler = ACCOUNT_HANDLER.test(route.handler.replace(/^.*\./, ""));
  if (atCollection && (accountHandler || route.handler === "" || inAccountOwner))
    return "creating an account is how a visitor signs up";
  return undefined;
}
