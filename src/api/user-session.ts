/** POST /v3/user-session (sign in) and DELETE /v3/user-session (sign out), Contentstack wire format. */
import { Hono } from "hono";
import { z } from "zod";
import { signOut } from "../domain/sessions";
import { signIn } from "../domain/sign-in";
import type { AppEnv } from "../http/app-env";
import { emailTextField, requiredPasswordField } from "../http/fields";
import { ipRateLimit } from "../http/ip-rate-limit";
import { jsonBody } from "../http/json-body";
import type { ApiOperation } from "../http/openapi";
import { flowContext } from "../http/request-context";
import { refuse } from "./refusals";
import { userJson, userJsonSchema } from "./user-json";

const SIGN_IN_NOTICE = "Login Successful.";
const SIGN_OUT_NOTICE = "You've logged out successfully!";

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
    return c.json({ notice: SIGN_IN_NOTICE, user: userJson(result.user, { authtoken: result.token }) });
  })
  .delete("/", async (c) => {
    const result = await signOut(flowContext(c), c.req.header("authtoken"));
    if (!result.ok) return refuse(c, result);
    return c.json({ notice: SIGN_OUT_NOTICE });
  });

/** The OpenAPI descriptors of these routes (http/openapi.ts). */
export const userSessionOperations: readonly ApiOperation[] = [
  {
    method: "post",
    path: "/v3/user-session",
    tag: "user-session",
    summary: "Sign in",
    description:
      "Wrong email or password is one answer (422/104), checked before the second factor. " +
      "`tfa_token` is the authenticator's code or a recovery code of an account with two-factor on, ignored for any other. " +
      "429 with `Retry-After` while the email is locked for this client, or its second factor is (docs/api.md).",
    body: { name: "SignInRequest", schema: signInBody },
    success: {
      status: 200,
      description: "Signed in; `user.authtoken` is the session.",
      body: { name: "SignInResponse", schema: z.object({ notice: z.literal(SIGN_IN_NOTICE), user: userJsonSchema }) },
    },
    refusals: ["invalid_credentials", "second_factor_required", "rate_limited", "unavailable"],
  },
  {
    method: "delete",
    path: "/v3/user-session",
    tag: "user-session",
    summary: "Sign out",
    security: "authtoken",
    success: {
      status: 200,
      description: "The session of the `authtoken` is ended.",
      body: { name: "SignOutResponse", schema: z.object({ notice: z.literal(SIGN_OUT_NOTICE) }) },
    },
    refusals: ["not_logged_in"],
  },
];
