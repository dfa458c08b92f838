import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { shardBindings } from "./scripts/sharded-config.mjs";

// `npm run test:sharded` runs the same suite with users over several D1 shards: TEST_SHARD_LAYOUT="1,4" is
// a deployment that began with one database and grew to four (src/core/shards.ts).
const shardLayout = process.env.TEST_SHARD_LAYOUT ?? "1";
const extraShards = shardBindings(Number(shardLayout.split(",").at(-1))).slice(1);

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    plugins: [
      cloudflareTest(async ({ inject }) => ({
        wrangler: { configPath: "./wrangler.toml" },
        remoteBindings: false,
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            APP_URL: "https://accounts.example.test",
            // The stand-ins started by test/support/global-setup.ts; tests opt in by overriding env.
            TEST_RESEND_URL: inject("resendUrl"),
            TEST_RESEND_API_KEY: inject("resendApiKey"),
            TEST_HIBP_URL: inject("hibpUrl"),
            TEST_TURNSTILE_URL: inject("turnstileUrl"),
            TEST_TURNSTILE_SECRET: inject("turnstileSecret"),
            TEST_TURNSTILE_SITE_KEY: inject("turnstileSiteKey"),
            TEST_WEBHOOK_URL: inject("webhookReceiverUrl"),
            // The consumer signs with it; events go out only where a test's env sets WEBHOOK_URLS.
            WEBHOOK_SECRET: inject("webhookSecret"),
            D1_SHARD_LAYOUT: shardLayout,
          },
          d1Databases: Object.fromEntries(extraShards.map((binding) => [binding, `accounts-${binding}`])),
          // Faster batches for tests. This replaces the wrangler consumer settings, so retries and the
          // dead-letter queue are repeated here (docs/design.md, "Platform facts").
          // A second email queue, so tests can spread jobs over two (EMAIL_QUEUES=2; src/core/email-queues.ts).
          queueProducers: { EMAIL_QUEUE_2: { queueName: "email-2" } },
          queueConsumers: {
            email: { maxBatchTimeout: 0.05, maxRetries: 100, deadLetterQueue: "email-dlq", retryDelay: 0 },
            "email-2": { maxBatchTimeout: 0.05, maxRetries: 100, deadLetterQueue: "email-dlq", retryDelay: 0 },
            "email-dlq": { maxBatchTimeout: 0.05, maxRetries: 20 },
            webhooks: { maxBatchTimeout: 0.05, maxRetries: 100, deadLetterQueue: "webhooks-dlq", retryDelay: 0 },
          },
        },
      })),
    ],
    test: {
      include: ["test/**/*.test.ts"],
      setupFiles: ["./test/apply-migrations.ts", "./test/support/each-test.ts"],
      // Every spy (vi.spyOn on a binding, console, crypto) is restored before the next test.
      restoreMocks: true,
      // Console output goes straight to workerd's stdout instead of through vitest's worker RPC. Queue
      // consumers and waitUntil work log after their test has returned (a reset's email, a webhook); relayed
      // over RPC, such a line can still be in flight when a file's worker closes, and vitest then fails a
      // green run with "Closing rpc while onUserConsoleLog was pending" (vitest-dev/vitest#11153,
      // cloudflare/workers-sdk#15719). Spies on console work the same either way.
      disableConsoleIntercept: true,
      globalSetup: ["./test/support/global-setup.ts"],
      testTimeout: 20_000,
      name: shardLayout === "1" ? "one shard" : `shards ${shardLayout}`,
    },
  };
});
