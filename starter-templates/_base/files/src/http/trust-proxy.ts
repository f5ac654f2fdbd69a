import { isIP } from "node:net";
import { z } from "zod";

/** What Express's `trust proxy` setting accepts, in the forms this project allows. */
export type TrustProxy = boolean | number | string[];

const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrSubnet(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  if (rest.length > 0 || isIP(address) === 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (isIP(address) === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: which proxies in front of the app may set `X-Forwarded-For` (and so `req.ip`,
 * which the rate limiters key on). Unset or `false`: none, `req.ip` is the connecting address.
 * A number: that many hops (`1` behind one load balancer). Otherwise a comma-separated list of
 * addresses, subnets (`10.0.0.0/8`) or `loopback`, `linklocal`, `uniquelocal`. `true` (trust
 * everyone) is refused: any client could then pick its own address and dodge the limits.
 */
export const trustProxySetting = z
  .string()
  .trim()
  .optional()
  .transform((value, context): TrustProxy => {
    if (value === undefined || value === "" || value === "false") return false;
    if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
    const entries = value.split(",").map((entry) => entry.trim());
    const invalid = entries.filter((entry) => !isAddressOrSubnet(entry));
    if (invalid.length > 0) {
      context.addIssue({
        code: "custom",
        message:
          "expected false, a number of proxy hops, or a comma-separated list of addresses, subnets, " +
          `loopback, linklocal or uniquelocal; got ${JSON.stringify(value)}`,
      });
      return z.NEVER;
    }
    return entries;
  });
