import type { Response } from "express";
import type { PublicUser } from "../users/user.js";

// Kept beside the response rather than on `res.locals`, whose values are untyped.
const users = new WeakMap<Response, PublicUser>();

export function setCurrentUser(res: Response, user: PublicUser): void {
  users.set(res, user);
}

/** The signed-in user. Only call it in handlers behind `requireAuth`. */
export function currentUser(res: Response): PublicUser {
  const user = users.get(res);
  if (user === undefined) {
    throw new Error("currentUser() called on a route without requireAuth");
  }
  return user;
}

export function findCurrentUser(res: Response): PublicUser | undefined {
  return users.get(res);
}
