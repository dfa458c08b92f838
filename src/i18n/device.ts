/** A device in words, in the reader's language: "Firefox on Linux", "Firefox sur Linux", "Unknown device". */
import { userAgentParts } from "../core/user-agent";
import type { Translate } from "./types";

export function describeDevice(t: Translate, userAgent: string | null): string {
  const parts = userAgentParts(userAgent);
  if (parts === null) return t("email.device.unknown");
  const browser = parts.browser ?? t("email.device.unknownBrowser");
  return parts.system === null ? browser : t("email.device.on", { browser, system: parts.system });
}
