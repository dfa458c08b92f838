// A local stand-in for Resend's POST /emails that enforces what Resend documents, so the real provider code
// is tested over HTTP through the real global fetch, not against our idea of Resend:
// - a User-Agent on every request (403, Cloudflare error 1010, without one), Bearer auth (401/403);
// - the body: from ("Name <a@b>" or "a@b"), to (1–50 addresses), subject, html or text, optional reply_to,
//   headers (object of strings) and tags (name/value of ASCII letters, digits, _ and -, at most 256 chars);
// - Idempotency-Key (1–256 chars): the same key and body give the same id; the same key with another body is
//   409 invalid_idempotent_request; a key still in flight is 409 concurrent_idempotent_requests;
// - a per-team rate limit (default 5 requests/s, a sliding second) with 429 rate_limit_exceeded and the
//   retry-after and ratelimit-* headers; a quota switch answering 429 daily_quota_exceeded.
// Test-only endpoints: GET /__stand-in/emails (accepted emails, in order), GET /__stand-in/stats,
// POST /__stand-in/mode {"quota": "daily"|"monthly"|null, "latencyMs": n}.
import { randomUUID } from "node:crypto";
import http from "node:http";

const MAILBOX = /^(?:[^<>@\r\n]+ )?<[^\s<>@]+@[^\s<>@]+>$|^[^\s<>@]+@[^\s<>@]+$/;
const TAG = /^[A-Za-z0-9_-]{1,256}$/;

/** Starts the stand-in on 127.0.0.1 (a free port); resolves to { url, apiKey, emails, stats, close }. */
export async function startResendStandIn({ apiKey = "re_stand_in_key", ratePerSecond = 5 } = {}) {
  const emails = [];
  const stats = { requests: 0, withoutUserAgent: 0, rateLimited: 0, accepted: 0, replayed: 0 };
  const idempotency = new Map(); // key -> { body, id } once done, or { body, inFlight: true }
  const recent = []; // request times for the sliding-second rate limit
  const mode = { quota: null, latencyMs: 0 };

  const server = http.createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url, "http://stand-in");
    if (url.pathname.startsWith("/__stand-in/")) return control(url, req, raw, res);
    stats.requests++;
    if (!req.headers["user-agent"]) {
      stats.withoutUserAgent++;
      return send(res, 403, "error code: 1010", { "content-type": "text/plain" });
    }
    if (req.method !== "POST" || url.pathname !== "/emails")
      return error(res, 405, "method_not_allowed", "Method not allowed");
    const auth = req.headers.authorization ?? "";
    if (auth === "") return error(res, 401, "missing_api_key", "Missing API key in the authorization header.");
    if (auth !== `Bearer ${apiKey}`) return error(res, 403, "invalid_api_key", "API key is invalid.");

    const now = Date.now();
    while (recent.length > 0 && recent[0] <= now - 1000) recent.shift();
    const rateHeaders = () => ({
      "ratelimit-limit": String(ratePerSecond),
      "ratelimit-remaining": String(Math.max(0, ratePerSecond - recent.length)),
      "ratelimit-reset": "1",
    });
    if (recent.length >= ratePerSecond) {
      stats.rateLimited++;
      return error(res, 429, "rate_limit_exceeded", "Too many requests.", { ...rateHeaders(), "retry-after": "1" });
    }
    recent.push(now);
    if (mode.quota !== null) {
      return error(
        res,
        429,
        `${mode.quota}_quota_exceeded`,
        `You have reached your ${mode.quota} email sending quota.`,
      );
    }

    let body;
    try {
      body = JSON.parse(raw);
    } catch {
      return error(res, 400, "validation_error", "Invalid JSON body.");
    }
    const problem = validate(body);
    if (problem !== null) return error(res, 422, "validation_error", problem);

    const key = req.headers["idempotency-key"];
    if (key !== undefined && (key.length < 1 || key.length > 256)) {
      return error(res, 400, "invalid_idempotency_key", "The key must be between 1-256 chars.");
    }
    if (key !== undefined && idempotency.has(key)) {
      const seen = idempotency.get(key);
      if (seen.body !== raw)
        return error(
          res,
          409,
          "invalid_idempotent_request",
          "Same idempotency key used with a different request body.",
        );
      if (seen.inFlight)
        return error(
          res,
          409,
          "concurrent_idempotent_requests",
          "Same idempotency key used while a request is in progress.",
        );
      stats.replayed++;
      return send(res, 200, JSON.stringify({ id: seen.id }), rateHeaders());
    }
    if (key !== undefined) idempotency.set(key, { body: raw, inFlight: true });
    if (mode.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, mode.latencyMs));
    const id = randomUUID();
    emails.push({ id, headers: { ...req.headers }, body, receivedAt: now });
    stats.accepted++;
    if (key !== undefined) idempotency.set(key, { body: raw, id });
    return send(res, 200, JSON.stringify({ id }), rateHeaders());
  });

  function control(url, req, raw, res) {
    if (url.pathname === "/__stand-in/emails") return send(res, 200, JSON.stringify(emails));
    if (url.pathname === "/__stand-in/stats") return send(res, 200, JSON.stringify(stats));
    if (url.pathname === "/__stand-in/mode" && req.method === "POST") {
      Object.assign(mode, JSON.parse(raw || "{}"));
      return send(res, 200, JSON.stringify(mode));
    }
    return send(res, 404, "{}");
  }

  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    apiKey,
    emails,
    stats,
    mode,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The first documented field problem of a send-email body, or null. */
function validate(body) {
  if (typeof body !== "object" || body === null) return "The body must be an object.";
  if (typeof body.from !== "string" || !MAILBOX.test(body.from))
    return "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.";
  const to = typeof body.to === "string" ? [body.to] : body.to;
  if (
    !Array.isArray(to) ||
    to.length < 1 ||
    to.length > 50 ||
    !to.every((a) => typeof a === "string" && MAILBOX.test(a))
  ) {
    return "Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.";
  }
  if (typeof body.subject !== "string" || body.subject === "") return "Missing `subject` field.";
  if (typeof body.html !== "string" && typeof body.text !== "string") return "Missing `html` or `text` field.";
  if (body.reply_to !== undefined) {
    const replyTo = typeof body.reply_to === "string" ? [body.reply_to] : body.reply_to;
    if (!Array.isArray(replyTo) || !replyTo.every((a) => typeof a === "string" && MAILBOX.test(a)))
      return "Invalid `reply_to` field.";
  }
  if (
    body.headers !== undefined &&
    (typeof body.headers !== "object" || Object.values(body.headers).some((v) => typeof v !== "string"))
  ) {
    return "Invalid `headers` field.";
  }
  if (body.tags !== undefined) {
    if (!Array.isArray(body.tags) || !body.tags.every((t) => TAG.test(t?.name ?? "") && TAG.test(t?.value ?? ""))) {
      return "Invalid `tags` field. Tags may only contain ASCII letters, numbers, underscores, or dashes.";
    }
  }
  return null;
}

function error(res, status, name, message, headers = {}) {
  return send(res, status, JSON.stringify({ statusCode: status, name, message }), headers);
}

function send(res, status, text, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(text);
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}
