/** Two-factor sign-in: set-up, the code step, recovery codes. */
import type { twoFactor as english } from "../en/two-factor";
import type { Section } from "../types";

export const twoFactor: Section<typeof english, "de"> = {
  "twoFactor.title": "Zwei-Faktor-Authentifizierung",
  "twoFactor.stepSignIn":
    "Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein, um die Anmeldung abzuschließen.",
  "twoFactor.stepReset":
    "Für dieses Konto ist die Zwei-Faktor-Authentifizierung aktiviert: Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein, bevor Sie ein neues Passwort wählen.",
  "twoFactor.codeLabel": "Bestätigungscode",
  "twoFactor.codeHint": "Kein Smartphone zur Hand? Geben Sie stattdessen einen Ihrer Wiederherstellungscodes ein.",
  "twoFactor.verify": "Bestätigen",
  "twoFactor.continue": "Weiter",
  "twoFactor.lostLink": "Gerät und Wiederherstellungscodes verloren?",
  "twoFactor.enterCode": "Geben Sie den Code aus Ihrer App ein.",
  "twoFactor.notYourPassword": "Das ist nicht Ihr Passwort.",
  "twoFactor.setup.title": "Zwei-Faktor-Authentifizierung einrichten",
  "twoFactor.setup.scan":
    "Scannen Sie diesen QR-Code mit einer Authenticator-App (1Password, Google Authenticator, Authy, Microsoft Authenticator …).",
  "twoFactor.setup.qrAlt": "QR-Code für Ihre Authenticator-App",
  "twoFactor.setup.typeKey": "Oder geben Sie diesen Einrichtungsschlüssel in der App ein: {key}",
  "twoFactor.setup.code": "6-stelliger Code aus der App",
  "twoFactor.yourPassword": "Ihr Passwort",
  "twoFactor.setup.submit": "Aktivieren",
  "twoFactor.setup.cancel": "Abbrechen",
  "twoFactor.setup.codeUsed":
    "Dieser Code wurde gerade schon verwendet. Warten Sie auf den nächsten Code in der App und geben Sie ihn dann ein.",
  "twoFactor.setup.codeWrong":
    "Dieser Code ist falsch. Geben Sie den aktuellen 6-stelligen Code ein, den die App anzeigt.",
  "twoFactor.codes.title": "Wiederherstellungscodes",
  "twoFactor.codes.enabledHeading": "Die Zwei-Faktor-Authentifizierung ist aktiviert",
  "twoFactor.codes.regeneratedHeading": "Neue Wiederherstellungscodes",
  "twoFactor.codes.enabledNotice": "Ab jetzt wird bei der Anmeldung ein Code aus Ihrer App abgefragt.",
  "twoFactor.codes.regeneratedNotice": "Ihre alten Wiederherstellungscodes funktionieren nicht mehr.",
  "twoFactor.codes.keep":
    "Bewahren Sie diese Wiederherstellungscodes an einem sicheren Ort auf. Falls Sie Ihr Smartphone verlieren, können Sie sich mit jedem Code einmal anmelden. Die Codes werden nur dieses eine Mal angezeigt.",
  "twoFactor.codes.copy": "Kopieren",
  "twoFactor.codes.download": "Als Textdatei herunterladen",
  "twoFactor.codes.fileHeading": "Wiederherstellungscodes (jeder nur einmal verwendbar)",
  "twoFactor.codes.back": "Zurück zu Ihrem Konto",
  "twoFactor.lost.title": "Zweiten Faktor verloren?",
  "twoFactor.lost.heading": "Gerät und Wiederherstellungscodes verloren?",
  "twoFactor.lost.intro":
    "Ohne Ihre Authenticator-App oder einen Wiederherstellungscode lässt sich dieses Konto hier nicht öffnen, auch nicht durch Zurücksetzen des Passworts. Genau das schützt es, falls jemand anderes Ihre E-Mails liest.",
  "twoFactor.lost.otherDevice":
    "Falls Sie die App noch auf einem anderen Gerät oder eine Sicherung davon haben, verwenden Sie den Code von dort.",
  "twoFactor.lost.savedCodes":
    "Suchen Sie nach den Wiederherstellungscodes, die Sie beim Aktivieren der Zwei-Faktor-Authentifizierung gespeichert haben.",
  "twoFactor.lost.support":
    "Wenden Sie sich andernfalls über die E-Mail-Adresse Ihres Kontos an das Support-Team dieses Dienstes. Sobald es Ihre Identität geprüft hat, kann es die Zwei-Faktor-Authentifizierung deaktivieren. Dann können Sie sich mit Ihrem Passwort anmelden und sie neu einrichten.",
  "twoFactor.lost.back": "Zurück zur Anmeldung",
  "twoFactor.section.off":
    "Deaktiviert. Wenn sie aktiviert ist, wird bei der Anmeldung und beim Zurücksetzen des Passworts zusätzlich ein Code aus einer Authenticator-App abgefragt.",
  "twoFactor.section.setUp": "Einrichten",
  "twoFactor.section.on": "Aktiviert seit dem {since}.",
  "twoFactor.section.codesLeft": {
    one: "Noch {count} von {total} Wiederherstellungscodes verfügbar.",
    other: "Noch {count} von {total} Wiederherstellungscodes verfügbar.",
  },
  "twoFactor.section.appCode": "Code aus Ihrer App",
  "twoFactor.section.newCodes": "Neue Wiederherstellungscodes erstellen",
  "twoFactor.section.appOrRecoveryCode": "Code aus Ihrer App oder Wiederherstellungscode",
  "twoFactor.section.turnOff": "Deaktivieren",
};
