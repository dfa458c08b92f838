// The live sign-out push: sign in, open the page's socket, reset the password, and time the arrival of
// {"type":"signout","reason":"password_reset"} against the arrival of the reset response's last byte.
import { expectStatus, signIn } from "../context.mjs";
import { judge } from "../figures.mjs";
import { NEW_PASSWORD } from "../profile.mjs";
import { sleep } from "../server.mjs";
import { median } from "../stats.mjs";
import { openWebSocket } from "../ws-client.mjs";

/** @typedef {import("../types.d.ts").BenchContext} BenchContext */

/** One sample per live account, with the reset link mailed to it in the set-up. */
export async function measureLiveSignOut(/** @type {BenchContext} */ ctx, /** @type {string[]} */ liveTokens) {
  const { server, client, accounts, sink } = ctx;
  await ctx.step("live sign-out push", async () => {
    /** @type {number[]} */
    const delays = [];
    /** @type {number[]} */
    const fromRequest = [];
    for (const [i, address] of accounts.live.entries()) {
      const authtoken = await signIn(ctx, address);
      const ws = await openWebSocket(`ws://127.0.0.1:${server.port}/live`, {
        Cookie: `__Host-session=${authtoken}`,
        Origin: server.origin,
      });
      try {
        await sleep(50);
        const sent = performance.now();
        const res = await client.post("/v3/user/reset_password", {
          user: { reset_password_token: liveTokens[i], password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD },
        });
        expectStatus(res, 200, "reset with an open socket");
        const message = await ws.nextMessage(5000);
        const payload = /** @type {{ type?: string, reason?: string }} */ (JSON.parse(message.data));
        if (payload.type !== "signout" || payload.reason !== "password_reset")
          throw new Error(`unexpected message ${message.data}`);
        delays.push(message.at - res.at);
        fromRequest.push(message.at - sent);
        const closed = await Promise.race([ws.closed, sleep(2000).then(() => null)]);
        if (closed === null) throw new Error("the server did not close the socket after signing it out");
      } finally {
        ws.destroy();
      }
      await sleep(100);
    }
    const clamped = delays.map((d) => Math.max(0, d));
    const worst = Math.max(...clamped);
    /** @type {import("../types.d.ts").Target} */
    const target = { op: "<=", value: 100, text: "≤ 100 ms (worst sample)" };
    sink.addFigure({
      id: "signout_push",
      label: `sign-out push after reset response (worst of ${delays.length})`,
      value: worst,
      unit: "ms",
      median_ms: median(clamped),
      raw_delays_ms: delays,
      from_request_start_ms: fromRequest,
      target,
      pass: judge(worst, target),
    });
    const before = delays.filter((d) => d < 0).length;
    ctx.log(
      `  delays after the response (ms; negative = the message came first): ${delays.map((d) => d.toFixed(1)).join(", ")}`,
    );
    sink.notes.push(
      `sign-out push: ${before} of ${delays.length} messages arrived before the reset response itself (the registry pushes inside beginReset, before the D1 write); such samples count as 0 ms.`,
    );
  });
}
