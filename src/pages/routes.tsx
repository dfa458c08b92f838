/**
 * The browser side: server-rendered pages that work without JavaScript, behind a nonce-based CSP,
 * no-referrer, no-store, and an Origin check on every form POST (hono/csrf).
 */
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { jsxRenderer } from "hono/jsx-renderer";
import { secureHeaders } from "hono/secure-headers";
import { HOUR_MS } from "../core/time";
import { accountRoutes } from "./account-routes";
import { COPY_CODES_JS, LIVE_SIGN_OUT_JS, PASSWORD_HINTS_JS, STYLESHEET, TIME_ZONE_JS } from "./assets";
import { readSessionCookie } from "./cookies";
import { renderErrorPage } from "./error-page";
import { Layout } from "./layout";
import { newDeviceRoutes } from "./new-device-routes";
import { type PageEnv, pageLanguage } from "./page-language";
import { passkeyFactorRoutes } from "./passkey-factor-routes";
import { passkeyRoutes } from "./passkey-routes";
import { PASSKEYS_JS } from "./passkey-script";
import { passkeyStepRoutes } from "./passkey-step-routes";
import { passwordCheckRoutes } from "./password-check-routes";
import { passwordResetCodeRoutes } from "./password-reset-code-routes";
import { passwordResetPageRoutes } from "./password-reset-routes";
import { recoveryRoutes } from "./recovery-routes";
import { secondAddressRoutes } from "./second-address-routes";
import { signInPageRoutes } from "./sign-in-routes";
import { frameSources, scriptSources } from "./turnstile-widget";
import { twoFactorSetupRoutes } from "./two-factor-setup-routes";

/** The same limit as the API's (16 KiB). */
const PAGE_BODY_LIMIT_BYTES = 16 * 1024;

/** Stylesheet and scripts change only with a deploy; an hour keeps a deploy visible soon. */
const STATIC_MAX_AGE_SECONDS = HOUR_MS / 1000;

const STATIC: Record<string, { body: string; type: string }> = {
  "/static/app.css": { body: STYLESHEET, type: "text/css; charset=utf-8" },
  "/static/live-sign-out.js": { body: LIVE_SIGN_OUT_JS, type: "text/javascript; charset=utf-8" },
  "/static/password-hints.js": { body: PASSWORD_HINTS_JS, type: "text/javascript; charset=utf-8" },
  "/static/copy-codes.js": { body: COPY_CODES_JS, type: "text/javascript; charset=utf-8" },
  "/static/time-zone.js": { body: TIME_ZONE_JS, type: "text/javascript; charset=utf-8" },
  "/static/passkeys.js": { body: PASSKEYS_JS, type: "text/javascript; charset=utf-8" },
};

/** Every page, behind the page middleware; routes mounted after this at "/" get the same middleware. */
export const pageRoutes = new Hono<PageEnv>();

pageRoutes.get("/static/:file", (c) => {
  const asset = STATIC[c.req.path];
  if (asset === undefined) return c.notFound();
  return c.body(asset.body, 200, {
    "Content-Type": asset.type,
    "Cache-Control": `public, max-age=${STATIC_MAX_AGE_SECONDS}`,
    "X-Content-Type-Options": "nosniff",
  });
});

pageRoutes.use(
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      // The nonce, and Turnstile's origin only where its widget may show (turnstile-widget.tsx).
      scriptSrc: [scriptSources],
      frameSrc: [frameSources],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy: "no-referrer",
    xFrameOptions: "DENY",
    crossOriginOpenerPolicy: "same-origin",
    // Sent by http/https-only.ts for every answer where the service is on https, the API's too; Hono's
    // default (includeSubDomains, even on local http) is not what this one host can promise.
    strictTransportSecurity: false,
  }),
);

pageRoutes.use(async function noStore(c, next) {
  await next();
  // Pages show account data or carry tokens: never cache them.
  c.header("Cache-Control", "no-store");
});

// Before anything that answers with words; /v3 never reaches here, so its English stays Contentstack's.
pageRoutes.use(pageLanguage());

// /v3 never reaches here (app.ts answers it first), so this guards page forms only.
pageRoutes.use(csrf());

// No page form needs more than a few hundred bytes; none may make the Worker read a large body.
pageRoutes.use(
  bodyLimit({
    maxSize: PAGE_BODY_LIMIT_BYTES,
    onError: (c) => renderErrorPage(c, 413, "tooLarge"),
  }),
);

pageRoutes.use(
  jsxRenderer(({ children, title, live, scripts, languageMenu }, c) => (
    <Layout
      title={title}
      live={live}
      scripts={scripts}
      languageMenu={languageMenu}
      nonce={(c as Context<PageEnv>).get("secureHeadersNonce") ?? ""}
    >
      {children}
    </Layout>
  )),
);

pageRoutes.get("/", (c) => c.redirect(readSessionCookie(c) !== undefined ? "/account" : "/login", 303));
pageRoutes.route("/", signInPageRoutes);
pageRoutes.route("/", passkeyRoutes);
pageRoutes.route("/", passkeyStepRoutes);
pageRoutes.route("/", passkeyFactorRoutes);
pageRoutes.route("/", passwordResetPageRoutes);
pageRoutes.route("/", passwordResetCodeRoutes);
pageRoutes.route("/", accountRoutes);
pageRoutes.route("/", twoFactorSetupRoutes);
pageRoutes.route("/", newDeviceRoutes);
pageRoutes.route("/", secondAddressRoutes);
pageRoutes.route("/", recoveryRoutes);
pageRoutes.route("/", passwordCheckRoutes);
