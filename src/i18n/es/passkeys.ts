/** Passkeys: on /account, at sign-in, as the second step and at the reset; how a session was created. */
import type { passkeys as english } from "../en/passkeys";
import type { Section } from "../types";

export const passkeys: Section<typeof english, "es"> = {
  "passkeys.heading": "Llaves de acceso",
  "passkeys.intro":
    "Una llave de acceso te permite iniciar sesión con el bloqueo de pantalla de tu dispositivo (huella, rostro o PIN) en lugar de tu contraseña. No se puede suplantar ni adivinar.",
  "passkeys.none": "Aún no tienes llaves de acceso.",
  "passkeys.times": "añadida el {added} · último uso: {used}",
  "passkeys.neverUsed": "nunca",
  "passkeys.nameLabel": "Nombre",
  "passkeys.rename": "Cambiar nombre",
  "passkeys.remove": "Quitar",
  "passkeys.removeIntro":
    "Para quitar una llave de acceso, confirma con tu contraseña (y un código si la verificación en dos pasos está activada) o con una de tus llaves de acceso.",
  "passkeys.removeWithPasskey": "Quitar con una llave de acceso",
  "passkeys.add": "Añadir una llave de acceso",
  "passkeys.addIntro":
    "Confirma con tu contraseña (y un código de tu aplicación si la verificación en dos pasos está activada) y sigue los pasos de tu navegador.",
  "passkeys.codeLabel": "Código de autenticación (dos pasos)",
  "passkeys.needsScript":
    "Las llaves de acceso necesitan JavaScript en este navegador. Actívalo para usar una o continúa con tu contraseña.",
  "passkeys.limit": "Una cuenta puede tener 10 llaves de acceso. Quita una para añadir otra.",
  "passkeys.refused": "No se pudo usar esa llave de acceso. Inténtalo de nuevo.",
  "passkeys.cancelled": "El navegador no creó ninguna llave de acceso. Inténtalo de nuevo cuando quieras.",
  "passkeys.nameInvalid": "Pon a la llave de acceso un nombre de 64 caracteres como máximo.",
  "passkeys.noticeAdded": "Llave de acceso añadida. Desde ahora puedes iniciar sesión con ella.",
  "passkeys.noticeRenamed": "Nombre de la llave de acceso cambiado.",
  "passkeys.noticeRemoved": "Llave de acceso quitada.",
  "passkeys.signIn": "Iniciar sesión con una llave de acceso",
  "notice.passkey_refused": "Esa llave de acceso no inició tu sesión. Inténtalo de nuevo o usa tu contraseña.",
  "notice.passkey_expired": "La solicitud de la llave de acceso caducó. Inténtalo de nuevo.",
  "notice.passkey_limited":
    "Demasiados intentos con llaves de acceso desde tu red. Espera 15 minutos o usa tu contraseña.",
  "passkeys.event.added": "Llave de acceso añadida",
  "passkeys.event.removed": "Llave de acceso quitada",
  "passkeys.method.password": "con contraseña",
  "passkeys.method.passwordCode": "con contraseña y código",
  "passkeys.method.passwordPasskey": "con contraseña y llave de acceso",
  "passkeys.method.passkey": "con llave de acceso",
  "passkeys.secondStep": "O usa una llave de acceso en lugar del código.",
  "passkeys.usePasskey": "Usar una llave de acceso",
  "passkeys.offerHeading": "¿Añadir una llave de acceso?",
  "passkeys.offerText":
    "Tu contraseña ha cambiado. Con una llave de acceso podrías iniciar sesión sin ella la próxima vez, y nadie puede suplantarla.",
  "passkeys.offerSkip": "Ahora no",
  "email.twoFactor.passkey_added.subject": "Se añadió una llave de acceso a tu cuenta",
  "email.twoFactor.passkey_added.what":
    "Se añadió una llave de acceso a tu cuenta el {when} desde {from}. Permite iniciar sesión sin tu contraseña.",
  "email.twoFactor.passkey_removed.subject": "Se quitó una llave de acceso de tu cuenta",
  "email.twoFactor.passkey_removed.what": "Se quitó una llave de acceso de tu cuenta el {when} desde {from}.",
  "email.passkey.name": "La llave de acceso: {name}",
};
