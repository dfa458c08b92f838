/** The emails: subjects, text and HTML parts (the same words in both; links and codes are placeholders). */
import type { email as english } from "../en/email";
import type { Section } from "../types";

export const email: Section<typeof english, "de"> = {
  "email.from": "{ip} ({device})",
  "email.unknownAddress": "einer unbekannten Adresse",
  "email.device.unknown": "Unbekanntes Gerät",
  "email.device.unknownBrowser": "Unbekannter Browser",
  "email.device.on": "{browser} unter {system}",
  "email.reset.subject": "Ihr Passwort zurücksetzen",
  "email.reset.intro": "Jemand (hoffentlich Sie) hat angefordert, das Passwort Ihres Kontos zurückzusetzen.",
  "email.reset.openLink": "Öffnen Sie diesen Link, um ein neues Passwort zu wählen:",
  "email.reset.button": "Passwort zurücksetzen",
  "email.reset.paste": "Oder fügen Sie diesen Link in Ihren Browser ein:",
  "email.reset.otherDevice":
    "Sie setzen das Passwort auf einem anderen Gerät zurück? Geben Sie dort unter {url} diesen Code ein:",
  "email.reset.expiry":
    "Link und Code funktionieren nur einmal (wird einer davon verwendet, sind beide verbraucht) und laufen {lifetime} nach der Anforderung ab.",
  "email.reset.requested": "Angefordert am {when} von {from}.",
  "email.reset.expired": "Falls der Link abgelaufen ist, können Sie hier einen neuen anfordern: {url}",
  "email.reset.expiredLink": "Falls der Link abgelaufen ist, {link}.",
  "email.reset.askNew": "fordern Sie einen neuen an",
  "email.reset.ignore":
    "Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail einfach: Ihr Passwort bleibt unverändert.",
  "email.changed.subject": "Ihr Passwort wurde geändert",
  "email.changed.what": "Das Passwort Ihres Kontos wurde am {when} von {from} aus geändert.",
  "email.changed.keptSession":
    "Sie wurden auf allen anderen Geräten abgemeldet; auf dem Gerät, auf dem das Passwort geändert wurde, bleiben Sie angemeldet.",
  "email.changed.allSignedOut": "Sie wurden auf allen Geräten abgemeldet.",
  "email.changed.notYou":
    "Falls Sie das nicht waren, setzen Sie Ihr Passwort sofort unter {url} zurück und prüfen Sie die Sicherheit Ihres E-Mail-Kontos.",
  "email.changed.notYouLink": "Falls Sie das nicht waren, {link} und prüfen Sie die Sicherheit Ihres E-Mail-Kontos.",
  "email.changed.resetNow": "setzen Sie Ihr Passwort sofort zurück",
  "email.twoFactor.enabled.subject": "Zwei-Faktor-Authentifizierung aktiviert",
  "email.twoFactor.enabled.what":
    "Die Zwei-Faktor-Authentifizierung wurde am {when} von {from} aus für Ihr Konto aktiviert.",
  "email.twoFactor.disabled.subject": "Zwei-Faktor-Authentifizierung deaktiviert",
  "email.twoFactor.disabled.what":
    "Die Zwei-Faktor-Authentifizierung wurde am {when} von {from} aus für Ihr Konto deaktiviert.",
  "email.twoFactor.recovery_codes.subject": "Neue Wiederherstellungscodes",
  "email.twoFactor.recovery_codes.what":
    "Am {when} wurden von {from} aus neue Wiederherstellungscodes für Ihr Konto erstellt. Die alten funktionieren nicht mehr.",
  "email.twoFactor.codes_locked.subject": "Falsche Bestätigungscodes für Ihr Konto",
  "email.twoFactor.codes_locked.what":
    "Am {when} hat sich jemand von {from} aus mit dem Passwort bei Ihrem Konto angemeldet und dann 5 falsche Bestätigungscodes eingegeben. Deshalb nimmt die Anmeldung eine Zeit lang keine Codes an (bei jeder Wiederholung länger).",
  "email.twoFactor.reset_codes_locked.subject": "Falsche Bestätigungscodes beim Zurücksetzen des Passworts",
  "email.twoFactor.reset_codes_locked.what":
    "Am {when} hat jemand von {from} aus das Zurücksetzen des Passworts Ihres Kontos geöffnet und dann 5 falsche Bestätigungscodes eingegeben. Deshalb nimmt das Zurücksetzen eine Zeit lang keine Codes an (bei jeder Wiederholung länger).",
  "email.twoFactor.warning":
    "Falls Sie das nicht waren, kennt jemand Ihr Passwort: Setzen Sie es sofort unter {url} zurück.",
  "email.twoFactor.codes_locked.warning":
    "Falls Sie das nicht waren, kennt jemand Ihr Passwort. Setzen Sie es unter {url} zurück: Das Zurücksetzen nimmt auch jetzt einen Code aus Ihrer App oder einen Wiederherstellungscode an und hebt diese Sperre auf.",
  "email.twoFactor.reset_codes_locked.warning":
    "Falls Sie das nicht waren, kann jemand Ihre E-Mails lesen: Sichern Sie zuerst Ihr E-Mail-Konto. Die Anmeldung mit Passwort und Code funktioniert weiterhin, und Ihr Passwort können Sie auf Ihrer Kontoseite ändern.",
};
