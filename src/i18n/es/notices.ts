/** The security notices beyond password and two-factor changes (a recovery code used, a new device), and their switch on /account. */
import type { notices as english } from "../en/notices";
import type { Section } from "../types";

export const notices: Section<typeof english, "es"> = {
  "notices.recoveryCode.subject": "Se usó un código de recuperación",
  "notices.recoveryCode.what": "Se usó un código de recuperación en tu cuenta el {when}, desde {from}.",
  "notices.recoveryCode.left": {
    one: "Queda {count} código de recuperación.",
    many: "Quedan {count} de códigos de recuperación.",
    other: "Quedan {count} códigos de recuperación.",
  },
  "notices.recoveryCode.makeNew": "Crea otros pronto en la página de tu cuenta, antes de quedarte sin ellos: {url}",
  "notices.recoveryCode.notYou":
    "Si no fuiste tú, alguien tiene tu contraseña y un código de recuperación: restablece tu contraseña ahora mismo en {url} y después crea códigos de recuperación nuevos.",
  "notices.newDevice.subject": "Un inicio de sesión desde un dispositivo nuevo",
  "notices.newDevice.what":
    "Alguien inició sesión en tu cuenta el {when}, desde {from}: un navegador que nunca había iniciado sesión, en una red que tu cuenta no había usado en 30 días.",
  "notices.newDevice.ifYou": "Si fuiste tú, no tienes que hacer nada. Puedes desactivar estos correos en {url}",
  "notices.newDevice.notYou":
    "Si no fuiste tú, alguien tiene tu contraseña: restablécela ahora mismo en {url}. El restablecimiento cierra la sesión en todos los dispositivos.",
  "notices.account.heading": "Inicios de sesión desde dispositivos nuevos",
  "notices.account.on":
    "Te escribimos cuando alguien inicia sesión en tu cuenta desde un navegador que nunca lo había hecho, en una red que no ha usado en 30 días.",
  "notices.account.off": "Los correos sobre inicios de sesión desde dispositivos nuevos están desactivados.",
  "notices.account.turnOff": "Desactivar estos correos",
  "notices.account.turnOn": "Activar estos correos",
  "notices.account.doneOn": "Los correos sobre inicios de sesión desde dispositivos nuevos están activados.",
  "notices.account.doneOff": "Los correos sobre inicios de sesión desde dispositivos nuevos están desactivados.",
  "notices.event.newDevice": "Inicio de sesión desde un dispositivo nuevo (avisado por correo)",
  "notices.event.alertsOn": "Correos sobre dispositivos nuevos activados",
  "notices.event.alertsOff": "Correos sobre dispositivos nuevos desactivados",
};
