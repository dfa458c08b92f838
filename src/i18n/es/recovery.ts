/** Cambio de correo, su anulación y «No fui yo»: páginas, avisos de /login y correos. */
export const recovery = {
  "notice.locked_down":
    "Se cerraron todas las sesiones de esta cuenta. Elige una contraseña nueva para volver a iniciar sesión.",
  "notice.email_changed": "Se ha cerrado tu sesión porque cambió la dirección de correo de la cuenta.",
  "refusal.resetRequired":
    "Esta cuenta necesita primero una contraseña nueva: su titular o un administrador la protegió. Elige una contraseña nueva con «¿Olvidaste tu contraseña?» para volver a iniciar sesión.",
  "wasntMe.title": "No fui yo",
  "wasntMe.intro": "Si no hiciste el cambio del que te avisó nuestro correo, protege tu cuenta ahora. Esto:",
  "wasntMe.signOut": "cerrará todas las sesiones, en todos los dispositivos, al instante;",
  "wasntMe.voidLinks": "anulará todos los enlaces y códigos de restablecimiento ya enviados;",
  "wasntMe.revertEmail": "deshará un cambio de la dirección de correo de la cuenta;",
  "wasntMe.askReset": "pedirá una contraseña nueva antes de que nadie pueda volver a iniciar sesión.",
  "wasntMe.button": "Proteger mi cuenta",
  "wasntMe.doneHeading": "Tu cuenta está protegida",
  "wasntMe.done":
    "Se cerraron todas las sesiones. Para volver a iniciar sesión, elige una contraseña nueva: pide un enlace para la dirección de correo de la cuenta.",
  "wasntMe.askLink": "Elegir una contraseña nueva",
  "wasntMe.invalid":
    "Este enlace no es válido, ya se usó o ha caducado. Si sigues creyendo que alguien más está en tu cuenta, restablece tu contraseña.",
  "emailChange.heading": "Dirección de correo",
  "emailChange.current": "Inicias sesión con {email}.",
  "emailChange.newLabel": "Nueva dirección de correo",
  "emailChange.codeLabel": "Código de tu aplicación de autenticación",
  "emailChange.submit": "Cambiar la dirección de correo",
  "emailChange.sent":
    "Enviamos un enlace de confirmación a {email}. Nada cambia hasta que se abra, dentro de 60 minutos.",
  "emailChange.same": "Esa ya es tu dirección de correo.",
  "emailChange.confirmTitle": "Confirma tu nueva dirección de correo",
  "emailChange.confirmIntro": "¿Iniciar sesión en esta cuenta con esta dirección a partir de ahora?",
  "emailChange.confirmButton": "Confirmar",
  "emailChange.confirmed": "Tu dirección de correo ahora es {email}. Inicia sesión con ella a partir de ahora.",
  "emailChange.confirmInvalid":
    "Este enlace no es válido, ya se usó o ha caducado (funciona 60 minutos). Vuelve a pedir el cambio en la página de tu cuenta.",
  "emailChange.confirmTaken": "Esa dirección ahora la usa otra cuenta, así que el cambio no se hizo.",
  "emailChange.revertTitle": "Deshacer el cambio de correo",
  "emailChange.revertIntro":
    "Se cambió la dirección de correo de la cuenta. Deshazlo: la dirección vuelve a ser esta, se cierran todas las sesiones y hará falta una contraseña nueva para iniciar sesión.",
  "emailChange.revertButton": "Deshacer el cambio y proteger mi cuenta",
  "emailChange.reverted":
    "El cambio está deshecho: la dirección de la cuenta vuelve a ser {email}. Elige una contraseña nueva para iniciar sesión.",
  "emailChange.revertTaken":
    "No se pudo deshacer el cambio: {email} ahora la usa otra cuenta. Aun así, se cerraron todas las sesiones.",
  "emailChange.revertInvalid": "Este enlace no es válido, ya se usó o ha caducado (funciona 7 días).",
  "account.event.accountLockedDown": "Cuenta protegida («No fui yo»)",
  "account.event.emailChangeRequested": "Cambio de correo solicitado",
  "account.event.emailChanged": "Dirección de correo cambiada",
  "account.event.emailChangeReverted": "Cambio de correo deshecho",
  "email.emailChange.confirm.subject": "Confirma tu nueva dirección de correo",
  "email.emailChange.confirm.intro":
    "Alguien pidió iniciar sesión en una cuenta con esta dirección a partir de ahora. Si fuiste tú, confírmalo:",
  "email.emailChange.confirm.button": "Confirmar la nueva dirección",
  "email.emailChange.confirm.expiry":
    "El enlace funciona durante {lifetime}. Si no lo pediste, ignora este correo: nada cambia.",
  "email.emailChange.asked.subject": "Se pidió cambiar tu dirección de correo",
  "email.emailChange.asked.what":
    "El {when}, desde {from}, alguien con una sesión en tu cuenta pidió cambiar su dirección de correo a {email}. Nada cambia si la nueva dirección no lo confirma dentro de 60 minutos.",
  "email.emailChange.done.subject": "Se cambió tu dirección de correo",
  "email.emailChange.done.what":
    "El {when}, desde {from}, la dirección de correo de tu cuenta se cambió a {email}. Esta dirección ya no recibe sus correos.",
  "email.emailChange.done.revert": "¿No fuiste tú? Deshaz el cambio (el enlace funciona 7 días): {url}",
  "email.emailChange.done.revertButton": "Deshacer el cambio",
  "email.emailChange.reverted.subject": "Se deshizo el cambio de tu dirección de correo",
  "email.emailChange.reverted.what":
    "El {when}, desde {from}, se deshizo el cambio de la dirección de correo de tu cuenta: vuelve a ser {email}. Se cerraron todas las sesiones; elige una contraseña nueva para iniciar sesión.",
  "email.wasntMe.text": "¿No fuiste tú? Protege tu cuenta con un clic (el enlace funciona 7 días): {url}",
  "email.wasntMe.html": "¿No fuiste tú? {link} (el enlace funciona 7 días).",
  "email.wasntMe.button": "Proteger mi cuenta",
} as const;
