/** Who is asking: recorded on sessions and audit events, and shown in emails ("requested from …"). */
import { truncateUserAgent } from "./user-agent";

export interface ClientInfo {
  /** CF-Connecting-IP, which Cloudflare sets; null in local tools that do not send it. */
  ip: string | null;
  userAgent: string | null;
  /** "City, Country" from request.cf when Cloudflare provides it. */
  location: string | null;
}

/** The client of a request, as Cloudflare describes it. */
export function clientInfo(request: Request): ClientInfo {
  const cf = (request as Request & { cf?: { city?: unknown; country?: unknown } }).cf;
  const place = [cf?.city, cf?.country].filter((part): part is string => typeof part === "string" && part !== "");
  return {
    ip: request.headers.get("cf-connecting-ip"),
    userAgent: truncateUserAgent(request.headers.get("user-agent")),
    location: place.length > 0 ? place.join(", ") : null,
  };
}
