/** POST /v3/user-session (sign in) and DELETE /v3/user-session (sign out), Contentstack wire format. */
import { Hono } from "hono";
import { z } from "zod";
import { signOut } from "../domain/sessions";
import { signIn } from "../domain/sign-in";
import type { AppEnv } from "../http/app-env";
import { emailTextField, requiredPasswordField } from "../http/fields";
import { ipRateLimit } from "../http/ip-rate-limit";
import { jsonBody } from "../http/json-body";
import { flowContext } from "../http/request-context";
import { refuse } from "./refusals";
import { userJson } from "./user-json";

const signInBody = z.strictObject({
  user: z.strictObject({
    email: emailTextField,
    password: requiredPasswordField("is required."),
    // The authenticator code (or a recovery code) of an account with two-factor on; ignored for any other,
    // as Contentstack ignores it.
    tfa_token: z.string().max(64).optional(),
  }),
});

export const userSessionRoutes = new Hono<AppEnv>()
  .post("/", ipRateLimit("IP_SIGN_IN_LIMIT"), ...jsonBody(signInBody), async (c) => {
    const { user } = c.req.valid("json");
    const credentials = { email: user.email, password: user.password };
    // An SDK or CLI has no device cookie: the networks it signed in from stand for it (issue 30).
    const result = await signIn(flowContext(c), credentials, { secondFactor: user.tfa_token, trustKnownNetwork: true });
    if (!result.ok)
      return refuse(
        c,
        result.reason === "second_factor_pending" ? { ok: false, reason: "second_factor_required" } : result,
      );
    return c.json({ notice: "Login Successful.", user: userJson(result.user, { authtoken: result.token }) });
  })
  .delete("/", async (c) => {
    const result = await signOut(flowContext(c), c.req.header("authtoken"));
    if (!result.ok) return refuse(c, result);
    return c.json({ notice: "You've logged out successfully!" });
  });
