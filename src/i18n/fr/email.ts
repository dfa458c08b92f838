/** The emails: subjects, text and HTML parts (the same words in both; links and codes are placeholders). */
import type { email as english } from "../en/email";
import type { Section } from "../types";

export const email: Section<typeof english, "fr"> = {
  "email.from": "{ip} ({device})",
  "email.unknownAddress": "une adresse inconnue",
  "email.device.unknown": "Appareil inconnu",
  "email.device.unknownBrowser": "Navigateur inconnu",
  "email.device.on": "{browser} sur {system}",
  "email.reset.subject": "Réinitialisation de votre mot de passe",
  "email.reset.intro": "Quelqu’un (vous, espérons-le) a demandé la réinitialisation du mot de passe de votre compte.",
  "email.reset.openLink": "Pour choisir un nouveau mot de passe, ouvrez ce lien :",
  "email.reset.button": "Réinitialiser le mot de passe",
  "email.reset.paste": "Ou collez ce lien dans votre navigateur :",
  "email.reset.otherDevice":
    "Vous réinitialisez votre mot de passe sur un autre appareil ? Saisissez ce code sur {url} :",
  "email.reset.expiry":
    "Le lien et le code ne fonctionnent qu’une fois (utiliser l’un rend les deux inutilisables) et expirent {lifetime} après la demande.",
  "email.reset.requested": "Demande effectuée le {when} depuis {from}.",
  "email.reset.expired": "Si le lien a expiré, demandez-en un nouveau sur {url}",
  "email.reset.expiredLink": "Si le lien a expiré, {link}.",
  "email.reset.askNew": "demandez-en un nouveau",
  "email.reset.ignore":
    "Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail : votre mot de passe reste inchangé.",
  "email.changed.subject": "Votre mot de passe a été modifié",
  "email.changed.what": "Le mot de passe de votre compte a été modifié le {when} depuis {from}.",
  "email.changed.keptSession":
    "Tous les autres appareils connectés ont été déconnectés ; celui sur lequel le mot de passe a été modifié reste connecté.",
  "email.changed.allSignedOut": "Tous les appareils connectés ont été déconnectés.",
  "email.changed.notYou":
    "Si vous n’êtes pas à l’origine de cette modification, réinitialisez immédiatement votre mot de passe sur {url} et vérifiez la sécurité de votre compte de messagerie.",
  "email.changed.notYouLink":
    "Si vous n’êtes pas à l’origine de cette modification, {link} et vérifiez la sécurité de votre compte de messagerie.",
  "email.changed.resetNow": "réinitialisez immédiatement votre mot de passe",
  "email.twoFactor.enabled.subject": "L’authentification à deux facteurs est activée",
  "email.twoFactor.enabled.what":
    "L’authentification à deux facteurs a été activée pour votre compte le {when} depuis {from}.",
  "email.twoFactor.disabled.subject": "L’authentification à deux facteurs est désactivée",
  "email.twoFactor.disabled.what":
    "L’authentification à deux facteurs a été désactivée pour votre compte le {when} depuis {from}.",
  "email.twoFactor.recovery_codes.subject": "Nouveaux codes de récupération",
  "email.twoFactor.recovery_codes.what":
    "De nouveaux codes de récupération ont été générés pour votre compte le {when} depuis {from}. Les anciens ne fonctionnent plus.",
  "email.twoFactor.codes_locked.subject": "Codes d’authentification incorrects sur votre compte",
  "email.twoFactor.codes_locked.what":
    "Le {when}, depuis {from}, quelqu’un a saisi le bon mot de passe de votre compte, puis 5 codes d’authentification incorrects : la connexion refuse donc les codes pendant un moment (plus longtemps à chaque nouvelle fois).",
  "email.twoFactor.reset_codes_locked.subject": "Codes d’authentification incorrects lors d’une réinitialisation",
  "email.twoFactor.reset_codes_locked.what":
    "Le {when}, depuis {from}, quelqu’un a ouvert une réinitialisation du mot de passe de votre compte, puis saisi 5 codes d’authentification incorrects : la réinitialisation refuse donc les codes pendant un moment (plus longtemps à chaque nouvelle fois).",
  "email.twoFactor.warning":
    "Si vous n’êtes pas à l’origine de cette action, quelqu’un connaît votre mot de passe : réinitialisez-le immédiatement sur {url}.",
  "email.twoFactor.codes_locked.warning":
    "Si vous n’êtes pas à l’origine de cette action, quelqu’un connaît votre mot de passe. Réinitialisez-le sur {url} : la réinitialisation accepte dès maintenant un code de votre application ou un code de récupération, et elle lève ce blocage.",
  "email.twoFactor.reset_codes_locked.warning":
    "Si vous n’êtes pas à l’origine de cette action, quelqu’un peut lire vos e-mails : sécurisez d’abord votre messagerie. La connexion avec votre mot de passe et un code fonctionne toujours, et vous pouvez changer votre mot de passe sur la page de votre compte.",
};
