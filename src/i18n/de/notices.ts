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
  "notices.secondAddress.added.subject": "Ihrem Konto wurde eine zweite Adresse hinzugefügt",
  "notices.secondAddress.added.what":
    "Am {when} wurde von {from} aus eine zweite Adresse für die Sicherheits-E-Mails Ihres Kontos hinzugefügt.",
  "notices.secondAddress.removed.subject": "Die zweite Adresse Ihres Kontos wurde entfernt",
  "notices.secondAddress.removed.what":
    "Am {when} wurde von {from} aus die zweite Adresse für die Sicherheits-E-Mails Ihres Kontos entfernt.",
  "notices.secondAddress.address": "Die Adresse: {address}",
  "notices.secondAddress.notYou":
    "Wenn Sie das nicht waren, hat jemand Ihr Passwort: Setzen Sie es sofort unter {url} zurück und prüfen Sie dann die Adressen auf Ihrer Kontoseite.",
  "notices.secondAddress.verify.subject": "Bestätigen Sie Ihre zweite Adresse",
  "notices.secondAddress.verify.intro":
    "Jemand (hoffentlich Sie) möchte diese Adresse einem Konto als zweite Adresse für seine Sicherheits-E-Mails hinzufügen.",
  "notices.secondAddress.verify.open": "Öffnen Sie zur Bestätigung innerhalb eines Tages diesen Link:",
  "notices.secondAddress.verify.ignore":
    "Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Es ändert sich nichts.",
  "notices.secondAddress.heading": "Zweite Adresse",
  "notices.secondAddress.none":
    "Fügen Sie eine zweite Adresse hinzu: Jede Sicherheits-E-Mail geht auch an sie, und von ihr aus kann ein Zurücksetzen des Passworts angefordert werden.",
  "notices.secondAddress.current":
    "Sicherheits-E-Mails gehen auch an {address}, und von dort aus kann ein Zurücksetzen des Passworts angefordert werden.",
  "notices.secondAddress.addressLabel": "Zweite Adresse",
  "notices.secondAddress.passwordLabel": "Aktuelles Passwort",
  "notices.secondAddress.add": "Bestätigungslink senden",
  "notices.secondAddress.remove": "Diese Adresse entfernen",
  "notices.secondAddress.sent":
    "Wir haben einen Bestätigungslink an {address} gesendet. Sie wird hinzugefügt, sobald der Link geöffnet wird.",
  "notices.secondAddress.removedDone": "Die zweite Adresse wurde entfernt.",
  "notices.secondAddress.same": "Das ist bereits die Adresse Ihres Kontos.",
  "notices.secondAddress.confirmText": "{address} als zweite Adresse Ihres Kontos hinzufügen?",
  "notices.secondAddress.confirmButton": "Bestätigen",
  "notices.secondAddress.confirmed": "{address} ist jetzt die zweite Adresse Ihres Kontos.",
  "notices.secondAddress.deadLink":
    "Dieser Link ist ungültig oder abgelaufen. Fordern Sie auf Ihrer Kontoseite einen neuen an.",
  "notices.secondAddress.taken": "Diese Adresse kann nicht als zweite Adresse verwendet werden.",
  "notices.event.secondRequested": "Zweite Adresse angefordert (Link gesendet)",
  "notices.event.secondAdded": "Zweite Adresse hinzugefügt",
  "notices.event.secondRemoved": "Zweite Adresse entfernt",
};
