/** Changement d'adresse e-mail, son annulation et « Ce n'était pas moi » : pages, avis de /login et e-mails. */
export const recovery = {
  "notice.locked_down":
    "Toutes les sessions de ce compte ont été déconnectées. Choisissez un nouveau mot de passe pour vous reconnecter.",
  "notice.email_changed": "Cette session a été déconnectée, car l'adresse e-mail du compte a changé.",
  "refusal.resetRequired":
    "Ce compte demande d'abord un nouveau mot de passe : son titulaire ou un administrateur l'a sécurisé. Choisissez un nouveau mot de passe avec « Mot de passe oublié ? » pour vous reconnecter.",
  "wasntMe.title": "Ce n'était pas moi",
  "wasntMe.intro":
    "Si vous n'avez pas fait la modification dont notre e-mail vous a informé, sécurisez votre compte maintenant. Cela va :",
  "wasntMe.signOut": "déconnecter toutes les sessions, sur tous les appareils, immédiatement ;",
  "wasntMe.voidLinks": "invalider tous les liens et codes de réinitialisation déjà envoyés ;",
  "wasntMe.revertEmail": "annuler un changement de l'adresse e-mail du compte ;",
  "wasntMe.askReset": "exiger un nouveau mot de passe avant toute nouvelle connexion.",
  "wasntMe.button": "Sécuriser mon compte",
  "wasntMe.doneHeading": "Votre compte est sécurisé",
  "wasntMe.done":
    "Toutes les sessions ont été déconnectées. Pour vous reconnecter, choisissez un nouveau mot de passe : demandez un lien pour l'adresse e-mail du compte.",
  "wasntMe.askLink": "Choisir un nouveau mot de passe",
  "wasntMe.invalid":
    "Ce lien n'est pas valide, a déjà servi ou a expiré. Si vous pensez toujours que quelqu'un d'autre est dans votre compte, réinitialisez votre mot de passe.",
  "emailChange.heading": "Adresse e-mail",
  "emailChange.current": "Vous vous connectez avec {email}.",
  "emailChange.newLabel": "Nouvelle adresse e-mail",
  "emailChange.codeLabel": "Code de votre application d'authentification",
  "emailChange.submit": "Changer d'adresse e-mail",
  "emailChange.sent":
    "Nous avons envoyé un lien de confirmation à {email}. Rien ne change tant qu'il n'est pas ouvert, dans les 60 minutes.",
  "emailChange.same": "C'est déjà votre adresse e-mail.",
  "emailChange.confirmTitle": "Confirmez votre nouvelle adresse e-mail",
  "emailChange.confirmIntro": "Se connecter désormais à ce compte avec cette adresse ?",
  "emailChange.confirmButton": "Confirmer",
  "emailChange.confirmed":
    "Votre adresse e-mail est désormais {email}. Connectez-vous avec elle à partir de maintenant.",
  "emailChange.confirmInvalid":
    "Ce lien n'est pas valide, a déjà servi ou a expiré (il fonctionne 60 minutes). Demandez à nouveau le changement depuis la page de votre compte.",
  "emailChange.confirmTaken":
    "Cette adresse est désormais utilisée par un autre compte : le changement n'a pas été fait.",
  "emailChange.revertTitle": "Annuler le changement d'adresse e-mail",
  "emailChange.revertIntro":
    "L'adresse e-mail du compte a été changée. Annulez-le : l'adresse redevient celle-ci, toutes les sessions sont déconnectées et un nouveau mot de passe est nécessaire pour se connecter.",
  "emailChange.revertButton": "Annuler le changement et sécuriser mon compte",
  "emailChange.reverted":
    "Le changement est annulé : l'adresse du compte est de nouveau {email}. Choisissez un nouveau mot de passe pour vous connecter.",
  "emailChange.revertTaken":
    "Le changement n'a pas pu être annulé : {email} est désormais utilisée par un autre compte. Toutes les sessions ont tout de même été déconnectées.",
  "emailChange.revertInvalid": "Ce lien n'est pas valide, a déjà servi ou a expiré (il fonctionne 7 jours).",
  "account.event.accountLockedDown": "Compte sécurisé (« Ce n'était pas moi »)",
  "account.event.emailChangeRequested": "Changement d'adresse e-mail demandé",
  "account.event.emailChanged": "Adresse e-mail changée",
  "account.event.emailChangeReverted": "Changement d'adresse e-mail annulé",
  "email.emailChange.confirm.subject": "Confirmez votre nouvelle adresse e-mail",
  "email.emailChange.confirm.intro":
    "Quelqu'un a demandé à se connecter désormais à un compte avec cette adresse. Si c'était vous, confirmez-le :",
  "email.emailChange.confirm.button": "Confirmer la nouvelle adresse",
  "email.emailChange.confirm.expiry":
    "Le lien fonctionne {lifetime}. Si vous n'avez rien demandé, ignorez cet e-mail : rien ne change.",
  "email.emailChange.asked.subject": "Un changement de votre adresse e-mail a été demandé",
  "email.emailChange.asked.what":
    "Le {when}, depuis {from}, une personne connectée à votre compte a demandé à changer son adresse e-mail en {email}. Rien ne change si la nouvelle adresse ne confirme pas dans les 60 minutes.",
  "email.emailChange.done.subject": "Votre adresse e-mail a été changée",
  "email.emailChange.done.what":
    "Le {when}, depuis {from}, l'adresse e-mail de votre compte a été changée en {email}. Cette adresse ne reçoit plus ses e-mails.",
  "email.emailChange.done.revert": "Ce n'était pas vous ? Annulez le changement (le lien fonctionne 7 jours) : {url}",
  "email.emailChange.done.revertButton": "Annuler le changement",
  "email.emailChange.reverted.subject": "Le changement de votre adresse e-mail a été annulé",
  "email.emailChange.reverted.what":
    "Le {when}, depuis {from}, le changement d'adresse e-mail de votre compte a été annulé : c'est de nouveau {email}. Toutes les sessions ont été déconnectées ; choisissez un nouveau mot de passe pour vous connecter.",
  "email.wasntMe.text": "Ce n'était pas vous ? Sécurisez votre compte en un clic (le lien fonctionne 7 jours) : {url}",
  "email.wasntMe.html": "Ce n'était pas vous ? {link} (le lien fonctionne 7 jours).",
  "email.wasntMe.button": "Sécuriser mon compte",
} as const;
