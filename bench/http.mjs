// A small HTTP client for the bench's setup steps and its concurrency-1 timing pairs: node:http with a
// keep-alive agent (one socket for sequential requests), timings from performance.now().
import http from "node:http";

let clients = 0;
/**
 * A new client address for every request, as real traffic has: the bench-mode Worker takes it from this
 * header in place of CF-Connecting-IP (src/dev/worker.ts). Addresses in 10.0.0.0/8, in order.
 */
export function nextClientIp() {
  clients = (clients + 1) % 16_777_216;
  return `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
}
export const CLIENT_IP_HEADER = "x-bench-client-ip";

/**
 * A client for `origin` with a keep-alive agent of `maxSockets` sockets.
 * @returns {import("./types.d.ts").HttpClient}
 */
export function createClient(/** @type {string} */ origin, { maxSockets = 16 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const { hostname, port } = new URL(origin);

  /**
   * Sends one request; resolves { status, headers, text, json(), ms } where ms runs from send to last byte.
   * @param {string} method
   * @param {string} path
   * @param {import("./types.d.ts").RequestOptions} options
   * @returns {Promise<import("./types.d.ts").HttpResponse>}
   */
  function request(method, path, { headers = {}, body, timeoutMs = 30_000 } = {}) {
    const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
    /** @type {Record<string, string>} */
    const allHeaders = { [CLIENT_IP_HEADER]: nextClientIp(), ...headers };
    if (payload !== undefined) {
      allHeaders["content-type"] ??= "application/json";
      allHeaders["content-length"] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        { agent, hostname, port, method, path, headers: allHeaders, timeout: timeoutMs },
        (res) => {
          /** @type {Buffer[]} */
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString("utf8");
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text,
              ms,
              at: performance.now(),
              json() {
                return JSON.parse(text);
              },
            });
          });
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)));
      req.on("error", reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  return {
    request,
    get: (path, options) => request("GET", path, options),
    post: (path, body, options = {}) => request("POST", path, { ...options, body }),
    close: () => agent.destroy(),
  };
}

/**
 * Runs `worker(item, index)` over items with at most `concurrency` in flight; results in item order.
 * @template T, R
 * @param {T[]} items
 * @param {number} concurrency
 * @param {(item: T, index: number) => Promise<R>} worker
 * @returns {Promise<R[]>}
 */
export async function pool(items, concurrency, worker) {
  /** @type {R[]} */
  const results = new Array(items.length);
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const i = next++;
      results[i] = await worker(/** @type {T} */ (items[i]), i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}
