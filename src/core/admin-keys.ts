/**
 * The admin API's keys: ADMIN_API_KEYS, a secret holding a JSON list of named keys with scopes, e.g.
 * `[{"name":"ops-alice","key":"<43+ random chars>","scopes":["read","sessions"]}]`. Unset or empty: the
 * admin API is off (404). A key is found by comparing SHA-256 digests in constant time against every
 * configured key, with no early exit, so timing tells neither which key nor how much of one matched.
 * No I/O.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { ConfigError } from "./config-values";

/** What a key may do: look up and export; end sessions; recovery (reset link, two-factor off, locks, suppression); erase. */
export const ADMIN_SCOPES = ["read", "sessions", "recovery", "erase"] as const;
export type AdminScope = (typeof ADMIN_SCOPES)[number];

/** One configured key: its name (audited), its scopes, and the digest it is matched by. */
export interface AdminKey {
  name: string;
  scopes: ReadonlySet<AdminScope>;
  digest: Uint8Array;
}

/** `openssl rand -base64 32` gives 44 characters; shorter keys could be guessed within the rate limit's years. */
export const MIN_ADMIN_KEY_LENGTH = 32;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const encoder = new TextEncoder();

/** The configured keys; an empty list when ADMIN_API_KEYS is unset or blank. Throws ConfigError on a bad value. */
export function parseAdminKeys(text: string | undefined): AdminKey[] {
  if (text === undefined || text.trim() === "") return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError("ADMIN_API_KEYS must be a JSON list of {name, key, scopes}");
  }
  if (!Array.isArray(parsed)) throw new ConfigError("ADMIN_API_KEYS must be a JSON list of {name, key, scopes}");
  const names = new Set<string>();
  return parsed.map((entry: unknown, i) => {
    const { name, key, scopes } = (entry ?? {}) as { name?: unknown; key?: unknown; scopes?: unknown };
    if (typeof name !== "string" || !NAME.test(name) || names.has(name)) {
      throw new ConfigError(`ADMIN_API_KEYS[${i}]: a unique name of letters, digits, ".", "_" or "-"`);
    }
    names.add(name);
    if (typeof key !== "string" || key.length < MIN_ADMIN_KEY_LENGTH) {
      throw new ConfigError(`ADMIN_API_KEYS[${i}] (${name}): a key of at least ${MIN_ADMIN_KEY_LENGTH} characters`);
    }
    if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every(isScope)) {
      throw new ConfigError(`ADMIN_API_KEYS[${i}] (${name}): scopes from ${ADMIN_SCOPES.join(", ")}`);
    }
    return { name, scopes: new Set(scopes), digest: sha256(encoder.encode(key)) };
  });
}

function isScope(value: unknown): value is AdminScope {
  return (ADMIN_SCOPES as readonly unknown[]).includes(value);
}

/** The key `presented` is, or null. Every configured key is compared, whatever matched before. */
export function findAdminKey(keys: readonly AdminKey[], presented: string): AdminKey | null {
  const digest = sha256(encoder.encode(presented));
  let found: AdminKey | null = null;
  for (const key of keys) {
    if (constantTimeEqual(key.digest, digest)) found = key;
  }
  return found;
}
