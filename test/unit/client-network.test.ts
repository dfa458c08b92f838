import { describe, expect, it } from "vitest";
import { clientNetwork } from "../../src/core/client-info";

describe("rate-limit key per client network", () => {
  it("keys IPv4 by the address", () => {
    expect(clientNetwork("203.0.113.7")).toBe("203.0.113.7");
  });

  // Attack: one IPv6 subscriber owns a /64 and could rotate through 2^64 addresses to dodge per-IP limits.
  it("keys every address of one IPv6 /64 the same, whatever its spelling", () => {
    const keys = [
      "2001:db8:85a3:42::1",
      "2001:0db8:85a3:0042:ffff:ffff:ffff:ffff",
      "2001:DB8:85A3:42:1:2:3:4",
      "2001:db8:85a3:42::",
    ].map(clientNetwork);
    expect(new Set(keys)).toEqual(new Set(["2001:db8:85a3:42::/64"]));
    expect(clientNetwork("2001:db8:85a3:43::1")).toBe("2001:db8:85a3:43::/64");
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
  });

  it("keys a missing address as unknown", () => {
    expect(clientNetwork(null)).toBe("unknown");
  });
});
