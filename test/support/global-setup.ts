/**
 * Runs in Node before the Workers-runtime tests: starts the Resend, Have I Been Pwned and Turnstile
 * siteverify stand-ins and a receiver of our outbound events, whose URLs the tests receive as bindings
 * (TEST_RESEND_URL, TEST_HIBP_URL, TEST_TURNSTILE_URL, TEST_WEBHOOK_URL), so outbound calls are made with the
 * real global fetch over HTTP.
 */
import type { TestProject } from "vitest/node";
import { BREACHED_PASSWORDS, startHibpStandIn } from "./hibp-stand-in.mjs";
import { startResendStandIn } from "./resend-stand-in.mjs";
import { startTurnstileStandIn } from "./turnstile-stand-in.mjs";
import { startWebhookReceiverStandIn } from "./webhook-receiver-stand-in.mjs";

export { BREACHED_PASSWORDS } from "./hibp-stand-in.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    resendUrl: string;
    resendApiKey: string;
    hibpUrl: string;
    turnstileUrl: string;
    turnstileSecret: string;
    turnstileSiteKey: string;
    webhookReceiverUrl: string;
    webhookSecret: string;
  }
}

export default async function setup(project: TestProject) {
  const resend = await startResendStandIn();
  const hibp = await startHibpStandIn({ breached: BREACHED_PASSWORDS });
  project.provide("resendUrl", resend.url);
  project.provide("resendApiKey", resend.apiKey);
  project.provide("hibpUrl", hibp.url);
  const turnstile = await startTurnstileStandIn();
  project.provide("turnstileUrl", turnstile.url);
  project.provide("turnstileSecret", turnstile.secret);
  project.provide("turnstileSiteKey", turnstile.siteKey);
  const receiver = await startWebhookReceiverStandIn();
  project.provide("webhookReceiverUrl", receiver.url);
  project.provide("webhookSecret", receiver.secret);
  return async () => {
    await receiver.close();
    await resend.close();
    await hibp.close();
    await turnstile.close();
  };
}
