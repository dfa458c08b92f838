/**
 * The whole story through the Worker's fetch: sign up, sign in on three devices, forgot password,
 * the queue delivers the email, reset. Then every session is gone and only the new password works.
 */
import { describe, expect, it } from "vitest";
import {
  authtokenFor,
  json,
  mailbox,
  NEW_PASSWORD,
  resetPassword,
  resetTokenFor,
  STRONG_PASSWORD,
  signIn,
  signUp,
  uniqueEmail,
  waitForMail,
  whoAmI,
} from "../helpers";

describe("forgot and reset password, end to end", () => {
  it("resets the password, signs out every device, and mails a notice", async () => {
    const email = uniqueEmail("story");
    await signUp(email);
    const laptop = await authtokenFor(email, STRONG_PASSWORD, "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0");
    const phone = await authtokenFor(email, STRONG_PASSWORD, "Mozilla/5.0 (iPhone) Safari/605.1");
    const sdk = await authtokenFor(email, STRONG_PASSWORD, "sdk contentstack-management-javascript/1.30.2");
    for (const token of [laptop, phone, sdk]) expect((await whoAmI(token)).status).toBe(200);

    const token = await resetTokenFor(email);
    const [resetMail] = await mailbox(email);
    expect(resetMail!.subject).toBe("Reset your password");
    expect(resetMail!.text).toContain("https://accounts.example.test/reset-password?token=");
    expect(resetMail!.text).toContain("expire 60 minutes after the request");
    expect(resetMail!.html).toContain("Reset Password");

    const reset = await resetPassword(token);
    expect(reset.status).toBe(200);
    expect(await json(reset)).toEqual({ notice: "Your password has been reset successfully." });

    for (const old of [laptop, phone, sdk]) {
      const response = await whoAmI(old);
      expect(response.status).toBe(401);
      expect(await json(response)).toMatchObject({ error_code: 105 });
    }
    expect((await signIn(email, STRONG_PASSWORD)).status).toBe(422);
    expect((await signIn(email, NEW_PASSWORD)).status).toBe(200);

    const reuse = await resetPassword(token, "another-brand-new-passphrase");
    expect(reuse.status).toBe(422);
    expect(await json(reuse)).toMatchObject({
      error_code: 162,
      errors: { reset_password_token: ["is invalid or has expired."] },
    });

    const messages = await waitForMail(email, 2);
    expect(messages[0]!.subject).toBe("Your password was changed");
    expect(messages[0]!.text).toContain("If this wasn't you");
  });
});
