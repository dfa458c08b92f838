/** Passkeys: on /account, at sign-in, as the second step and at the reset; how a session was created. */
import type { passkeys as english } from "../en/passkeys";
import type { Section } from "../types";

export const passkeys: Section<typeof english, "fr"> = {
  "passkeys.heading": "Clés d’accès",
  "passkeys.intro":
    "Une clé d’accès vous connecte avec le verrouillage de votre appareil (empreinte, visage ou code) au lieu de votre mot de passe. Elle ne peut être ni hameçonnée ni devinée.",
  "passkeys.none": "Vous n’avez pas encore de clé d’accès.",
  "passkeys.times": "ajoutée le {added} · dernière utilisation : {used}",
  "passkeys.neverUsed": "jamais",
  "passkeys.nameLabel": "Nom",
  "passkeys.rename": "Renommer",
  "passkeys.remove": "Supprimer",
  "passkeys.removeIntro":
    "Pour supprimer une clé d’accès, confirmez avec votre mot de passe (et un code si la double authentification est active), ou avec l’une de vos clés d’accès.",
  "passkeys.removeWithPasskey": "Supprimer avec une clé d’accès",
  "passkeys.add": "Ajouter une clé d’accès",
  "passkeys.addIntro":
    "Confirmez avec votre mot de passe (et un code de votre application si la double authentification est active), puis suivez les étapes de votre navigateur.",
  "passkeys.codeLabel": "Code d’authentification (double authentification)",
  "passkeys.needsScript":
    "Les clés d’accès demandent JavaScript dans ce navigateur. Activez-le pour en utiliser une, ou continuez avec votre mot de passe.",
  "passkeys.limit": "Un compte peut avoir 10 clés d’accès. Supprimez-en une pour en ajouter une autre.",
  "passkeys.refused": "Cette clé d’accès n’a pas pu être utilisée. Réessayez.",
  "passkeys.cancelled": "Le navigateur n’a pas créé de clé d’accès. Réessayez quand vous serez prêt.",
  "passkeys.nameInvalid": "Donnez à la clé d’accès un nom de 64 caractères au plus.",
  "passkeys.noticeAdded": "Clé d’accès ajoutée. Vous pouvez désormais vous connecter avec elle.",
  "passkeys.noticeRenamed": "Clé d’accès renommée.",
  "passkeys.noticeRemoved": "Clé d’accès supprimée.",
  "passkeys.signIn": "Se connecter avec une clé d’accès",
  "notice.passkey_refused": "Cette clé d’accès ne vous a pas connecté. Réessayez, ou utilisez votre mot de passe.",
  "notice.passkey_expired": "La demande de clé d’accès a expiré. Réessayez.",
  "notice.passkey_limited":
    "Trop de tentatives de clé d’accès depuis votre réseau. Attendez 15 minutes, ou utilisez votre mot de passe.",
  "passkeys.event.added": "Clé d’accès ajoutée",
  "passkeys.event.removed": "Clé d’accès supprimée",
  "passkeys.method.password": "avec un mot de passe",
  "passkeys.method.passwordCode": "avec un mot de passe et un code",
  "passkeys.method.passwordPasskey": "avec un mot de passe et une clé d’accès",
  "passkeys.method.passkey": "avec une clé d’accès",
  "passkeys.secondStep": "Ou utilisez une clé d’accès au lieu du code.",
  "passkeys.usePasskey": "Utiliser une clé d’accès",
  "passkeys.offerHeading": "Ajouter une clé d’accès ?",
  "passkeys.offerText":
    "Votre mot de passe est changé. Une clé d’accès vous permettrait de vous connecter sans lui la prochaine fois, et personne ne peut l’hameçonner.",
  "passkeys.offerSkip": "Pas maintenant",
  "email.twoFactor.passkey_added.subject": "Une clé d’accès a été ajoutée à votre compte",
  "email.twoFactor.passkey_added.what":
    "Une clé d’accès a été ajoutée à votre compte le {when}, depuis {from}. Elle permet de se connecter sans votre mot de passe.",
  "email.twoFactor.passkey_removed.subject": "Une clé d’accès a été supprimée de votre compte",
  "email.twoFactor.passkey_removed.what": "Une clé d’accès a été supprimée de votre compte le {when}, depuis {from}.",
  "email.passkey.name": "La clé d’accès : {name}",
};
