// A local stand-in for Cloudflare Turnstile's siteverify (POST /turnstile/v0/siteverify) that answers as
// Cloudflare documents, so the real verification code is tested over HTTP through the real global fetch:
// - the body is application/x-www-form-urlencoded or JSON with secret, response, remoteip, idempotency_key;
//   any other method, content type or unreadable body is `bad-request`;
// - no secret: `missing-input-secret`; another secret: `invalid-input-secret`; no response:
//   `missing-input-response`; a token it never issued (or longer than 2048): `invalid-input-response`;
// - a token is single-use and lives 300 s: checked again, or too late, it is `timeout-or-duplicate`; except
//   that a retry with the same idempotency_key (a UUID) gets the first check's answer again;
// - every answer is 200 JSON: { success, "error-codes", challenge_ts, hostname, action, cdata, metadata }.
// Test-only endpoints: POST /__stand-in/token {"action", "fail"?, "times"?} issues a token as a solved widget
// would; with `fail`, its first `times` (default 1) checks answer that error code instead (internal-error is
// the one Cloudflare's own fault gives; "hang" answers only after 5 s). Per token, so parallel tests do not meet.
// GET /__stand-in/requests lists every siteverify request received (the secret masked).
import { randomUUID } from "node:crypto";
import http from "node:http";

const TOKEN_LIFETIME_MS = 300_000;
const TOKEN_MAX_LENGTH = 2048;
/** How long a "hang" token's check takes: past any caller's timeout. */
const HANG_MS = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Starts the stand-in on 127.0.0.1; resolves to { url, secret, siteKey, verifyUrl, requests, close }. */
export async function startTurnstileStandIn({
  secret = "0x4AAAAAAA-stand-in-secret",
  hostname = "accounts.example.test",
} = {}) {
  const tokens = new Map(); // token -> { action, issuedAt, used }
  const answered = new Map(); // idempotency_key -> { token, answer }
  const requests = [];

  const server = http.createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url, "http://stand-in");
    if (url.pathname.startsWith("/__stand-in/")) return control(url, req, raw, res);
    const body = parseBody(req, raw);
    requests.push({
      method: req.method,
      path: url.pathname,
      body: body === null ? null : { ...body, secret: body.secret === undefined ? undefined : "***" },
    });
    if (url.pathname !== "/turnstile/v0/siteverify")
      return json(res, 404, { success: false, "error-codes": ["not-found"] });
    const forced = body === null ? undefined : tokens.get(body.response);
    if (forced !== undefined && forced.failTimes > 0) {
      forced.failTimes--;
      // Answers only after any caller's timeout: the caller must have stopped waiting.
      if (forced.fail === "hang") return setTimeout(() => json(res, 200, refusal("internal-error")), HANG_MS);
      return json(res, 200, refusal(forced.fail));
    }
    if (req.method !== "POST" || body === null) return json(res, 200, refusal("bad-request"));
    if (!body.secret) return json(res, 200, refusal("missing-input-secret"));
    if (body.secret !== secret) return json(res, 200, refusal("invalid-input-secret"));
    if (!body.response) return json(res, 200, refusal("missing-input-response"));
    const key = typeof body.idempotency_key === "string" ? body.idempotency_key : null;
    if (key !== null && !UUID.test(key)) return json(res, 200, refusal("bad-request"));
    const earlier = key === null ? undefined : answered.get(key);
    if (earlier !== undefined && earlier.token === body.response) return json(res, 200, earlier.answer);
    const answer = check(body.response);
    if (key !== null) answered.set(key, { token: body.response, answer });
    return json(res, 200, answer);
  });

  function check(token) {
    const issued = token.length > TOKEN_MAX_LENGTH ? undefined : tokens.get(token);
    if (issued === undefined) return refusal("invalid-input-response");
    if (issued.used || Date.now() - issued.issuedAt > TOKEN_LIFETIME_MS) return refusal("timeout-or-duplicate");
    issued.used = true;
    return {
      success: true,
      challenge_ts: new Date(issued.issuedAt).toISOString(),
      hostname,
      "error-codes": [],
      action: issued.action,
      cdata: "",
      metadata: { interactive: false },
    };
  }

  function control(url, req, raw, res) {
    if (req.method === "POST" && url.pathname === "/__stand-in/token") {
      const { action = "", issuedAt = Date.now(), fail = null, times = 1 } = raw === "" ? {} : JSON.parse(raw);
      const token = `0.${randomUUID().replace(/-/g, "")}${randomUUID().replace(/-/g, "")}`;
      tokens.set(token, { action, issuedAt, used: false, fail, failTimes: fail === null ? 0 : times });
      return json(res, 200, { token });
    }
    if (req.method === "GET" && url.pathname === "/__stand-in/requests") return json(res, 200, requests);
    return json(res, 404, { error: "no such control" });
  }

  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    url: base,
    verifyUrl: `${base}/turnstile/v0/siteverify`,
    secret,
    siteKey: "0x4AAAAAAA-stand-in-site-key",
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** Cloudflare's failure shape. */
function refusal(code) {
  return { success: false, "error-codes": [code], messages: [] };
}

function parseBody(req, raw) {
  const type = (req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  try {
    if (type === "application/json") {
      const parsed = JSON.parse(raw);
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : null;
    }
    if (type === "application/x-www-form-urlencoded") return Object.fromEntries(new URLSearchParams(raw));
  } catch {
    return null;
  }
  return null;
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

function json(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}
