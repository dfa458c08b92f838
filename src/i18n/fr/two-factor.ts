/** Two-factor sign-in: set-up, the code step, recovery codes. */
import type { twoFactor as english } from "../en/two-factor";
import type { Section } from "../types";

export const twoFactor: Section<typeof english, "fr"> = {
  "twoFactor.title": "Authentification à deux facteurs",
  "twoFactor.stepSignIn":
    "Saisissez le code à 6 chiffres de votre application d’authentification pour terminer la connexion.",
  "twoFactor.stepReset":
    "Ce compte utilise l’authentification à deux facteurs : saisissez le code à 6 chiffres de votre application d’authentification avant de choisir un nouveau mot de passe.",
  "twoFactor.codeLabel": "Code d’authentification",
  "twoFactor.codeHint": "Pas de téléphone ? Saisissez plutôt l’un de vos codes de récupération.",
  "twoFactor.verify": "Vérifier",
  "twoFactor.continue": "Continuer",
  "twoFactor.lostLink": "Vous avez perdu votre appareil et vos codes de récupération ?",
  "twoFactor.enterCode": "Saisissez le code de votre application.",
  "twoFactor.notYourPassword": "Ce n’est pas votre mot de passe.",
  "twoFactor.setup.title": "Configurer l’authentification à deux facteurs",
  "twoFactor.setup.scan":
    "Scannez ce code QR avec une application d’authentification (1Password, Google Authenticator, Authy, Microsoft Authenticator…).",
  "twoFactor.setup.qrAlt": "Code QR pour votre application d’authentification",
  "twoFactor.setup.typeKey": "Ou saisissez cette clé de configuration dans l’application : {key}",
  "twoFactor.setup.code": "Code à 6 chiffres de l’application",
  "twoFactor.yourPassword": "Votre mot de passe",
  "twoFactor.setup.submit": "Activer",
  "twoFactor.setup.cancel": "Annuler",
  "twoFactor.setup.codeUsed":
    "Ce code vient d’être utilisé. Attendez le code suivant dans l’application, puis saisissez-le.",
  "twoFactor.setup.codeWrong":
    "Ce code est incorrect. Saisissez le code à 6 chiffres actuellement affiché dans l’application.",
  "twoFactor.codes.title": "Codes de récupération",
  "twoFactor.codes.enabledHeading": "L’authentification à deux facteurs est activée",
  "twoFactor.codes.regeneratedHeading": "Nouveaux codes de récupération",
  "twoFactor.codes.enabledNotice": "Désormais, un code de votre application vous sera demandé à chaque connexion.",
  "twoFactor.codes.regeneratedNotice": "Vos anciens codes de récupération ne fonctionnent plus.",
  "twoFactor.codes.keep":
    "Conservez ces codes de récupération en lieu sûr. Si vous perdez votre téléphone, chacun d’eux vous permet de vous connecter une fois. Ils ne seront plus jamais affichés.",
  "twoFactor.codes.copy": "Copier",
  "twoFactor.codes.download": "Télécharger au format texte",
  "twoFactor.codes.fileHeading": "Codes de récupération (utilisables une seule fois chacun)",
  "twoFactor.codes.back": "Retour à votre compte",
  "twoFactor.lost.title": "Second facteur perdu ?",
  "twoFactor.lost.heading": "Vous avez perdu votre appareil et vos codes de récupération ?",
  "twoFactor.lost.intro":
    "Sans votre application d’authentification ni code de récupération, ce compte ne peut pas être ouvert ici, pas même en réinitialisant le mot de passe : c’est ce qui le protège si quelqu’un d’autre lit vos e-mails.",
  "twoFactor.lost.otherDevice":
    "Si l’application est toujours installée sur un autre appareil, ou si vous en avez une sauvegarde, utilisez le code qu’elle affiche.",
  "twoFactor.lost.savedCodes":
    "Recherchez les codes de récupération que vous avez enregistrés lors de l’activation de l’authentification à deux facteurs.",
  "twoFactor.lost.support":
    "Sinon, contactez l’équipe d’assistance de ce service depuis l’adresse e-mail de votre compte. Après avoir vérifié votre identité, elle pourra désactiver l’authentification à deux facteurs pour que vous puissiez vous connecter avec votre mot de passe et la configurer à nouveau.",
  "twoFactor.lost.back": "Retour à la connexion",
  "twoFactor.section.off":
    "Désactivée. Une fois activée, la connexion et la réinitialisation du mot de passe demandent aussi un code issu d’une application d’authentification.",
  "twoFactor.section.setUp": "Configurer",
  "twoFactor.section.on": "Activée depuis le {since}.",
  "twoFactor.section.codesLeft": {
    one: "{count} code de récupération restant sur {total}.",
    many: "{count} codes de récupération restants sur {total}.",
    other: "{count} codes de récupération restants sur {total}.",
  },
  "twoFactor.section.appCode": "Code de votre application",
  "twoFactor.section.newCodes": "Générer de nouveaux codes de récupération",
  "twoFactor.section.appOrRecoveryCode": "Code de votre application ou code de récupération",
  "twoFactor.section.turnOff": "Désactiver",
};
