/** /login, /signup and the notices /login can show. */
import type { signIn as english } from "../en/sign-in";
import type { Section } from "../types";

export const signIn: Section<typeof english, "de"> = {
  "signIn.title": "Anmelden",
  "signIn.email": "E-Mail-Adresse",
  "signIn.password": "Passwort",
  "signIn.forgot": "Passwort vergessen?",
  "signIn.submit": "Anmelden",
  "signIn.noAccount": "Noch kein Konto? {link}",
  "signIn.signUpLink": "Registrieren",
  "signIn.challenge.missing":
    "Heute sind viele Anmeldungen bei diesem Konto fehlgeschlagen, daher ist ein weiterer Schritt nötig: Schließen Sie die Prüfung unten ab und melden Sie sich dann an.",
  "signIn.challenge.failed":
    "Die Prüfung wurde nicht abgeschlossen oder ist abgelaufen. Schließen Sie sie erneut ab und melden Sie sich dann an.",
  "signIn.challenge.unavailable":
    "Die Prüfung konnte gerade nicht bestätigt werden. Es wurde nichts gezählt: Bitte melden Sie sich gleich noch einmal an.",
  "signIn.challenge.noScript":
    "Diese Prüfung braucht JavaScript. Schalten Sie es für diese Website ein, oder melden Sie sich von einem Gerät an, mit dem Sie sich hier schon angemeldet haben.",
  "notice.reset": "Ihr Passwort wurde zurückgesetzt. Melden Sie sich mit Ihren neuen Anmeldedaten an.",
  "notice.password_reset":
    "Ihr Passwort wurde zurückgesetzt, daher wurden alle Sitzungen beendet. Melden Sie sich mit dem neuen Passwort an.",
  "notice.password_changed":
    "Ihr Passwort wurde in einer anderen Sitzung geändert, daher wurde diese Sitzung beendet. Melden Sie sich mit dem neuen Passwort an.",
  "notice.signed_out": "Sie wurden abgemeldet.",
  "notice.signed_out_elsewhere": "Sie wurden von einer anderen Sitzung aus abgemeldet.",
  "notice.signed_out_everywhere": "Sie wurden überall abgemeldet.",
  "notice.session_limit": "Sie wurden abgemeldet, weil zu viele Sitzungen geöffnet waren.",
  "notice.expired": "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich noch einmal an.",
  "notice.signed_up": "Ihr Konto wurde erstellt. Melden Sie sich an, um fortzufahren.",
  "signUp.title": "Registrieren",
  "signUp.heading": "Konto erstellen",
  "signUp.firstName": "Vorname (optional)",
  "signUp.lastName": "Nachname (optional)",
  "signUp.password": "Passwort",
  "signUp.confirm": "Passwort bestätigen",
  "signUp.submit": "Registrieren",
  "signUp.haveAccount": "Sie haben schon ein Konto? {link}",
  "signUp.signInLink": "Anmelden",
};
