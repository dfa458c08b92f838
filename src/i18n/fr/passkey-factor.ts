/** A passkey as the only second factor: turning it on, its section on /account, the last passkey kept. */
import type { passkeyFactor as english } from "../en/passkey-factor";
import type { Section } from "../types";

export const passkeyFactor: Section<typeof english, "fr"> = {
  "passkeyFactor.turnOnHeading": "Ou une clé d’accès comme second facteur",
  "passkeyFactor.turnOnIntro":
    "Sans application : après votre mot de passe, la connexion et la réinitialisation du mot de passe demandent l’une de vos clés d’accès (ou un code de récupération).",
  "passkeyFactor.turnOn": "Activer avec une clé d’accès",
  "passkeyFactor.on": "Votre second facteur est une clé d’accès.",
  "passkeyFactor.recoveryCode": "Un code de récupération",
  "passkeyFactor.codesNotice": "Désormais, la connexion demande l’une de vos clés d’accès.",
  "passkeyFactor.lastPasskey":
    "Cette clé d’accès est votre seul second facteur. Ajoutez-en une autre ou désactivez la connexion en deux étapes avant de la supprimer.",
};
