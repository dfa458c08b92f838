/** E-Mail-Änderung, ihr Rückgängigmachen und „Das war ich nicht“: Seiten, Hinweise auf /login und E-Mails. */
export const recovery = {
  "notice.locked_down":
    "Alle Sitzungen dieses Kontos wurden abgemeldet. Wählen Sie ein neues Passwort, um sich wieder anzumelden.",
  "notice.email_changed": "Sie wurden abgemeldet, weil sich die E-Mail-Adresse des Kontos geändert hat.",
  "refusal.resetRequired":
    "Für dieses Konto ist zuerst ein neues Passwort nötig: Sein Inhaber oder ein Administrator hat es gesichert. Wählen Sie über „Passwort vergessen?“ ein neues Passwort, um sich wieder anzumelden.",
  "wasntMe.title": "Das war ich nicht",
  "wasntMe.intro":
    "Wenn Sie die Änderung, über die unsere E-Mail Sie informiert hat, nicht vorgenommen haben, sichern Sie Ihr Konto jetzt. Das wird:",
  "wasntMe.signOut": "jede Sitzung auf jedem Gerät sofort abmelden;",
  "wasntMe.voidLinks": "alle bereits versandten Links und Codes zum Zurücksetzen des Passworts ungültig machen;",
  "wasntMe.revertEmail": "eine Änderung der E-Mail-Adresse des Kontos rückgängig machen;",
  "wasntMe.askReset": "ein neues Passwort verlangen, bevor sich jemand wieder anmelden kann.",
  "wasntMe.button": "Mein Konto sichern",
  "wasntMe.doneHeading": "Ihr Konto ist gesichert",
  "wasntMe.done":
    "Alle Sitzungen wurden abgemeldet. Um sich wieder anzumelden, wählen Sie ein neues Passwort: Fordern Sie einen Link für die E-Mail-Adresse des Kontos an.",
  "wasntMe.askLink": "Neues Passwort wählen",
  "wasntMe.invalid":
    "Dieser Link ist ungültig, wurde schon verwendet oder ist abgelaufen. Wenn Sie weiterhin glauben, dass jemand anderes in Ihrem Konto ist, setzen Sie Ihr Passwort zurück.",
  "emailChange.heading": "E-Mail-Adresse",
  "emailChange.current": "Sie melden sich mit {email} an.",
  "emailChange.newLabel": "Neue E-Mail-Adresse",
  "emailChange.codeLabel": "Code aus Ihrer Authenticator-App",
  "emailChange.submit": "E-Mail-Adresse ändern",
  "emailChange.sent":
    "Wir haben einen Bestätigungslink an {email} gesendet. Nichts ändert sich, bis er innerhalb von 60 Minuten geöffnet wird.",
  "emailChange.same": "Das ist bereits Ihre E-Mail-Adresse.",
  "emailChange.confirmTitle": "Neue E-Mail-Adresse bestätigen",
  "emailChange.confirmIntro": "Sich ab jetzt mit dieser Adresse bei diesem Konto anmelden?",
  "emailChange.confirmButton": "Bestätigen",
  "emailChange.confirmed": "Ihre E-Mail-Adresse ist jetzt {email}. Melden Sie sich ab jetzt damit an.",
  "emailChange.confirmInvalid":
    "Dieser Link ist ungültig, wurde schon verwendet oder ist abgelaufen (er gilt 60 Minuten). Fordern Sie die Änderung auf Ihrer Kontoseite erneut an.",
  "emailChange.confirmTaken":
    "Diese Adresse wird inzwischen von einem anderen Konto verwendet, daher wurde die Änderung nicht vorgenommen.",
  "emailChange.revertTitle": "E-Mail-Änderung rückgängig machen",
  "emailChange.revertIntro":
    "Die E-Mail-Adresse des Kontos wurde geändert. Machen Sie es rückgängig: Die Adresse wird wieder diese, alle Sitzungen werden abgemeldet, und zum Anmelden ist ein neues Passwort nötig.",
  "emailChange.revertButton": "Änderung rückgängig machen und Konto sichern",
  "emailChange.reverted":
    "Die Änderung ist rückgängig gemacht: Die Adresse des Kontos ist wieder {email}. Wählen Sie ein neues Passwort, um sich anzumelden.",
  "emailChange.revertTaken":
    "Die Änderung konnte nicht rückgängig gemacht werden: {email} wird inzwischen von einem anderen Konto verwendet. Alle Sitzungen wurden trotzdem abgemeldet.",
  "emailChange.revertInvalid": "Dieser Link ist ungültig, wurde schon verwendet oder ist abgelaufen (er gilt 7 Tage).",
  "account.event.accountLockedDown": "Konto gesichert („Das war ich nicht“)",
  "account.event.emailChangeRequested": "E-Mail-Änderung angefordert",
  "account.event.emailChanged": "E-Mail-Adresse geändert",
  "account.event.emailChangeReverted": "E-Mail-Änderung rückgängig gemacht",
  "email.emailChange.confirm.subject": "Bestätigen Sie Ihre neue E-Mail-Adresse",
  "email.emailChange.confirm.intro":
    "Jemand möchte sich ab jetzt mit dieser Adresse bei einem Konto anmelden. Wenn Sie das waren, bestätigen Sie es:",
  "email.emailChange.confirm.button": "Neue Adresse bestätigen",
  "email.emailChange.confirm.expiry":
    "Der Link gilt {lifetime}. Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Nichts ändert sich.",
  "email.emailChange.asked.subject": "Eine Änderung Ihrer E-Mail-Adresse wurde angefordert",
  "email.emailChange.asked.what":
    "Am {when} hat jemand, der bei Ihrem Konto angemeldet war, von {from} aus verlangt, die E-Mail-Adresse in {email} zu ändern. Nichts ändert sich, wenn die neue Adresse es nicht innerhalb von 60 Minuten bestätigt.",
  "email.emailChange.done.subject": "Ihre E-Mail-Adresse wurde geändert",
  "email.emailChange.done.what":
    "Am {when} wurde von {from} aus die E-Mail-Adresse Ihres Kontos in {email} geändert. Diese Adresse erhält seine E-Mails nicht mehr.",
  "email.emailChange.done.revert":
    "Das waren nicht Sie? Machen Sie die Änderung rückgängig (der Link gilt 7 Tage): {url}",
  "email.emailChange.done.revertButton": "Änderung rückgängig machen",
  "email.emailChange.reverted.subject": "Die Änderung Ihrer E-Mail-Adresse wurde rückgängig gemacht",
  "email.emailChange.reverted.what":
    "Am {when} wurde von {from} aus die Änderung der E-Mail-Adresse Ihres Kontos rückgängig gemacht: Sie ist wieder {email}. Alle Sitzungen wurden abgemeldet; wählen Sie ein neues Passwort, um sich anzumelden.",
  "email.wasntMe.text": "Das waren nicht Sie? Sichern Sie Ihr Konto mit einem Klick (der Link gilt 7 Tage): {url}",
  "email.wasntMe.html": "Das waren nicht Sie? {link} (der Link gilt 7 Tage).",
  "email.wasntMe.button": "Mein Konto sichern",
} as const;
