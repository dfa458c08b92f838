// A local stand-in for Have I Been Pwned's range API (GET /range/{first 5 hex of SHA-1}), so the real
// breach-check code is tested over HTTP through the real global fetch. Like the real service it wants a
// User-Agent, answers upper-case suffix:count lines, and with Add-Padding: true adds lines with count 0.
import { createHash } from "node:crypto";
import http from "node:http";

/** Passwords the tests have the stand-in list as breached (otherwise valid under the policy). */
export const BREACHED_PASSWORDS = ["correct-horse-battery-staple-1", "tangerine-violin-harbour-88"];

/** Starts the stand-in on 127.0.0.1 with `breached` passwords listed; resolves to { url, requests, close }. */
export async function startHibpStandIn({ breached = [] } = {}) {
  const listed = new Map(
    breached.map((p) => [createHash("sha1").update(p.normalize("NFKC")).digest("hex").toUpperCase(), 42]),
  );
  const requests = [];
  const server = http.createServer((req, res) => {
    const match = /^\/range\/([0-9A-F]{5})$/i.exec(req.url ?? "");
    requests.push({
      url: req.url,
      userAgent: req.headers["user-agent"] ?? null,
      padding: req.headers["add-padding"] ?? null,
    });
    if (!req.headers["user-agent"]) return end(res, 403, "A User-Agent is required.");
    if (match === null) return end(res, 400, "The hash prefix was not in a valid format");
    const prefix = match[1].toUpperCase();
    const lines = [...listed].filter(([hash]) => hash.startsWith(prefix)).map(([hash, n]) => `${hash.slice(5)}:${n}`);
    if (req.headers["add-padding"] === "true") for (let i = 0; i < 5; i++) lines.push(`${"0".repeat(34)}${i}:0`);
    end(res, 200, lines.join("\r\n"));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function end(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain" });
  res.end(text);
}
