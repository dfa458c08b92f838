/** /login, /signup and the notices /login can show. */
import type { signIn as english } from "../en/sign-in";
import type { Section } from "../types";

export const signIn: Section<typeof english, "fr"> = {
  "signIn.title": "Connexion",
  "signIn.email": "Adresse e-mail",
  "signIn.password": "Mot de passe",
  "signIn.forgot": "Mot de passe oublié ?",
  "signIn.submit": "Se connecter",
  "signIn.noAccount": "Pas encore de compte ? {link}",
  "signIn.signUpLink": "S’inscrire",
  "signIn.challenge.missing":
    "De nombreuses connexions à ce compte ont échoué aujourd’hui : une étape de plus est nécessaire. Effectuez la vérification ci-dessous, puis connectez-vous.",
  "signIn.challenge.failed":
    "La vérification n’a pas été effectuée ou a expiré. Effectuez-la de nouveau, puis connectez-vous.",
  "signIn.challenge.unavailable":
    "La vérification n’a pas pu être confirmée pour le moment. Rien n’a été compté : reconnectez-vous dans un instant.",
  "signIn.challenge.noScript":
    "Cette vérification nécessite JavaScript. Activez-le pour ce site, ou connectez-vous depuis un appareil déjà utilisé pour vous connecter ici.",
  "notice.reset": "Votre mot de passe a bien été réinitialisé. Connectez-vous avec vos nouveaux identifiants.",
  "notice.password_reset":
    "Votre mot de passe a été réinitialisé : toutes les sessions ont donc été déconnectées. Connectez-vous avec le nouveau mot de passe.",
  "notice.password_changed":
    "Votre mot de passe a été modifié dans une autre session : celle-ci a donc été déconnectée. Connectez-vous avec le nouveau mot de passe.",
  "notice.signed_out": "Déconnexion effectuée.",
  "notice.signed_out_elsewhere": "Cette session a été déconnectée depuis une autre session.",
  "notice.signed_out_everywhere": "Toutes vos sessions ont été déconnectées.",
  "notice.session_limit": "Cette session a été déconnectée, car trop de sessions étaient ouvertes.",
  "notice.expired": "Votre session a pris fin. Veuillez vous reconnecter.",
  "notice.signed_up": "Votre compte a été créé. Connectez-vous pour continuer.",
  "signUp.title": "Inscription",
  "signUp.heading": "Créez votre compte",
  "signUp.firstName": "Prénom (facultatif)",
  "signUp.lastName": "Nom (facultatif)",
  "signUp.password": "Mot de passe",
  "signUp.confirm": "Confirmer le mot de passe",
  "signUp.submit": "S’inscrire",
  "signUp.haveAccount": "Vous avez déjà un compte ? {link}",
  "signUp.signInLink": "Se connecter",
};
