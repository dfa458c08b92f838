/** The forgot, reset, code and dead-link pages. */
import type { reset as english } from "../en/reset";
import type { Section } from "../types";

export const reset: Section<typeof english, "fr"> = {
  "reset.forgotTitle": "Mot de passe oublié",
  "reset.forgotHeading": "Mot de passe oublié ?",
  "reset.forgotIntro":
    "Saisissez l’adresse e-mail de votre compte : nous vous enverrons un lien pour réinitialiser votre mot de passe.",
  "reset.sendInstructions": "Envoyer les instructions",
  "reset.backToSignIn": "Retour à la connexion",
  "reset.sentTitle": "Consultez vos e-mails",
  "reset.sentNotice":
    "Si un compte est associé à {email}, nous avons envoyé à cette adresse un e-mail contenant les instructions pour réinitialiser votre mot de passe.",
  "reset.sentValidity":
    "Le lien contenu dans l’e-mail est valable pendant {lifetime} et ne fonctionne qu’une seule fois. Si vous ne le recevez pas d’ici quelques minutes, vérifiez votre dossier Spam.",
  "reset.otherDevice": "Vous lisez l’e-mail sur un autre appareil ? Il contient aussi un code : {link}.",
  "reset.otherDeviceLink": "saisissez-le ici",
  "reset.sendAgain": "Renvoyer",
  "reset.resetTitle": "Réinitialiser le mot de passe",
  "reset.resetIntro":
    "Choisissez un nouveau mot de passe. Tous les appareils connectés à votre compte seront déconnectés.",
  "reset.newPassword": "Nouveau mot de passe",
  "reset.confirmNewPassword": "Confirmer le nouveau mot de passe",
  "reset.resetSubmit": "Réinitialiser le mot de passe",
  "reset.tooManyAttempts": "Trop de tentatives. Veuillez patienter une minute, puis réessayer.",
  "reset.enterAppCode": "Saisissez le code de votre application.",
  "reset.deadTitle": "Ce lien n’est plus valide",
  "reset.sendNewLink": "Envoyer un nouveau lien",
  "reset.deadExpired": "Ce lien a expiré",
  "reset.deadUsed": "Ce lien a déjà été utilisé",
  "reset.deadReplaced": "Un lien plus récent a remplacé celui-ci",
  "reset.deadPasswordChanged": "Votre mot de passe a été modifié entre-temps",
  "reset.deadInvalid": "Ce lien n’est pas valide",
  "reset.whyExpired": "Les liens de réinitialisation sont valables pendant {lifetime}. Celui-ci a expiré le {at}.",
  "reset.whyUsed":
    "Il a servi à réinitialiser votre mot de passe le {at}. Connectez-vous avec ce mot de passe ou, si vous n’êtes pas à l’origine de cette réinitialisation, envoyez-vous un nouveau lien pour le réinitialiser à nouveau.",
  "reset.whyReplaced":
    "Vous avez demandé un autre e-mail le {at}, et ce lien a été remplacé. Utilisez le lien du dernier e-mail reçu ou demandez-en un nouveau.",
  "reset.whyPasswordChanged":
    "Le mot de passe a été modifié le {at}, après l’envoi de ce lien : le lien ne fonctionne donc plus.",
  "reset.whyInvalid":
    "Il est peut-être incomplet : vérifiez que vous avez bien ouvert le lien entier figurant dans l’e-mail, ou demandez-en un nouveau.",
  "reset.newLinkNotice": "Nous avons envoyé un nouveau lien à l’adresse qui avait reçu l’ancien.",
  "reset.newLinkValidity":
    "Le nouveau lien est valable pendant {lifetime} et ne fonctionne qu’une seule fois. Si vous ne le recevez pas d’ici quelques minutes, vérifiez votre dossier Spam.",
  "reset.codeTitle": "Saisissez votre code",
  "reset.codeIntro":
    "L’e-mail de réinitialisation contient un lien et, juste en dessous, un code de 8 caractères. Saisissez ce code ici pour réinitialiser votre mot de passe sur cet appareil.",
  "reset.codeLabel": "Code de réinitialisation",
  "reset.codeHint": "Par exemple ABCD-EFGH ; majuscules, minuscules et tirets sont sans importance.",
  "reset.codeSubmit": "Continuer",
  "reset.sendNewEmail": "Envoyer un nouvel e-mail",
  "reset.codeEnterEmail": "Saisissez l’adresse e-mail à laquelle le code a été envoyé.",
  "reset.codeEnterCode": "Saisissez le code reçu par e-mail.",
  "reset.codeWrong": "Ce code est incorrect. Comparez-le avec celui du dernier e-mail reçu, puis réessayez.",
  "reset.codeStoppedHere":
    "Trop de codes incorrects depuis ce réseau : le code n’est plus accepté d’ici. Utilisez plutôt le lien de l’e-mail.",
  "reset.codeDead": "Trop de codes incorrects : ce code ne fonctionne plus. Demandez un nouvel e-mail.",
};
