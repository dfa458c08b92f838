declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    TEST_RESEND_URL: string;
    TEST_RESEND_API_KEY: string;
    TEST_HIBP_URL: string;
    TEST_TURNSTILE_URL: string;
    TEST_TURNSTILE_SECRET: string;
    TEST_TURNSTILE_SITE_KEY: string;
    TEST_WEBHOOK_URL: string;
    WEBHOOK_SECRET: string;
  }
}
