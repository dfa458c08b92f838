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
  "notices.secondAddress.added.subject": "Une deuxième adresse a été ajoutée à votre compte",
  "notices.secondAddress.added.what":
    "Une deuxième adresse pour les e-mails de sécurité de votre compte a été ajoutée le {when}, depuis {from}.",
  "notices.secondAddress.removed.subject": "La deuxième adresse de votre compte a été retirée",
  "notices.secondAddress.removed.what":
    "La deuxième adresse pour les e-mails de sécurité de votre compte a été retirée le {when}, depuis {from}.",
  "notices.secondAddress.address": "L’adresse : {address}",
  "notices.secondAddress.notYou":
    "Si ce n’était pas vous, quelqu’un a votre mot de passe : réinitialisez-le tout de suite sur {url}, puis vérifiez les adresses sur la page de votre compte.",
  "notices.secondAddress.verify.subject": "Confirmez votre deuxième adresse",
  "notices.secondAddress.verify.intro":
    "Quelqu’un (vous, espérons-le) a demandé d’ajouter cette adresse à un compte comme deuxième adresse pour ses e-mails de sécurité.",
  "notices.secondAddress.verify.open": "Pour la confirmer, ouvrez ce lien dans la journée :",
  "notices.secondAddress.verify.ignore": "Si vous n’avez rien demandé, ignorez cet e-mail : rien ne change.",
  "notices.secondAddress.heading": "Deuxième adresse",
  "notices.secondAddress.none":
    "Ajoutez une deuxième adresse : chaque e-mail de sécurité y est aussi envoyé, et une réinitialisation du mot de passe peut être demandée depuis elle.",
  "notices.secondAddress.current":
    "Les e-mails de sécurité vont aussi à {address}, et une réinitialisation du mot de passe peut être demandée depuis cette adresse.",
  "notices.secondAddress.addressLabel": "Deuxième adresse",
  "notices.secondAddress.passwordLabel": "Mot de passe actuel",
  "notices.secondAddress.add": "Envoyer un lien de confirmation",
  "notices.secondAddress.remove": "Retirer cette adresse",
  "notices.secondAddress.sent":
    "Nous avons envoyé un lien de confirmation à {address}. Elle sera ajoutée dès que le lien sera ouvert.",
  "notices.secondAddress.removedDone": "La deuxième adresse a été retirée.",
  "notices.secondAddress.same": "C’est déjà l’adresse de votre compte.",
  "notices.secondAddress.confirmText": "Ajouter {address} comme deuxième adresse de votre compte ?",
  "notices.secondAddress.confirmButton": "Confirmer",
  "notices.secondAddress.confirmed": "{address} est désormais la deuxième adresse de votre compte.",
  "notices.secondAddress.deadLink":
    "Ce lien n’est pas valable ou a expiré. Demandez-en un nouveau sur la page de votre compte.",
  "notices.secondAddress.taken": "Cette adresse ne peut pas servir de deuxième adresse.",
  "notices.event.secondRequested": "Deuxième adresse demandée (lien envoyé)",
  "notices.event.secondAdded": "Deuxième adresse ajoutée",
  "notices.event.secondRemoved": "Deuxième adresse retirée",
};
