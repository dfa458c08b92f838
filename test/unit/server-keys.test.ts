/**
 * One key per purpose (src/core/server-keys.ts): a MAC made for one purpose is never valid for another, so
 * a session token's tag cannot pass as a device token's or a cookie's (issue 29).
 */
import { describe, expect, it } from "vitest";
import { serverKey, serverMac } from "../../src/core/server-keys";

describe("serverMac", () => {
  it("differs by label, by pepper and by message; the same inputs give the same MAC", () => {
    const mac = (pepper: string | null, label: string, message: string) => serverMac(pepper, label, message).join(",");
    const base = mac("pepper-one", "sign-in-pending", "blt0.1.2");
    expect(mac("pepper-one", "sign-in-pending", "blt0.1.2")).toBe(base);
    expect(mac("pepper-one", "reset-second-factor", "blt0.1.2")).not.toBe(base);
    expect(mac("pepper-two", "sign-in-pending", "blt0.1.2")).not.toBe(base);
    expect(mac(null, "sign-in-pending", "blt0.1.2")).not.toBe(base);
    expect(mac("pepper-one", "sign-in-pending", "blt0.1.3")).not.toBe(base);
    expect(serverKey("pepper-one", "a").join(",")).not.toBe(serverKey("pepper-one", "b").join(","));
  });
});
