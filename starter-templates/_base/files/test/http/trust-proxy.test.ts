import { describe, expect, it } from "vitest";
import { trustProxySetting } from "../../src/http/trust-proxy.js";

describe("trustProxySetting (TRUST_PROXY)", () => {
  it("trusts no proxy by default", () => {
    expect(trustProxySetting.parse(undefined)).toBe(false);
    expect(trustProxySetting.parse("")).toBe(false);
    expect(trustProxySetting.parse("false")).toBe(false);
    expect(trustProxySetting.parse("0")).toBe(false);
  });

  it("reads a hop count, or a list of addresses, subnets and named ranges", () => {
    expect(trustProxySetting.parse("1")).toBe(1);
    expect(trustProxySetting.parse("loopback, 10.0.0.0/8,fd00::/8, 192.0.2.1")).toEqual(["loopback", "10.0.0.0/8", "fd00::/8", "192.0.2.1"]);
  });

  it("refuses true (any client could choose its own address) and anything that is not an address", () => {
    for (const value of ["true", "yes", "10.0.0.0/33", "10.0.0.1/8/1", "proxy.example.com"]) {
      const result = trustProxySetting.safeParse(value);
      expect(result.success, value).toBe(false);
      expect(result.error?.issues[0]?.message, value).toMatch(/expected false, a number of proxy hops/);
    }
  });
});
