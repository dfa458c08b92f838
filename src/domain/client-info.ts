/** Who is asking: recorded on sessions and audit events, and shown in emails ("requested from …"). */

export interface ClientInfo {
  /** CF-Connecting-IP, which Cloudflare sets; null in local tools that do not send it. */
  ip: string | null;
  userAgent: string | null;
  /** "City, Country" from request.cf when Cloudflare provides it. */
  location: string | null;
}

export function clientInfo(request: Request): ClientInfo {
  const cf = (request as Request & { cf?: { city?: unknown; country?: unknown } }).cf;
  const place = [cf?.city, cf?.country].filter((part): part is string => typeof part === "string" && part !== "");
  return {
    ip: request.headers.get("cf-connecting-ip"),
    userAgent: request.headers.get("user-agent")?.slice(0, 512) ?? null,
    location: place.length > 0 ? place.join(", ") : null,
  };
}
