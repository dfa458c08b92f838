import { describe, expect, it } from "vitest";
import { api, expectEnvelope } from "../helpers";

describe("unknown paths and wrong methods", () => {
  it.each([
    ["GET", "/v3/nope"],
    ["POST", "/v3/nope"],
    ["GET", "/v3"],
    ["GET", "/v3/"],
    ["DELETE", "/v3/users"],
    ["GET", "/v3/user/activate/abc"],
    ["GET", "/v3/user/"],
  ])("404 error_code 112 envelope for %s %s", async (method, path) => {
    const response = await api(path, { method });
    await expectEnvelope(response, 404, 112);
    expect(response.headers.get("allow")).toBeNull();
  });

  it("404 envelope (not an HTML page) under /v3 even for a browser's Accept header", async () => {
    const response = await api("/v3/nope", { headers: { accept: "text/html,application/xhtml+xml" } });
    await expectEnvelope(response, 404, 112);
  });

  it.each([
    ["PUT", "/v3/user-session", "POST, DELETE", undefined],
    ["PUT", "/v3/user-session", "POST, DELETE", { user: {} }],
    ["GET", "/v3/user-session", "POST, DELETE", undefined],
    ["PATCH", "/v3/user-session/", "POST, DELETE", undefined],
    ["GET", "/v3/user/forgot_password", "POST", undefined],
    ["DELETE", "/v3/user/forgot_password", "POST", undefined],
    ["PUT", "/v3/user/reset_password", "POST", { user: {} }],
    ["GET", "/v3/user/reset_password", "POST", undefined],
    ["DELETE", "/v3/user", "GET, POST", undefined],
    ["PATCH", "/v3/user", "GET, POST", undefined],
    ["OPTIONS", "/v3/user", "GET, POST", undefined],
  ])("405 error_code 113 envelope with Allow for %s %s", async (method, path, allow, body) => {
    const response = await api(path, { method, body });
    expect(response.headers.get("allow")).toBe(allow);
    await expectEnvelope(response, 405, 113);
  });
});
