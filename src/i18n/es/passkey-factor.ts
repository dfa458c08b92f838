/** A passkey as the only second factor: turning it on, its section on /account, the last passkey kept. */
import type { passkeyFactor as english } from "../en/passkey-factor";
import type { Section } from "../types";

export const passkeyFactor: Section<typeof english, "es"> = {
  "passkeyFactor.turnOnHeading": "O una llave de acceso como segundo factor",
  "passkeyFactor.turnOnIntro":
    "Sin aplicación: después de tu contraseña, el inicio de sesión y el restablecimiento de la contraseña piden una de tus llaves de acceso (o un código de recuperación).",
  "passkeyFactor.turnOn": "Activar con una llave de acceso",
  "passkeyFactor.on": "Tu segundo factor es una llave de acceso.",
  "passkeyFactor.recoveryCode": "Un código de recuperación",
  "passkeyFactor.codesNotice": "A partir de ahora, el inicio de sesión pide una de tus llaves de acceso.",
  "passkeyFactor.lastPasskey":
    "Esta llave de acceso es tu único segundo factor. Añade otra llave de acceso o desactiva el inicio de sesión en dos pasos antes de eliminarla.",
};
