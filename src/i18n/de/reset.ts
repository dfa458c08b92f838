/** The forgot, reset, code and dead-link pages. */
import type { reset as english } from "../en/reset";
import type { Section } from "../types";

export const reset: Section<typeof english, "de"> = {
  "reset.forgotTitle": "Passwort vergessen",
  "reset.forgotHeading": "Passwort vergessen?",
  "reset.forgotIntro":
    "Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir senden Ihnen dann einen Link, mit dem Sie Ihr Passwort zurücksetzen können.",
  "reset.sendInstructions": "Anleitung senden",
  "reset.backToSignIn": "Zurück zur Anmeldung",
  "reset.sentTitle": "Prüfen Sie Ihre E-Mails",
  "reset.sentNotice":
    "Falls es für {email} ein Konto gibt, haben wir an diese Adresse eine E-Mail mit einer Anleitung zum Zurücksetzen Ihres Passworts gesendet.",
  "reset.sentValidity":
    "Der Link in der E-Mail ist {lifetime} gültig und kann nur einmal verwendet werden. Falls die E-Mail nicht innerhalb weniger Minuten ankommt, sehen Sie in Ihrem Spam-Ordner nach.",
  "reset.otherDevice": "Sie lesen die E-Mail auf einem anderen Gerät? Darin steht auch ein Code: {link}.",
  "reset.otherDeviceLink": "Geben Sie ihn hier ein",
  "reset.sendAgain": "Erneut senden",
  "reset.resetTitle": "Passwort zurücksetzen",
  "reset.resetIntro": "Wählen Sie ein neues Passwort. Danach werden Sie auf allen Geräten von Ihrem Konto abgemeldet.",
  "reset.newPassword": "Neues Passwort",
  "reset.confirmNewPassword": "Neues Passwort bestätigen",
  "reset.resetSubmit": "Passwort zurücksetzen",
  "reset.tooManyAttempts": "Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es dann noch einmal.",
  "reset.enterAppCode": "Geben Sie den Code aus Ihrer App ein.",
  "reset.deadTitle": "Link nicht mehr gültig",
  "reset.sendNewLink": "Neuen Link senden",
  "reset.deadExpired": "Dieser Link ist abgelaufen",
  "reset.deadUsed": "Dieser Link wurde bereits verwendet",
  "reset.deadReplaced": "Dieser Link wurde durch einen neueren ersetzt",
  "reset.deadPasswordChanged": "Ihr Passwort wurde inzwischen geändert",
  "reset.deadInvalid": "Dieser Link ist ungültig",
  "reset.whyExpired": "Links zum Zurücksetzen sind {lifetime} gültig. Dieser ist am {at} abgelaufen.",
  "reset.whyUsed":
    "Mit diesem Link wurde Ihr Passwort am {at} zurückgesetzt. Melden Sie sich mit diesem Passwort an. Falls Sie das nicht waren, senden Sie sich einen neuen Link und setzen Sie das Passwort erneut zurück.",
  "reset.whyReplaced":
    "Sie haben am {at} eine weitere E-Mail angefordert, die diesen Link ersetzt hat. Verwenden Sie den Link in der neuesten E-Mail oder lassen Sie sich einen neuen senden.",
  "reset.whyPasswordChanged":
    "Das Passwort wurde am {at} geändert, nachdem dieser Link gesendet worden war. Deshalb funktioniert der Link nicht mehr.",
  "reset.whyInvalid":
    "Der Link ist möglicherweise unvollständig: Prüfen Sie, ob Sie den ganzen Link aus der E-Mail geöffnet haben, oder fordern Sie einen neuen an.",
  "reset.newLinkNotice": "Wir haben einen neuen Link an die Adresse gesendet, an die auch der alte ging.",
  "reset.newLinkValidity":
    "Der neue Link ist {lifetime} gültig und kann nur einmal verwendet werden. Falls die E-Mail nicht innerhalb weniger Minuten ankommt, sehen Sie in Ihrem Spam-Ordner nach.",
  "reset.codeTitle": "Code eingeben",
  "reset.codeIntro":
    "Die E-Mail zum Zurücksetzen enthält einen Link und darunter einen 8-stelligen Code. Geben Sie den Code hier ein, um Ihr Passwort auf diesem Gerät zurückzusetzen.",
  "reset.codeLabel": "Code aus der E-Mail",
  "reset.codeHint": "Zum Beispiel ABCD-EFGH; Groß- und Kleinschreibung sowie Bindestriche spielen keine Rolle.",
  "reset.codeSubmit": "Weiter",
  "reset.sendNewEmail": "Neue E-Mail senden",
  "reset.codeEnterEmail": "Geben Sie die E-Mail-Adresse ein, an die der Code gesendet wurde.",
  "reset.codeEnterCode": "Geben Sie den Code aus der E-Mail ein.",
  "reset.codeWrong":
    "Dieser Code ist falsch. Vergleichen Sie ihn mit der neuesten E-Mail und versuchen Sie es noch einmal.",
  "reset.codeStoppedHere":
    "Zu viele falsche Codes aus diesem Netzwerk: Der Code wird von hier aus nicht mehr angenommen. Verwenden Sie stattdessen den Link in der E-Mail.",
  "reset.codeDead": "Zu viele falsche Codes: Dieser Code funktioniert nicht mehr. Fordern Sie eine neue E-Mail an.",
};
