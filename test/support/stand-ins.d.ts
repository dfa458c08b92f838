// Types for the stand-ins, which are plain Node modules shared by vitest's global setup and the node:test tiers.
declare module "*/resend-stand-in.mjs" {
  export function startResendStandIn(options?: { apiKey?: string; ratePerSecond?: number }): Promise<{
    url: string;
    apiKey: string;
    emails: { id: string; headers: Record<string, string>; body: Record<string, unknown>; receivedAt: number }[];
    stats: Record<string, number>;
    close(): Promise<void>;
  }>;
}
declare module "*/hibp-stand-in.mjs" {
  export const BREACHED_PASSWORDS: string[];
  export function startHibpStandIn(options?: { breached?: string[] }): Promise<{
    url: string;
    requests: { url: string; userAgent: string | null; padding: string | null }[];
    close(): Promise<void>;
  }>;
}
declare module "*/turnstile-stand-in.mjs" {
  export function startTurnstileStandIn(options?: { secret?: string; hostname?: string }): Promise<{
    url: string;
    verifyUrl: string;
    secret: string;
    siteKey: string;
    requests: { method: string; path: string; body: Record<string, string> | null }[];
    close(): Promise<void>;
  }>;
}
declare module "*/webhook-receiver-stand-in.mjs" {
  export function startWebhookReceiverStandIn(): Promise<{
    url: string;
    secret: string;
    requests: { path: string; method: string; headers: Record<string, string>; body: string; status: number }[];
    close(): Promise<void>;
  }>;
}
