// A local receiver of our signed outbound events, so the queue's consumer POSTs through the real global
// fetch over HTTP. It keeps every request as it arrived (the raw body and the headers, for the test to verify
// with the standardwebhooks library) and answers 204, or each status a test planned for a path, in turn.
// Test-only endpoints: GET /__stand-in/requests?path=/hooks/x (the requests to that path, in order),
// POST /__stand-in/plan {"path": "/hooks/x", "statuses": [500]}.
import { randomBytes } from "node:crypto";
import http from "node:http";

/** Starts the receiver on 127.0.0.1 (a free port); resolves to { url, secret, requests, close }. */
export async function startWebhookReceiverStandIn() {
  // A Standard Webhooks symmetric secret: "whsec_" and 32 random bytes in base64.
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const requests = [];
  const plans = new Map(); // path -> statuses still to answer

  const server = http.createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url, "http://stand-in");
    if (url.pathname === "/__stand-in/requests") {
      const path = url.searchParams.get("path");
      return send(res, 200, JSON.stringify(requests.filter((r) => r.path === path)));
    }
    if (url.pathname === "/__stand-in/plan" && req.method === "POST") {
      const { path, statuses } = JSON.parse(raw);
      plans.set(path, [...statuses]);
      return send(res, 200, "{}");
    }
    const status = plans.get(url.pathname)?.shift() ?? 204;
    requests.push({
      path: url.pathname,
      method: req.method,
      headers: { ...req.headers },
      body: raw,
      status,
      at: Date.now(),
    });
    return send(res, status, status === 204 ? "" : JSON.stringify({ status }));
  });

  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, secret, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

function send(res, status, text) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(status === 204 ? undefined : text);
}

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}
