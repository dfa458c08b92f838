/** The security notices beyond password and two-factor changes (a recovery code used, a new device), and their switch on /account. */
import type { notices as english } from "../en/notices";
import type { Section } from "../types";

export const notices: Section<typeof english, "de"> = {
  "notices.recoveryCode.subject": "Ein Wiederherstellungscode wurde verwendet",
  "notices.recoveryCode.what": "Am {when} wurde von {from} aus ein Wiederherstellungscode für Ihr Konto verwendet.",
  "notices.recoveryCode.left": {
    one: "Es ist noch {count} Wiederherstellungscode übrig.",
    other: "Es sind noch {count} Wiederherstellungscodes übrig.",
  },
  "notices.recoveryCode.makeNew": "Erstellen Sie bald neue auf Ihrer Kontoseite, bevor sie ausgehen: {url}",
  "notices.recoveryCode.notYou":
    "Wenn Sie das nicht waren, hat jemand Ihr Passwort und einen Wiederherstellungscode: Setzen Sie Ihr Passwort sofort unter {url} zurück und erstellen Sie dann neue Wiederherstellungscodes.",
  "notices.newDevice.subject": "Eine Anmeldung von einem neuen Gerät",
  "notices.newDevice.what":
    "Am {when} hat sich jemand von {from} aus bei Ihrem Konto angemeldet: mit einem Browser, der sich noch nie angemeldet hatte, in einem Netz, das Ihr Konto seit 30 Tagen nicht genutzt hatte.",
  "notices.newDevice.ifYou": "Wenn Sie das waren, ist nichts zu tun. Diese E-Mails können Sie unter {url} abschalten",
  "notices.newDevice.notYou":
    "Wenn Sie das nicht waren, hat jemand Ihr Passwort: Setzen Sie es sofort unter {url} zurück. Das Zurücksetzen meldet jedes Gerät ab.",
  "notices.account.heading": "Anmeldungen von neuen Geräten",
  "notices.account.on":
    "Wir schreiben Ihnen, wenn sich jemand mit einem Browser, der sich noch nie angemeldet hat, aus einem Netz bei Ihrem Konto anmeldet, das es seit 30 Tagen nicht genutzt hat.",
  "notices.account.off": "E-Mails zu Anmeldungen von neuen Geräten sind aus.",
  "notices.account.turnOff": "Diese E-Mails abschalten",
  "notices.account.turnOn": "Diese E-Mails einschalten",
  "notices.account.doneOn": "E-Mails zu Anmeldungen von neuen Geräten sind an.",
  "notices.account.doneOff": "E-Mails zu Anmeldungen von neuen Geräten sind aus.",
  "notices.event.newDevice": "Anmeldung von einem neuen Gerät (per E-Mail gemeldet)",
  "notices.event.alertsOn": "E-Mails zu neuen Geräten eingeschaltet",
  "notices.event.alertsOff": "E-Mails zu neuen Geräten abgeschaltet",
};
