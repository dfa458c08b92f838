/** POST /v3/user-session (sign in) and DELETE /v3/user-session (sign out), Contentstack wire format. */
import { Hono } from "hono";
import { z } from "zod";
import { signIn } from "../domain/sign-in";
import { signOut } from "../domain/sessions";
import type { AppEnv } from "./app-env";
import { apiError } from "./errors";
import { ipRateLimit } from "./ip-rate-limit";
import { userJson } from "./user-json";
import { jsonBody } from "./validation";

const signInBody = z.strictObject({
  user: z.strictObject({
    email: z.string().max(254),
    password: z.string().min(1, "is required.").max(1024),
    // Accepted for SDK compatibility; two-factor sign-in does not exist yet, so it is ignored.
    tfa_token: z.string().max(64).optional(),
  }),
});

export const userSessionRoutes = new Hono<AppEnv>()
  .post("/", ipRateLimit("IP_SIGN_IN_LIMIT"), ...jsonBody(signInBody), async (c) => {
    const { user } = c.req.valid("json");
    const result = await signIn(
      { env: c.env, config: c.get("config"), defer: (work) => c.executionCtx.waitUntil(work) },
      { email: user.email, password: user.password },
      c.get("client"),
      Date.now(),
    );
    if (!result.ok) {
      if (result.reason === "locked") return apiError(c, "rate_limited", {}, result.retryAfterMs / 1000);
      return apiError(c, "invalid_credentials");
    }
    return c.json({ notice: "Login Successful.", user: userJson(result.user, { authtoken: result.token }) });
  })
  .delete("/", async (c) => {
    const ended = await signOut(c.env, c.req.header("authtoken"), "signed_out");
    if (!ended) return apiError(c, "not_logged_in");
    return c.json({ notice: "You've logged out successfully!" });
  });
