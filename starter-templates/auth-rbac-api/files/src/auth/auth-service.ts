import type { Db } from "../db/db.js";
import { HttpError } from "../errors/http-error.js";
import { type PublicUser, toPublicUser } from "../users/user.js";
import { findUserByEmail, findUserById, insertUser } from "../users/user-repository.js";
import { type AccessTokenSettings, signAccessToken } from "./access-token.js";
import type { PasswordHasher } from "./password-hasher.js";
import { generateRefreshToken, hashRefreshToken } from "./refresh-token.js";
import { consumeRefreshToken, insertRefreshToken, revokeRefreshToken } from "./refresh-token-repository.js";

export interface TokenPair {
  tokenType: "Bearer";
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  user: PublicUser;
}

export interface AuthServiceDeps {
  db: Db;
  hasher: PasswordHasher;
  accessTokens: AccessTokenSettings;
  refreshTokenTtlDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// The same answer whether the e-mail is unknown or the password is wrong: telling them apart
// would let anyone find out who has an account.
const invalidCredentials = (): HttpError => new HttpError(401, "invalid_credentials", "E-mail or password is incorrect");
const invalidRefreshToken = (): HttpError =>
  new HttpError(401, "invalid_refresh_token", "The refresh token is invalid, expired or already used");

export interface AuthService {
  /**
   * Creates the account unless the address already has one. Returns whether an account was
   * created, for the server's log only: the client gets the same answer either way.
   */
  register(email: string, password: string): Promise<{ created: boolean }>;
  login(email: string, password: string): Promise<TokenPair>;
  refresh(refreshToken: string): Promise<TokenPair>;
  logout(refreshToken: string): Promise<void>;
}

export function createAuthService(deps: AuthServiceDeps): AuthService {
  async function issueTokens(user: PublicUser): Promise<TokenPair> {
    const refreshToken = generateRefreshToken();
    const expiresAt = new Date(Date.now() + deps.refreshTokenTtlDays * DAY_MS);
    await insertRefreshToken(deps.db, user.id, hashRefreshToken(refreshToken), expiresAt);
    const accessToken = await signAccessToken(deps.accessTokens, { userId: user.id, role: user.role });
    return { tokenType: "Bearer", accessToken, expiresIn: deps.accessTokens.accessTokenTtlSeconds, refreshToken, user };
  }

  return {
    // The password is hashed before the address is looked at, and a taken address costs the same
    // INSERT (which does nothing): a new and an existing address take as long as each other.
    async register(email, password) {
      const passwordHash = await deps.hasher.hash(password);
      const user = await insertUser(deps.db, email, passwordHash);
      return { created: user !== undefined };
    },

    async login(email, password) {
      const user = await findUserByEmail(deps.db, email);
      const passwordMatches = await deps.hasher.verify(password, user?.passwordHash);
      if (user === undefined || !passwordMatches) {
        throw invalidCredentials();
      }
      return issueTokens(toPublicUser(user));
    },

    // Rotation: each refresh token works once and is replaced by a new one.
    async refresh(refreshToken) {
      const userId = await consumeRefreshToken(deps.db, hashRefreshToken(refreshToken));
      const user = userId === undefined ? undefined : await findUserById(deps.db, userId);
      if (user === undefined) {
        throw invalidRefreshToken();
      }
      return issueTokens(user);
    },

    async logout(refreshToken) {
      await revokeRefreshToken(deps.db, hashRefreshToken(refreshToken));
    },
  };
}
