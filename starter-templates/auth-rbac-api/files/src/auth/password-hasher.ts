import { compare, hash } from "bcryptjs";

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * Checks a password against a stored hash. With no hash (unknown user) it still does the full
   * bcrypt work against a dummy hash and returns false, so response times do not reveal which
   * e-mail addresses have an account.
   */
  verify(password: string, storedHash: string | undefined): Promise<boolean>;
}

/** bcrypt with the given cost (work factor): each +1 doubles the time an attacker needs per guess. */
export function createPasswordHasher(cost: number): PasswordHasher {
  // Made once, up front, with the same cost as real hashes, so checking against it takes as long.
  const dummyHash = hash("not-a-real-password", cost);

  return {
    hash: (password) => hash(password, cost),
    async verify(password, storedHash) {
      if (storedHash === undefined) {
        await compare(password, await dummyHash);
        return false;
      }
      return compare(password, storedHash);
    },
  };
}
