/** Passkeys: on /account, at sign-in, as the second step and at the reset; how a session was created. */
import type { passkeys as english } from "../en/passkeys";
import type { Section } from "../types";

export const passkeys: Section<typeof english, "de"> = {
  "passkeys.heading": "Passkeys",
  "passkeys.intro":
    "Mit einem Passkey melden Sie sich über die Bildschirmsperre Ihres Geräts (Fingerabdruck, Gesicht oder PIN) an statt mit Ihrem Passwort. Er lässt sich weder abfischen noch erraten.",
  "passkeys.none": "Sie haben noch keine Passkeys.",
  "passkeys.times": "hinzugefügt am {added} · zuletzt verwendet: {used}",
  "passkeys.neverUsed": "nie",
  "passkeys.nameLabel": "Name",
  "passkeys.rename": "Umbenennen",
  "passkeys.remove": "Entfernen",
  "passkeys.removeIntro":
    "Zum Entfernen eines Passkeys brauchen Sie Ihr Passwort (und einen Code, wenn die Zwei-Faktor-Anmeldung aktiv ist) oder einen Ihrer Passkeys.",
  "passkeys.removeWithPasskey": "Mit einem Passkey entfernen",
  "passkeys.add": "Passkey hinzufügen",
  "passkeys.addIntro":
    "Bestätigen Sie mit Ihrem Passwort (und einem Code aus Ihrer App, wenn die Zwei-Faktor-Anmeldung aktiv ist) und folgen Sie dann den Schritten Ihres Browsers.",
  "passkeys.codeLabel": "Bestätigungscode (Zwei-Faktor)",
  "passkeys.needsScript":
    "Passkeys brauchen JavaScript in diesem Browser. Aktivieren Sie es, um einen zu verwenden, oder fahren Sie mit Ihrem Passwort fort.",
  "passkeys.limit": "Ein Konto kann 10 Passkeys haben. Entfernen Sie einen, um einen neuen hinzuzufügen.",
  "passkeys.refused": "Dieser Passkey konnte nicht verwendet werden. Versuchen Sie es erneut.",
  "passkeys.cancelled": "Der Browser hat keinen Passkey erstellt. Versuchen Sie es erneut, wenn Sie bereit sind.",
  "passkeys.nameInvalid": "Geben Sie dem Passkey einen Namen mit höchstens 64 Zeichen.",
  "passkeys.noticeAdded": "Passkey hinzugefügt. Ab jetzt können Sie sich damit anmelden.",
  "passkeys.noticeRenamed": "Passkey umbenannt.",
  "passkeys.noticeRemoved": "Passkey entfernt.",
  "passkeys.signIn": "Mit einem Passkey anmelden",
  "notice.passkey_refused":
    "Mit diesem Passkey hat die Anmeldung nicht geklappt. Versuchen Sie es erneut oder verwenden Sie Ihr Passwort.",
  "notice.passkey_expired": "Die Passkey-Anfrage ist abgelaufen. Versuchen Sie es erneut.",
  "notice.passkey_limited":
    "Zu viele Passkey-Versuche aus Ihrem Netzwerk. Warten Sie 15 Minuten oder verwenden Sie Ihr Passwort.",
  "passkeys.event.added": "Passkey hinzugefügt",
  "passkeys.event.removed": "Passkey entfernt",
  "passkeys.method.password": "mit Passwort",
  "passkeys.method.passwordCode": "mit Passwort und Code",
  "passkeys.method.passwordPasskey": "mit Passwort und Passkey",
  "passkeys.method.passkey": "mit Passkey",
  "passkeys.secondStep": "Oder verwenden Sie statt des Codes einen Passkey.",
  "passkeys.usePasskey": "Passkey verwenden",
  "passkeys.offerHeading": "Einen Passkey hinzufügen?",
  "passkeys.offerText":
    "Ihr Passwort ist geändert. Mit einem Passkey können Sie sich das nächste Mal ohne Passwort anmelden, und niemand kann ihn abfischen.",
  "passkeys.offerSkip": "Nicht jetzt",
  "email.twoFactor.passkey_added.subject": "Ihrem Konto wurde ein Passkey hinzugefügt",
  "email.twoFactor.passkey_added.what":
    "Ihrem Konto wurde am {when} von {from} aus ein Passkey hinzugefügt. Er kann sich ohne Ihr Passwort anmelden.",
  "email.twoFactor.passkey_removed.subject": "Ein Passkey wurde aus Ihrem Konto entfernt",
  "email.twoFactor.passkey_removed.what": "Am {when} wurde von {from} aus ein Passkey aus Ihrem Konto entfernt.",
  "email.passkey.name": "Der Passkey: {name}",
};
