/** POST /v3/user (sign up) and GET /v3/user (who am I), Contentstack wire format. */
import { Hono } from "hono";
import { z } from "zod";
import { describePasswordProblem } from "../domain/password-policy";
import { authenticate } from "../domain/sessions";
import { signUp } from "../domain/sign-up";
import type { AppEnv } from "./app-env";
import { apiError } from "./errors";
import { ipRateLimit } from "./ip-rate-limit";
import { userJson } from "./user-json";
import { jsonBody } from "./validation";

const name = z.string().trim().max(100).nullish();

const signUpBody = z.strictObject({
  user: z.strictObject({
    email: z.email("is not a valid email address.").max(254),
    password: z.string().max(1024),
    password_confirmation: z.string().max(1024),
    first_name: name,
    last_name: name,
  }),
});

export const userRoutes = new Hono<AppEnv>()
  .post("/", ipRateLimit("IP_SIGN_UP_LIMIT"), ...jsonBody(signUpBody), async (c) => {
    const { user } = c.req.valid("json");
    const config = c.get("config");
    const result = await signUp(
      c.env,
      config,
      {
        email: user.email,
        password: user.password,
        passwordConfirmation: user.password_confirmation,
        firstName: user.first_name || null,
        lastName: user.last_name || null,
      },
      c.get("client"),
      Date.now(),
    );
    if (result.ok) return c.json({ notice: "Your account has been created.", user: userJson(result.user) }, 201);
    switch (result.reason) {
      case "password_mismatch":
        return apiError(c, "validation_failed", { password_confirmation: ["doesn't match password."] });
      case "password_rejected":
        return apiError(c, "password_rejected", { password: [describePasswordProblem(result.problem, config.passwordMinLength)] });
      case "email_taken":
        return apiError(c, "email_taken", { email: ["is already taken."] });
    }
  })
  .get("/", async (c) => {
    const auth = await authenticate(c.env, c.req.header("authtoken"), Date.now());
    if (auth === null) return apiError(c, "not_logged_in");
    return c.json({ user: userJson(auth.user, { authtoken: auth.token, failedAttempts: auth.failedAttempts }) });
  });
