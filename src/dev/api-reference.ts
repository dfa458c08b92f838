/**
 * GET /dev/api-reference: Scalar's reference page over /openapi.json, for development only (dev/worker.ts
 * mounts it; the production bundle has none of it). The page loads Scalar's bundle from its CDN, so it gets
 * a CSP of its own instead of the pages' (mounted before them): scripts only with this response's nonce
 * (Scalar's bundle needs no eval), requests only to this origin. Styles may be inline, which Scalar's
 * components need. No fonts from Scalar's servers: the page uses the system's.
 */
import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";
import { generateSecret } from "../core/secrets";
import type { AppEnv } from "../http/app-env";

const NONCE_BYTES = 16;

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    // Scalar's components set inline style attributes, which no nonce can allow (scalar/scalar#9422).
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; ");
}

export const devApiReferenceRoutes = new Hono<AppEnv>().get(
  "/dev/api-reference",
  async function apiReferenceHeaders(c, next) {
    const nonce = generateSecret(NONCE_BYTES);
    c.set("secureHeadersNonce", nonce);
    await next();
    c.header("Content-Security-Policy", contentSecurityPolicy(nonce));
    c.header("Cache-Control", "no-store");
    c.header("X-Content-Type-Options", "nosniff");
  },
  Scalar((c) => ({
    url: "/openapi.json",
    pageTitle: "API reference",
    nonce: c.get("secureHeadersNonce"),
    withDefaultFonts: false,
  })),
);
