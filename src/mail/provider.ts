/** Chooses the email provider named by EMAIL_PROVIDER: Resend over HTTP, or the dev mailbox. */
import type { Config } from "../core/config";
import { MailboxProvider } from "./mailbox";
import { ResendProvider } from "./resend";
import type { EmailProvider } from "./types";

/** The configured provider; config validation guarantees Resend has its key. */
export function emailProvider(env: Env, config: Config): EmailProvider {
  switch (config.emailProvider) {
    case "resend":
      return new ResendProvider({
        apiUrl: config.resendApiUrl,
        apiKey: config.resendApiKey!,
        from: config.mailFrom,
        replyTo: config.replyTo,
      });
    case "mailbox":
      return new MailboxProvider(env.KV);
  }
}
