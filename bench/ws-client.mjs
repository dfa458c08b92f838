// A minimal WebSocket client over node:net (RFC 6455), enough to hold the page's /live socket open.
// Node 22's global WebSocket cannot set a Cookie header, and `ws` is not a dependency of this project.
// Only what the bench needs: the upgrade with custom headers, unmasked server frames (text, close, ping),
// and the arrival time of each message.
import { createHash, randomBytes } from "node:crypto";
import net from "node:net";

const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

/** @typedef {{ at: number, data: string }} Message */
/** @typedef {{ code: number, reason: string, at: number }} Closed */
/**
 * @typedef {{ messages: Message[], closed: Promise<Closed>, nextMessage(timeoutMs?: number): Promise<Message>,
 *   sendText(text: string): void, destroy(): void }} WebSocketClient
 */

/**
 * Opens a socket to `url` (ws://host:port/path) with extra request headers.
 * Resolves once the server answered 101 with a valid Sec-WebSocket-Accept.
 * The returned object has `messages` ({ at, data } with `at` from performance.now()),
 * `nextMessage(timeoutMs)`, `closed` (a promise of { code, reason, at }) and `destroy()`.
 * @param {string} url
 * @param {Record<string, string>} headers
 * @returns {Promise<WebSocketClient>}
 */
export function openWebSocket(url, headers = {}, { timeoutMs = 5000 } = {}) {
  const { hostname, port, pathname, search } = new URL(url);
  const key = randomBytes(16).toString("base64");
  const expectedAccept = createHash("sha1")
    .update(key + GUID)
    .digest("base64");
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    socket.setNoDelay(true);
    const timer = setTimeout(() => fail(new Error(`WebSocket upgrade timed out after ${timeoutMs} ms`)), timeoutMs);
    let buffer = Buffer.alloc(0);
    let upgraded = false;
    /** @type {Message[]} */
    const messages = [];
    /** @type {((message: Message) => void)[]} */
    const waiters = [];
    /** How many messages nextMessage() has handed out. */
    let taken = 0;
    /** @type {(closed: Closed) => void} */
    let resolveClosed = () => {};
    /** @type {Promise<Closed>} */
    const closed = new Promise((r) => {
      resolveClosed = r;
    });
    /** @type {Buffer[] | null} */
    let fragments = null;

    function fail(/** @type {Error} */ error) {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    }

    socket.on("connect", () => {
      const lines = [
        `GET ${pathname}${search} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        "Upgrade: websocket",
        "Connection: Upgrade",
        `Sec-WebSocket-Key: ${key}`,
        "Sec-WebSocket-Version: 13",
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
        "",
        "",
      ];
      socket.write(lines.join("\r\n"));
    });
    socket.on("error", (error) =>
      upgraded ? resolveClosed({ code: 1006, reason: String(error), at: performance.now() }) : fail(error),
    );
    socket.on("close", () => resolveClosed({ code: 1006, reason: "socket closed", at: performance.now() }));
    socket.on("data", (chunk) => {
      const at = performance.now();
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end === -1) return;
        const head = buffer.subarray(0, end).toString("latin1");
        buffer = buffer.subarray(end + 4);
        const [statusLine, ...headerLines] = head.split("\r\n");
        const status = Number(statusLine?.split(" ")[1]);
        const responseHeaders = Object.fromEntries(
          headerLines.map((l) => [l.slice(0, l.indexOf(":")).trim().toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]),
        );
        if (status !== 101) return fail(new Error(`WebSocket upgrade refused: ${statusLine}`));
        if (responseHeaders["sec-websocket-accept"] !== expectedAccept)
          return fail(new Error("bad Sec-WebSocket-Accept"));
        upgraded = true;
        clearTimeout(timer);
        resolve(client);
      }
      parseFrames(at);
    });

    function parseFrames(/** @type {number} */ at) {
      for (;;) {
        if (buffer.length < 2) return;
        const [first, second] = [buffer.readUInt8(0), buffer.readUInt8(1)];
        const fin = (first & 0x80) !== 0;
        const opcode = first & 0x0f;
        const masked = (second & 0x80) !== 0;
        let length = second & 0x7f;
        let offset = 2;
        if (length === 126) {
          if (buffer.length < 4) return;
          length = buffer.readUInt16BE(2);
          offset = 4;
        } else if (length === 127) {
          if (buffer.length < 10) return;
          length = Number(buffer.readBigUInt64BE(2));
          offset = 10;
        }
        const maskOffset = offset;
        if (masked) offset += 4;
        if (buffer.length < offset + length) return;
        const payload = Buffer.from(buffer.subarray(offset, offset + length));
        if (masked)
          for (let i = 0; i < payload.length; i++)
            payload.writeUInt8(payload.readUInt8(i) ^ buffer.readUInt8(maskOffset + (i % 4)), i);
        buffer = buffer.subarray(offset + length);
        if (opcode === 0x8) {
          const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
          const reason = payload.length > 2 ? payload.subarray(2).toString("utf8") : "";
          sendFrame(0x8, payload.subarray(0, 2));
          socket.end();
          resolveClosed({ code, reason, at });
          continue;
        }
        if (opcode === 0x9) {
          sendFrame(0xa, payload);
          continue;
        }
        if (opcode === 0xa) continue;
        if (opcode === 0x1 || opcode === 0x2 || opcode === 0x0) {
          fragments = fragments === null ? [payload] : [...fragments, payload];
          if (!fin) continue;
          const data = Buffer.concat(fragments).toString("utf8");
          fragments = null;
          const message = { at, data };
          messages.push(message);
          const waiter = waiters.shift();
          if (waiter !== undefined) waiter(message);
        }
      }
    }

    /** Client frames must be masked. */
    function sendFrame(/** @type {number} */ opcode, payload = Buffer.alloc(0)) {
      if (socket.destroyed) return;
      const mask = randomBytes(4);
      const header = payload.length < 126 ? Buffer.from([0x80 | opcode, 0x80 | payload.length]) : null;
      if (header === null) throw new Error("bench client sends only short frames");
      const body = Buffer.from(payload);
      for (let i = 0; i < body.length; i++) body.writeUInt8(body.readUInt8(i) ^ mask.readUInt8(i % 4), i);
      socket.write(Buffer.concat([header, mask, body]));
    }

    /** @type {WebSocketClient} */
    const client = {
      messages,
      closed,
      /** The next message not yet taken (or one that arrives within timeoutMs). */
      nextMessage(timeoutMs = 5000) {
        const ready = messages[taken];
        if (ready !== undefined) {
          taken++;
          return Promise.resolve(ready);
        }
        return new Promise((res, rej) => {
          const t = setTimeout(() => rej(new Error(`no WebSocket message within ${timeoutMs} ms`)), timeoutMs);
          waiters.push((m) => {
            clearTimeout(t);
            taken++;
            res(m);
          });
        });
      },
      sendText(text) {
        sendFrame(0x1, Buffer.from(text, "utf8"));
      },
      destroy() {
        socket.destroy();
      },
    };
  });
}
