/**
 * The passkey forms' hidden `credential` field: the JSON the page's script (passkey-script.ts) puts there,
 * validated at the edge with zod, for the route files that take one.
 */
import { z } from "zod";

/** A base64url field of the script's JSON. */
export const base64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]*$/)
  .max(4096);
/** The script's registration JSON (passkey-script.ts). */
export const registrationSchema = z.object({ clientDataJSON: base64url, attestationObject: base64url });
/** The script's assertion JSON (passkey-script.ts). */
export const assertionSchema = z.object({
  credentialId: base64url.max(1400),
  clientDataJSON: base64url,
  authenticatorData: base64url,
  signature: base64url,
  userHandle: base64url.max(200).nullable(),
});

/** The hidden `credential` field: the script's JSON, parsed as `schema`; null if absent or malformed. */
export function parseCredential<T>(schema: z.ZodType<T>, text: string | undefined): T | null {
  if (text === undefined || text === "") return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
