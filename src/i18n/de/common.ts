/** Words every page shares: the frame, the language menu, form errors, the password policy, error pages. */
import type { common as english } from "../en/common";
import type { Section } from "../types";

export const common: Section<typeof english, "de"> = {
  "layout.brand": "Konto",
  "layout.title": "{title} · Konto",
  "layout.language": "Sprache",
  "field.passwordHint": {
    one: "Mindestens {count} Zeichen. Lange Sätze oder Wortfolgen sind ideal; weitere Regeln gibt es nicht.",
    other: "Mindestens {count} Zeichen. Lange Sätze oder Wortfolgen sind ideal; weitere Regeln gibt es nicht.",
  },
  "field.passwordCount": {
    one: "{typed} von mindestens {count} Zeichen",
    other: "{typed} von mindestens {count} Zeichen",
  },
  "field.passwordGood": "Sieht gut aus.",
  "field.mismatch": "Stimmt nicht mit dem Passwort überein.",
  "field.copied": "Kopiert",
  "field.invalid": "Bitte prüfen Sie dieses Feld: Der Wert ist hier nicht zulässig.",
  "field.enterEmail": "Geben Sie eine gültige E-Mail-Adresse ein.",
  "field.enterPassword": "Geben Sie Ihr Passwort ein.",
  "field.enterCurrentPassword": "Geben Sie Ihr aktuelles Passwort ein.",
  "password.too_short": {
    one: "Das Passwort muss mindestens {count} Zeichen lang sein.",
    other: "Das Passwort muss mindestens {count} Zeichen lang sein.",
  },
  "password.too_long": {
    one: "Das Passwort darf höchstens {count} Zeichen lang sein.",
    other: "Das Passwort darf höchstens {count} Zeichen lang sein.",
  },
  "password.common":
    "Dieses Passwort ist zu verbreitet oder zu leicht zu erraten (ein bekanntes Passwort, eine Wiederholung oder eine einfache Zeichenfolge). Bitte wählen Sie ein schwerer zu erratendes Passwort.",
  "password.matches_email": "Das Passwort darf nicht Ihre E-Mail-Adresse sein.",
  "password.breached": "Dieses Passwort wurde bei einem Datenleck offengelegt. Bitte wählen Sie ein anderes.",
  "password.breach_check_unavailable":
    "Das Passwort kann gerade nicht mit bekannten Datenlecks abgeglichen werden. Bitte versuchen Sie es gleich noch einmal.",
  "refusal.invalidCredentials":
    "Die E-Mail-Adresse oder das Passwort ist falsch. Bitte versuchen Sie es noch einmal oder setzen Sie Ihr Passwort zurück.",
  "refusal.tooManyAttempts": "Zu viele Versuche. Bitte warten Sie einige Minuten oder setzen Sie Ihr Passwort zurück.",
  "refusal.tooManyRequests":
    "Zu viele Anfragen aus Ihrem Netzwerk. Bitte versuchen Sie es in einer Minute noch einmal.",
  "refusal.invalidLink":
    "Dieser Link zum Zurücksetzen des Passworts ist ungültig, abgelaufen oder wurde bereits verwendet.",
  "refusal.emailTaken":
    "Für diese E-Mail-Adresse gibt es bereits ein Konto. Melden Sie sich an oder setzen Sie Ihr Passwort zurück.",
  "refusal.locked":
    "Zu viele Anmeldeversuche. Melden Sie sich in einem Browser an, in dem Sie sich schon einmal angemeldet haben, oder versuchen Sie es in {wait} noch einmal.",
  "refusal.codeRequired":
    "Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App oder einen Wiederherstellungscode ein.",
  "refusal.codeWrong":
    "Dieser Code ist falsch oder wurde bereits verwendet. Geben Sie den aktuellen Code aus Ihrer App oder einen Wiederherstellungscode ein.",
  "refusal.codeLocked": "Zu viele falsche Codes. Versuchen Sie es in {wait} noch einmal.",
  "refusal.notCurrentPassword": "Das ist nicht Ihr aktuelles Passwort.",
  "refusal.changedElsewhere": "Ihr Passwort wurde gerade an anderer Stelle geändert. Hier wurde nichts geändert.",
  "refusal.sessionEnded": "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich noch einmal an.",
  "error.notFound.title": "Seite nicht gefunden",
  "error.notFound.text": "Unter dieser Adresse gibt es keine Seite.",
  "error.unavailable.title": "Bitte versuchen Sie es noch einmal",
  "error.unavailable.text":
    "Ihr Passwort konnte gerade nicht geändert werden. Bitte versuchen Sie es gleich noch einmal mit demselben Link.",
  "error.forbidden.title": "Anfrage abgelehnt",
  "error.forbidden.text": "Dieses Formular wurde von einer anderen Website gesendet und deshalb nicht angenommen.",
  "error.tooLarge.title": "Anfrage zu groß",
  "error.tooLarge.text": "Das Formular war größer, als es auf dieser Website zulässig ist.",
  "error.failed.title": "Ein Fehler ist aufgetreten",
  "error.failed.text": "Bitte gehen Sie zurück und versuchen Sie es noch einmal.",
  "error.back": "Zur Anmeldung",
};
