/** The forgot, reset, code and dead-link pages. */
import type { reset as english } from "../en/reset";
import type { Section } from "../types";

export const reset: Section<typeof english, "es"> = {
  "reset.forgotTitle": "¿Has olvidado tu contraseña?",
  "reset.forgotHeading": "¿Has olvidado tu contraseña?",
  "reset.forgotIntro":
    "Introduce la dirección de correo electrónico de tu cuenta y te enviaremos un enlace para restablecer la contraseña.",
  "reset.sendInstructions": "Enviar instrucciones",
  "reset.backToSignIn": "Volver al inicio de sesión",
  "reset.sentTitle": "Revisa tu correo",
  "reset.sentNotice":
    "Si {email} tiene una cuenta, hemos enviado a esa dirección un correo con instrucciones para restablecer tu contraseña.",
  "reset.sentValidity":
    "El enlace del correo es válido durante {lifetime} y solo funciona una vez. Si no te llega en unos minutos, revisa la carpeta de spam.",
  "reset.otherDevice": "¿Vas a leer el correo en otro dispositivo? También incluye un código: {link}.",
  "reset.otherDeviceLink": "introdúcelo aquí",
  "reset.sendAgain": "Volver a enviar",
  "reset.resetTitle": "Restablecer contraseña",
  "reset.resetIntro":
    "Elige una nueva contraseña. Se cerrará la sesión en todos los dispositivos conectados a tu cuenta.",
  "reset.newPassword": "Nueva contraseña",
  "reset.confirmNewPassword": "Confirmar nueva contraseña",
  "reset.resetSubmit": "Restablecer contraseña",
  "reset.tooManyAttempts": "Demasiados intentos. Espera un minuto y vuelve a intentarlo.",
  "reset.enterAppCode": "Introduce el código de tu aplicación.",
  "reset.deadTitle": "El enlace ya no es válido",
  "reset.sendNewLink": "Enviar un enlace nuevo",
  "reset.deadExpired": "Este enlace ha expirado",
  "reset.deadUsed": "Este enlace ya se ha usado",
  "reset.deadReplaced": "Un enlace más reciente ha sustituido a este",
  "reset.deadPasswordChanged": "Tu contraseña ha cambiado desde entonces",
  "reset.deadInvalid": "Este enlace no es válido",
  "reset.whyExpired": "Los enlaces para restablecer la contraseña son válidos durante {lifetime}. Este expiró el {at}.",
  "reset.whyUsed":
    "Se usó para restablecer tu contraseña el {at}. Inicia sesión con esa contraseña o, si no has sido tú, envíate un enlace nuevo y vuelve a restablecerla.",
  "reset.whyReplaced":
    "El {at} pediste otro correo, que sustituyó a este enlace. Usa el enlace del correo más reciente o envía uno nuevo.",
  "reset.whyPasswordChanged":
    "La contraseña se cambió el {at}, después de que se enviara este enlace, así que el enlace dejó de funcionar.",
  "reset.whyInvalid": "Puede que esté incompleto: asegúrate de abrir el enlace completo del correo o pide uno nuevo.",
  "reset.newLinkNotice": "Hemos enviado un enlace nuevo a la misma dirección a la que se envió el anterior.",
  "reset.newLinkValidity":
    "El nuevo enlace es válido durante {lifetime} y solo funciona una vez. Si no te llega en unos minutos, revisa la carpeta de spam.",
  "reset.codeTitle": "Introduce tu código",
  "reset.codeIntro":
    "El correo para restablecer la contraseña incluye un enlace y, debajo, un código de 8 caracteres. Escribe el código aquí para restablecer tu contraseña en este dispositivo.",
  "reset.codeLabel": "Código",
  "reset.codeHint": "Por ejemplo, ABCD-EFGH; no importan las mayúsculas ni los guiones.",
  "reset.codeSubmit": "Continuar",
  "reset.sendNewEmail": "Enviar un correo nuevo",
  "reset.codeEnterEmail": "Introduce la dirección de correo electrónico a la que se envió el código.",
  "reset.codeEnterCode": "Introduce el código del correo.",
  "reset.codeWrong": "El código no es correcto. Compáralo con el del correo más reciente y vuelve a intentarlo.",
  "reset.codeStoppedHere":
    "Demasiados códigos incorrectos desde esta red: el código ya no se acepta desde aquí. Usa el enlace del correo.",
  "reset.codeDead": "Demasiados códigos incorrectos: este código ya no funciona. Pide un correo nuevo.",
};
