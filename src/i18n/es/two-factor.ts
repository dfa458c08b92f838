/** Two-factor sign-in: set-up, the code step, recovery codes. */
import type { twoFactor as english } from "../en/two-factor";
import type { Section } from "../types";

export const twoFactor: Section<typeof english, "es"> = {
  "twoFactor.title": "Verificación en dos pasos",
  "twoFactor.stepSignIn":
    "Introduce el código de 6 dígitos de tu aplicación de autenticación para terminar de iniciar sesión.",
  "twoFactor.stepReset":
    "Esta cuenta usa la verificación en dos pasos: introduce el código de 6 dígitos de tu aplicación de autenticación antes de elegir una nueva contraseña.",
  "twoFactor.codeLabel": "Código de verificación",
  "twoFactor.codeHint": "¿No tienes el teléfono? Introduce uno de tus códigos de recuperación.",
  "twoFactor.verify": "Verificar",
  "twoFactor.continue": "Continuar",
  "twoFactor.lostLink": "¿Has perdido tu dispositivo y tus códigos de recuperación?",
  "twoFactor.enterCode": "Introduce el código de tu aplicación.",
  "twoFactor.notYourPassword": "Esa no es tu contraseña.",
  "twoFactor.setup.title": "Configurar la verificación en dos pasos",
  "twoFactor.setup.scan":
    "Escanea este código QR con una aplicación de autenticación (1Password, Google Authenticator, Authy, Microsoft Authenticator…).",
  "twoFactor.setup.qrAlt": "Código QR para tu aplicación de autenticación",
  "twoFactor.setup.typeKey": "O escribe esta clave de configuración en la aplicación: {key}",
  "twoFactor.setup.code": "Código de 6 dígitos de la aplicación",
  "twoFactor.yourPassword": "Tu contraseña",
  "twoFactor.setup.submit": "Activar",
  "twoFactor.setup.cancel": "Cancelar",
  "twoFactor.setup.codeUsed": "Ese código se acaba de usar. Espera al siguiente código de la aplicación y escríbelo.",
  "twoFactor.setup.codeWrong":
    "El código no es correcto. Introduce el código de 6 dígitos que muestra ahora la aplicación.",
  "twoFactor.codes.title": "Códigos de recuperación",
  "twoFactor.codes.enabledHeading": "La verificación en dos pasos está activada",
  "twoFactor.codes.regeneratedHeading": "Nuevos códigos de recuperación",
  "twoFactor.codes.enabledNotice": "A partir de ahora, al iniciar sesión se te pedirá un código de tu aplicación.",
  "twoFactor.codes.regeneratedNotice": "Tus códigos de recuperación anteriores ya no funcionan.",
  "twoFactor.codes.keep":
    "Guarda estos códigos de recuperación en un lugar seguro. Si pierdes el teléfono, cada uno te permite iniciar sesión una vez. Esta es la única vez que se muestran.",
  "twoFactor.codes.copy": "Copiar",
  "twoFactor.codes.download": "Descargar como texto",
  "twoFactor.codes.fileHeading": "Códigos de recuperación (cada uno solo se puede usar una vez)",
  "twoFactor.codes.back": "Volver a tu cuenta",
  "twoFactor.lost.title": "¿Has perdido tu método de verificación?",
  "twoFactor.lost.heading": "¿Has perdido tu dispositivo y tus códigos de recuperación?",
  "twoFactor.lost.intro":
    "Sin tu aplicación de autenticación o un código de recuperación, no es posible acceder a esta cuenta desde aquí, ni siquiera restableciendo la contraseña: eso es lo que la protege si otra persona lee tu correo.",
  "twoFactor.lost.otherDevice":
    "Si aún tienes la aplicación en otro dispositivo, o una copia de seguridad de ella, usa el código que te muestre.",
  "twoFactor.lost.savedCodes":
    "Busca los códigos de recuperación que guardaste al activar la verificación en dos pasos.",
  "twoFactor.lost.support":
    "Si no, escribe al equipo de asistencia de este servicio desde la dirección de correo electrónico de tu cuenta. Después de comprobar que eres tú, podrá desactivar la verificación en dos pasos para que inicies sesión con tu contraseña y vuelvas a configurarla.",
  "twoFactor.lost.back": "Volver al inicio de sesión",
  "twoFactor.section.off":
    "Desactivada. Si la activas, también se pedirá un código de una aplicación de autenticación al iniciar sesión y al restablecer la contraseña.",
  "twoFactor.section.setUp": "Configurar",
  "twoFactor.section.on": "Activada desde el {since}.",
  "twoFactor.section.codesLeft": {
    one: "Te queda {count} de {total} códigos de recuperación.",
    many: "Te quedan {count} de {total} códigos de recuperación.",
    other: "Te quedan {count} de {total} códigos de recuperación.",
  },
  "twoFactor.section.appCode": "Código de tu aplicación",
  "twoFactor.section.newCodes": "Generar nuevos códigos de recuperación",
  "twoFactor.section.appOrRecoveryCode": "Código de tu aplicación o de recuperación",
  "twoFactor.section.turnOff": "Desactivar",
};
