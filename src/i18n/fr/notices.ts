/** The security notices beyond password and two-factor changes (a recovery code used, a new device), and their switch on /account. */
import type { notices as english } from "../en/notices";
import type { Section } from "../types";

export const notices: Section<typeof english, "fr"> = {
  "notices.recoveryCode.subject": "Un code de récupération a été utilisé",
  "notices.recoveryCode.what": "Un code de récupération a été utilisé sur votre compte le {when}, depuis {from}.",
  "notices.recoveryCode.left": {
    one: "Il reste {count} code de récupération.",
    many: "Il reste {count} de codes de récupération.",
    other: "Il reste {count} codes de récupération.",
  },
  "notices.recoveryCode.makeNew":
    "Créez-en de nouveaux bientôt sur la page de votre compte, avant d’en manquer : {url}",
  "notices.recoveryCode.notYou":
    "Si ce n’était pas vous, quelqu’un a votre mot de passe et un code de récupération : réinitialisez votre mot de passe tout de suite sur {url}, puis créez de nouveaux codes de récupération.",
  "notices.newDevice.subject": "Une connexion depuis un nouvel appareil",
  "notices.newDevice.what":
    "Quelqu’un s’est connecté à votre compte le {when}, depuis {from} : un navigateur qui ne s’était jamais connecté, sur un réseau que votre compte n’avait pas utilisé depuis 30 jours.",
  "notices.newDevice.ifYou": "Si c’était vous, il n’y a rien à faire. Vous pouvez désactiver ces e-mails sur {url}",
  "notices.newDevice.notYou":
    "Si ce n’était pas vous, quelqu’un a votre mot de passe : réinitialisez-le tout de suite sur {url}. La réinitialisation déconnecte tous les appareils.",
  "notices.account.heading": "Connexions depuis un nouvel appareil",
  "notices.account.on":
    "Nous vous écrivons quand votre compte est ouvert depuis un navigateur qui ne s’est jamais connecté, sur un réseau qu’il n’a pas utilisé depuis 30 jours.",
  "notices.account.off": "Les e-mails sur les connexions depuis un nouvel appareil sont désactivés.",
  "notices.account.turnOff": "Désactiver ces e-mails",
  "notices.account.turnOn": "Activer ces e-mails",
  "notices.account.doneOn": "Les e-mails sur les connexions depuis un nouvel appareil sont activés.",
  "notices.account.doneOff": "Les e-mails sur les connexions depuis un nouvel appareil sont désactivés.",
  "notices.event.newDevice": "Connexion depuis un nouvel appareil (signalée par e-mail)",
  "notices.event.alertsOn": "E-mails sur les nouveaux appareils activés",
  "notices.event.alertsOff": "E-mails sur les nouveaux appareils désactivés",
};
