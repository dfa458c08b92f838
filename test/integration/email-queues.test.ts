/**
 * Email past one queue: with EMAIL_QUEUES=2 (the test configuration binds a second queue, email-2, to the
 * same consumer) jobs spread over both by a stable hash, one address's jobs always share a queue, and mail
 * sent through either queue arrives.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { readConfig } from "../../src/core/config";
import { emailKey } from "../../src/core/email-address";
import { emailQueueIndex } from "../../src/core/email-queues";
import worker from "../../src/dev/worker";
import { BASE, randomIp, signUp, uniqueEmail, waitForMail } from "../helpers";

const twoQueues = { ...env, EMAIL_QUEUES: "2" } as Env;
const secondQueue = (env as unknown as { EMAIL_QUEUE_2: Queue }).EMAIL_QUEUE_2;

async function forgot(email: string) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(
    new Request(`${BASE}/v3/user/forgot_password`, {
      method: "POST",
      body: JSON.stringify({ user: { email } }),
      headers: { "content-type": "application/json", "cf-connecting-ip": randomIp() },
    }),
    twoQueues,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

describe("email queues", () => {
  it("the queue of a key: FNV-1a, known answers, and an even spread", () => {
    expect(emailQueueIndex("a", 7)).toBe(0xe40c292c % 7);
    expect(emailQueueIndex("foobar", 7)).toBe(0xbf9cf968 % 7);
    expect(emailQueueIndex("anything", 1)).toBe(0);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[emailQueueIndex(emailKey(`person.${i}@example.com`), 4)]! += 1;
    for (const n of counts) expect(n).toBeGreaterThan(900);
  });

  it("EMAIL_QUEUES names queues that must be bound", () => {
    expect(() => readConfig({ ...env, EMAIL_QUEUES: "3" } as Env)).toThrow(
      "EMAIL_QUEUES=3 needs a binding EMAIL_QUEUE_3",
    );
    expect(readConfig(twoQueues).emailQueues).toBe(2);
  });

  it("jobs spread over both queues, one address always on the same one, and mail through either arrives", async () => {
    const first = vi.spyOn(env.EMAIL_QUEUE, "send");
    const second = vi.spyOn(secondQueue, "send");
    const addresses = Array.from({ length: 12 }, (_, i) => uniqueEmail(`queues-${i}`));
    for (const address of addresses) {
      expect((await forgot(address)).status).toBe(200);
      expect((await forgot(address)).status).toBe(200); // the same address again: the same queue
    }
    const sentTo = (spy: typeof first) => spy.mock.calls.map(([job]) => (job as { email: string }).email);
    for (const address of addresses) {
      const queue = emailQueueIndex(emailKey(address), 2) === 0 ? sentTo(first) : sentTo(second);
      expect(queue.filter((e) => e === address)).toHaveLength(2);
    }
    expect(first).toHaveBeenCalled();
    expect(second).toHaveBeenCalled();

    vi.restoreAllMocks();
    const viaSecond = Array.from({ length: 40 }, (_, i) => uniqueEmail(`queue-two-${i}`)).find(
      (address) => emailQueueIndex(emailKey(address), 2) === 1,
    )!;
    await signUp(viaSecond);
    expect((await forgot(viaSecond)).status).toBe(200);
    expect((await waitForMail(viaSecond))[0]!.subject).toBe("Reset your password");
  });
});
