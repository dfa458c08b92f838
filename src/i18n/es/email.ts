/** The emails: subjects, text and HTML parts (the same words in both; links and codes are placeholders). */
import type { email as english } from "../en/email";
import type { Section } from "../types";

export const email: Section<typeof english, "es"> = {
  "email.from": "{ip} ({device})",
  "email.unknownAddress": "una dirección desconocida",
  "email.device.unknown": "Dispositivo desconocido",
  "email.device.unknownBrowser": "Navegador desconocido",
  "email.device.on": "{browser} en {system}",
  "email.reset.subject": "Restablece tu contraseña",
  "email.reset.intro": "Alguien (esperamos que tú) ha solicitado restablecer la contraseña de tu cuenta.",
  "email.reset.openLink": "Para elegir una nueva contraseña, abre este enlace:",
  "email.reset.button": "Restablecer contraseña",
  "email.reset.paste": "O pega este enlace en tu navegador:",
  "email.reset.otherDevice": "¿Vas a restablecerla en otro dispositivo? Introduce este código en {url}:",
  "email.reset.expiry":
    "El enlace y el código solo funcionan una vez (al usar uno, ambos dejan de ser válidos) y expiran {lifetime} después de la solicitud.",
  "email.reset.requested": "Solicitud realizada el {when} desde {from}.",
  "email.reset.expired": "Si el enlace ha expirado, pide uno nuevo en {url}",
  "email.reset.expiredLink": "Si el enlace ha expirado, {link}.",
  "email.reset.askNew": "pide uno nuevo",
  "email.reset.ignore": "Si no lo has solicitado tú, ignora este correo: tu contraseña no cambiará.",
  "email.changed.subject": "Se ha cambiado tu contraseña",
  "email.changed.what": "La contraseña de tu cuenta se cambió el {when} desde {from}.",
  "email.changed.keptSession":
    "Se ha cerrado la sesión en todos los demás dispositivos que la tenían iniciada; la del dispositivo desde el que se cambió sigue abierta.",
  "email.changed.allSignedOut": "Se ha cerrado la sesión en todos los dispositivos que la tenían iniciada.",
  "email.changed.notYou":
    "Si no has sido tú, restablece tu contraseña de inmediato en {url} y revisa la seguridad de tu cuenta de correo electrónico.",
  "email.changed.notYouLink": "Si no has sido tú, {link} y revisa la seguridad de tu cuenta de correo electrónico.",
  "email.changed.resetNow": "restablece tu contraseña de inmediato",
  "email.twoFactor.enabled.subject": "La verificación en dos pasos está activada",
  "email.twoFactor.enabled.what": "Se activó la verificación en dos pasos en tu cuenta el {when} desde {from}.",
  "email.twoFactor.disabled.subject": "La verificación en dos pasos está desactivada",
  "email.twoFactor.disabled.what": "Se desactivó la verificación en dos pasos en tu cuenta el {when} desde {from}.",
  "email.twoFactor.recovery_codes.subject": "Nuevos códigos de recuperación",
  "email.twoFactor.recovery_codes.what":
    "Se generaron nuevos códigos de recuperación para tu cuenta el {when} desde {from}. Los anteriores ya no funcionan.",
  "email.twoFactor.codes_locked.subject": "Códigos de verificación incorrectos en tu cuenta",
  "email.twoFactor.codes_locked.what":
    "El {when}, desde {from}, alguien introdujo la contraseña de tu cuenta y después 5 códigos de verificación incorrectos, así que el inicio de sesión no aceptará códigos durante un tiempo (más largo cada vez que vuelva a ocurrir).",
  "email.twoFactor.reset_codes_locked.subject": "Códigos de verificación incorrectos al restablecer la contraseña",
  "email.twoFactor.reset_codes_locked.what":
    "El {when}, desde {from}, alguien abrió un restablecimiento de la contraseña de tu cuenta y después introdujo 5 códigos de verificación incorrectos, así que el restablecimiento no aceptará códigos durante un tiempo (más largo cada vez que vuelva a ocurrir).",
  "email.twoFactor.warning": "Si no has sido tú, alguien tiene tu contraseña: restablécela de inmediato en {url}.",
  "email.twoFactor.codes_locked.warning":
    "Si no has sido tú, alguien tiene tu contraseña. Restablécela en {url}: el restablecimiento acepta ya un código de tu aplicación o un código de recuperación, y levanta este bloqueo.",
  "email.twoFactor.reset_codes_locked.warning":
    "Si no has sido tú, alguien puede leer tu correo: protege primero tu cuenta de correo. Iniciar sesión con tu contraseña y un código sigue funcionando, y puedes cambiar tu contraseña en la página de tu cuenta.",
};
