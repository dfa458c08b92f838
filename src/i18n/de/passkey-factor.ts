/** A passkey as the only second factor: turning it on, its section on /account, the last passkey kept. */
import type { passkeyFactor as english } from "../en/passkey-factor";
import type { Section } from "../types";

export const passkeyFactor: Section<typeof english, "de"> = {
  "passkeyFactor.turnOnHeading": "Oder ein Passkey als zweiter Faktor",
  "passkeyFactor.turnOnIntro":
    "Ohne App: Nach Ihrem Passwort fragen Anmeldung und Zurücksetzen des Passworts nach einem Ihrer Passkeys (oder einem Wiederherstellungscode).",
  "passkeyFactor.turnOn": "Mit einem Passkey aktivieren",
  "passkeyFactor.on": "Ihr zweiter Faktor ist ein Passkey.",
  "passkeyFactor.recoveryCode": "Ein Wiederherstellungscode",
  "passkeyFactor.codesNotice": "Ab jetzt fragt die Anmeldung nach einem Ihrer Passkeys.",
  "passkeyFactor.lastPasskey":
    "Dieser Passkey ist Ihr einziger zweiter Faktor. Fügen Sie einen weiteren Passkey hinzu oder deaktivieren Sie die Zwei-Faktor-Anmeldung, bevor Sie ihn entfernen.",
};
