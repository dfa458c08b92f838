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

/**
 * The unit a client controls: an IPv4 address, or an IPv6 /64 (one subscriber usually holds a whole /64,
 * so keying on the full address would let them rotate past every limit).
 */
export function clientNetwork(ip: string | null): string {
  if (ip === null) return "unknown";
  if (!ip.includes(":")) return ip;
  const [head, tail = ""] = ip.toLowerCase().split("::");
  const left = head === "" ? [] : head!.split(":");
  const right = tail === "" ? [] : tail.split(":");
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
