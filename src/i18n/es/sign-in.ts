/** /login, /signup and the notices /login can show. */
import type { signIn as english } from "../en/sign-in";
import type { Section } from "../types";

export const signIn: Section<typeof english, "es"> = {
  "signIn.title": "Iniciar sesión",
  "signIn.email": "Correo electrónico",
  "signIn.password": "Contraseña",
  "signIn.forgot": "¿Has olvidado tu contraseña?",
  "signIn.submit": "Iniciar sesión",
  "signIn.noAccount": "¿Aún no tienes una cuenta? {link}",
  "signIn.signUpLink": "Regístrate",
  "signIn.challenge.missing":
    "Hoy han fallado muchos inicios de sesión en esta cuenta, así que hace falta un paso más: completa la comprobación de abajo y luego inicia sesión.",
  "signIn.challenge.failed": "La comprobación no se completó o ha caducado. Complétala de nuevo y luego inicia sesión.",
  "signIn.challenge.unavailable":
    "No se ha podido confirmar la comprobación en este momento. No se ha contado nada: vuelve a iniciar sesión dentro de un momento.",
  "signIn.challenge.noScript":
    "Esta comprobación necesita JavaScript. Actívalo para este sitio o inicia sesión desde un dispositivo con el que ya hayas iniciado sesión aquí.",
  "notice.reset": "Tu contraseña se ha restablecido correctamente. Inicia sesión con tus nuevas credenciales.",
  "notice.password_reset":
    "Se ha restablecido tu contraseña, así que se han cerrado todas las sesiones. Inicia sesión con la nueva contraseña.",
  "notice.password_changed":
    "Tu contraseña se ha cambiado en otra sesión, así que se ha cerrado esta. Inicia sesión con la nueva contraseña.",
  "notice.signed_out": "Has cerrado sesión.",
  "notice.signed_out_elsewhere": "Esta sesión se ha cerrado desde otra de tus sesiones.",
  "notice.signed_out_everywhere": "Se han cerrado todas tus sesiones.",
  "notice.session_limit": "Se ha cerrado tu sesión porque había demasiadas sesiones abiertas.",
  "notice.expired": "Tu sesión ha finalizado. Vuelve a iniciar sesión.",
  "notice.signed_up": "Se ha creado tu cuenta. Inicia sesión para continuar.",
  "signUp.title": "Registrarse",
  "signUp.heading": "Crea tu cuenta",
  "signUp.firstName": "Nombre (opcional)",
  "signUp.lastName": "Apellidos (opcional)",
  "signUp.password": "Contraseña",
  "signUp.confirm": "Confirmar contraseña",
  "signUp.submit": "Registrarse",
  "signUp.haveAccount": "¿Ya tienes una cuenta? {link}",
  "signUp.signInLink": "Inicia sesión",
};
