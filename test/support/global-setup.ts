/**
 * Runs in Node before the Workers-runtime tests: starts the Resend and Have I Been Pwned stand-ins, whose
 * URLs the tests receive as bindings (TEST_RESEND_URL, TEST_HIBP_URL), so outbound calls are made with the
 * real global fetch over HTTP.
 */
import type { TestProject } from "vitest/node";
import { startHibpStandIn } from "./hibp-stand-in.mjs";
import { startResendStandIn } from "./resend-stand-in.mjs";

/** Passwords the HIBP stand-in lists as breached (policy-valid otherwise). */
export const BREACHED_PASSWORDS = ["correct-horse-battery-staple-1", "tangerine-violin-harbour-88"];

declare module "vitest" {
  export interface ProvidedContext {
    resendUrl: string;
    resendApiKey: string;
    hibpUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const resend = await startResendStandIn();
  const hibp = await startHibpStandIn({ breached: BREACHED_PASSWORDS });
  project.provide("resendUrl", resend.url);
  project.provide("resendApiKey", resend.apiKey);
  project.provide("hibpUrl", hibp.url);
  return async () => {
    await resend.close();
    await hibp.close();
  };
}
