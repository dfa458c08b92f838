/** Words every page shares: the frame, the language menu, form errors, the password policy, error pages. */
import type { common as english } from "../en/common";
import type { Section } from "../types";

export const common: Section<typeof english, "fr"> = {
  "layout.brand": "Compte",
  "layout.title": "{title} · Compte",
  "layout.language": "Langue",
  "field.passwordHint": {
    one: "Au moins {count} caractère. Une longue phrase est idéale ; aucune autre règle ne s’applique.",
    many: "Au moins {count} caractères. Une longue phrase est idéale ; aucune autre règle ne s’applique.",
    other: "Au moins {count} caractères. Une longue phrase est idéale ; aucune autre règle ne s’applique.",
  },
  "field.passwordCount": {
    one: "{typed} sur {count} caractère minimum",
    many: "{typed} sur {count} caractères minimum",
    other: "{typed} sur {count} caractères minimum",
  },
  "field.passwordGood": "Parfait.",
  "field.mismatch": "Les mots de passe ne correspondent pas.",
  "field.copied": "Copié",
  "field.invalid": "Vérifiez ce champ : ce formulaire n’accepte pas cette valeur.",
  "field.enterEmail": "Saisissez une adresse e-mail valide.",
  "field.enterPassword": "Saisissez votre mot de passe.",
  "field.enterCurrentPassword": "Saisissez votre mot de passe actuel.",
  "password.too_short": {
    one: "Le mot de passe doit comporter au moins {count} caractère.",
    many: "Le mot de passe doit comporter au moins {count} caractères.",
    other: "Le mot de passe doit comporter au moins {count} caractères.",
  },
  "password.too_long": {
    one: "Le mot de passe ne doit pas dépasser {count} caractère.",
    many: "Le mot de passe ne doit pas dépasser {count} caractères.",
    other: "Le mot de passe ne doit pas dépasser {count} caractères.",
  },
  "password.common":
    "Ce mot de passe est trop courant ou trop prévisible (mot de passe très répandu, répétition ou suite de caractères). Veuillez en choisir un moins prévisible.",
  "password.matches_email": "Le mot de passe ne doit pas être votre adresse e-mail.",
  "password.breached": "Ce mot de passe figure dans une fuite de données. Veuillez en choisir un autre.",
  "password.breach_check_unavailable":
    "Impossible de vérifier pour le moment si ce mot de passe figure dans une fuite de données connue. Veuillez réessayer dans un instant.",
  "refusal.invalidCredentials":
    "L’adresse e-mail ou le mot de passe semble incorrect. Veuillez réessayer ou réinitialiser votre mot de passe.",
  "refusal.tooManyAttempts":
    "Trop de tentatives. Veuillez patienter quelques minutes ou réinitialiser votre mot de passe.",
  "refusal.tooManyRequests": "Trop de requêtes depuis votre réseau. Veuillez réessayer dans une minute.",
  "refusal.invalidLink":
    "Ce lien de réinitialisation du mot de passe n’est pas valide, a expiré ou a déjà été utilisé.",
  "refusal.emailTaken":
    "Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez votre mot de passe.",
  "refusal.locked":
    "Trop de tentatives de connexion. Connectez-vous depuis un navigateur où vous vous êtes déjà connecté, ou réessayez dans {wait}.",
  "refusal.codeRequired":
    "Saisissez le code à 6 chiffres de votre application d’authentification ou un code de récupération.",
  "refusal.codeWrong":
    "Ce code est incorrect ou a déjà été utilisé. Saisissez le code actuellement affiché dans votre application ou un code de récupération.",
  "refusal.codeLocked": "Trop de codes incorrects. Réessayez dans {wait}.",
  "refusal.notCurrentPassword": "Ce n’est pas votre mot de passe actuel.",
  "refusal.changedElsewhere":
    "Votre mot de passe vient d’être modifié ailleurs. Aucune modification n’a été effectuée ici.",
  "refusal.sessionEnded": "Votre session a pris fin. Veuillez vous reconnecter.",
  "error.notFound.title": "Page introuvable",
  "error.notFound.text": "Il n’y a rien à cette adresse.",
  "error.unavailable.title": "Veuillez réessayer",
  "error.unavailable.text":
    "Impossible de modifier votre mot de passe pour le moment. Veuillez réessayer dans un instant avec le même lien.",
  "error.forbidden.title": "Requête refusée",
  "error.forbidden.text": "Ce formulaire a été envoyé depuis un autre site et n’a donc pas été accepté.",
  "error.tooLarge.title": "Requête trop volumineuse",
  "error.tooLarge.text": "Ce formulaire dépasse la taille maximale acceptée par ce site.",
  "error.failed.title": "Une erreur s’est produite",
  "error.failed.text": "Veuillez revenir en arrière et réessayer.",
  "error.back": "Aller à la page de connexion",
};
