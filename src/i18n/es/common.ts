/** Words every page shares: the frame, the language menu, form errors, the password policy, error pages. */
import type { common as english } from "../en/common";
import type { Section } from "../types";

export const common: Section<typeof english, "es"> = {
  "layout.brand": "Cuenta",
  "layout.title": "{title} · Cuenta",
  "layout.language": "Idioma",
  "field.passwordHint": {
    one: "Mínimo {count} carácter. Una frase larga es buena opción; no hay más reglas.",
    many: "Mínimo {count} caracteres. Una frase larga es buena opción; no hay más reglas.",
    other: "Mínimo {count} caracteres. Una frase larga es buena opción; no hay más reglas.",
  },
  "field.passwordCount": {
    one: "{typed} de un mínimo de {count} carácter",
    many: "{typed} de un mínimo de {count} caracteres",
    other: "{typed} de un mínimo de {count} caracteres",
  },
  "field.passwordGood": "Perfecto.",
  "field.mismatch": "No coincide con la contraseña.",
  "field.copied": "Copiado",
  "field.invalid": "Revisa este campo: su valor no es válido para este formulario.",
  "field.enterEmail": "Introduce una dirección de correo electrónico válida.",
  "field.enterPassword": "Introduce tu contraseña.",
  "field.enterCurrentPassword": "Introduce tu contraseña actual.",
  "password.too_short": {
    one: "La contraseña debe tener al menos {count} carácter.",
    many: "La contraseña debe tener al menos {count} caracteres.",
    other: "La contraseña debe tener al menos {count} caracteres.",
  },
  "password.too_long": {
    one: "La contraseña debe tener como máximo {count} carácter.",
    many: "La contraseña debe tener como máximo {count} caracteres.",
    other: "La contraseña debe tener como máximo {count} caracteres.",
  },
  "password.common":
    "La contraseña es demasiado común o predecible (una contraseña muy conocida, una repetición o una secuencia). Elige una menos predecible.",
  "password.matches_email": "La contraseña no puede ser tu dirección de correo electrónico.",
  "password.breached": "Esta contraseña ha aparecido en una filtración de datos. Elige otra.",
  "password.breach_check_unavailable":
    "Ahora mismo no se puede comprobar si la contraseña aparece en filtraciones conocidas. Vuelve a intentarlo en unos instantes.",
  "refusal.invalidCredentials":
    "Parece que el correo electrónico o la contraseña no son válidos. Vuelve a intentarlo o restablece tu contraseña.",
  "refusal.tooManyAttempts": "Demasiados intentos. Espera unos minutos o restablece tu contraseña.",
  "refusal.tooManyRequests": "Demasiadas solicitudes desde tu red. Vuelve a intentarlo en un minuto.",
  "refusal.invalidLink": "Este enlace para restablecer la contraseña no es válido, ha expirado o ya se ha usado.",
  "refusal.emailTaken": "Ya existe una cuenta con este correo electrónico. Inicia sesión o restablece tu contraseña.",
  "refusal.locked":
    "Demasiados intentos de inicio de sesión. Inicia sesión desde un navegador en el que ya hayas iniciado sesión o vuelve a intentarlo en {wait}.",
  "refusal.codeRequired":
    "Introduce el código de 6 dígitos de tu aplicación de autenticación o un código de recuperación.",
  "refusal.codeWrong":
    "El código no es correcto o ya se ha usado. Introduce el código actual de tu aplicación o un código de recuperación.",
  "refusal.codeLocked": "Demasiados códigos incorrectos. Vuelve a intentarlo en {wait}.",
  "refusal.notCurrentPassword": "Esa no es tu contraseña actual.",
  "refusal.changedElsewhere": "Tu contraseña se acaba de cambiar desde otro lugar. Aquí no se ha cambiado nada.",
  "refusal.sessionEnded": "Tu sesión ha finalizado. Vuelve a iniciar sesión.",
  "error.notFound.title": "Página no encontrada",
  "error.notFound.text": "No hay nada en esta dirección.",
  "error.unavailable.title": "Vuelve a intentarlo",
  "error.unavailable.text":
    "No se ha podido cambiar tu contraseña en este momento. Vuelve a intentarlo en unos instantes con el mismo enlace.",
  "error.forbidden.title": "Solicitud rechazada",
  "error.forbidden.text": "Este formulario se envió desde otro sitio web, así que no se ha aceptado.",
  "error.tooLarge.title": "Solicitud demasiado grande",
  "error.tooLarge.text": "El formulario superaba el tamaño máximo que admite cualquier formulario de este sitio.",
  "error.failed.title": "Se ha producido un error",
  "error.failed.text": "Vuelve atrás e inténtalo de nuevo.",
  "error.back": "Ir al inicio de sesión",
};
