export const ROLES = ["user", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** A user as the API shows it: never with the password hash. */
export interface PublicUser {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
}

/** A user as stored, including the hash. Stays inside the auth code. */
export interface StoredUser extends PublicUser {
  passwordHash: string;
}

export function toPublicUser(user: StoredUser | PublicUser): PublicUser {
  return { id: user.id, email: user.email, role: user.role, createdAt: user.createdAt };
}
