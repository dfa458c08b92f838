/** POST /v3/user (sign up) and GET /v3/user (who am I), Contentstack wire format. */
import { Hono } from "hono";
import { z } from "zod";
import { whoAmI } from "../domain/profile-snapshot";
import { signUp } from "../domain/sign-up";
import type { AppEnv } from "../http/app-env";
import { emailField, nameField, passwordField } from "../http/fields";
import { ipRateLimit } from "../http/ip-rate-limit";
import { jsonBody } from "../http/json-body";
import type { ApiOperation } from "../http/openapi";
import { flowContext } from "../http/request-context";
import { refuse } from "./refusals";
import { userJson, userJsonSchema } from "./user-json";

const SIGN_UP_NOTICE = "Your account has been created.";

const signUpBody = z.strictObject({
  user: z.strictObject({
    email: emailField("is not a valid email address."),
    password: passwordField,
    password_confirmation: passwordField,
    first_name: nameField.nullish(),
    last_name: nameField.nullish(),
  }),
});

export const userRoutes = new Hono<AppEnv>()
  .post("/", ipRateLimit("IP_SIGN_UP_LIMIT"), ...jsonBody(signUpBody), async (c) => {
    const { user } = c.req.valid("json");
    const result = await signUp(flowContext(c), {
      email: user.email,
      password: user.password,
      passwordConfirmation: user.password_confirmation,
      firstName: user.first_name || null,
      lastName: user.last_name || null,
    });
    if (!result.ok) return refuse(c, result);
    return c.json({ notice: SIGN_UP_NOTICE, user: userJson(result.user) }, 201);
  })
  .get("/", async (c) => {
    const auth = await whoAmI(c.env, c.req.header("authtoken"), c.get("now"), (work) => c.executionCtx.waitUntil(work));
    if (!auth.ok) return refuse(c, auth);
    const { profile } = auth;
    return c.json({ user: userJson(profile, { authtoken: auth.token, failedAttempts: profile.failedAttempts }) });
  });

/** The OpenAPI descriptors of these routes (http/openapi.ts). */
export const userOperations: readonly ApiOperation[] = [
  {
    method: "post",
    path: "/v3/user",
    tag: "user",
    summary: "Sign up",
    description: "Contentstack has no public sign-up; the envelope is the same as its other user endpoints.",
    body: { name: "SignUpRequest", schema: signUpBody },
    success: {
      status: 201,
      description: "The account is created.",
      body: {
        name: "SignUpResponse",
        schema: z.object({ notice: z.literal(SIGN_UP_NOTICE), user: userJsonSchema }),
      },
    },
    refusals: ["email_taken", "password_rejected", "rate_limited"],
  },
  {
    method: "get",
    path: "/v3/user",
    tag: "user",
    summary: "The signed-in user",
    security: "authtoken",
    success: {
      status: 200,
      description: "The user of the `authtoken`, with it; each use slides the session's idle limit.",
      body: { name: "UserResponse", schema: z.object({ user: userJsonSchema }) },
    },
    refusals: ["not_logged_in"],
  },
];
