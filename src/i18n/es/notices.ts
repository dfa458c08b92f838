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
  "notices.secondAddress.added.subject": "Se añadió una segunda dirección a tu cuenta",
  "notices.secondAddress.added.what":
    "Se añadió una segunda dirección para los correos de seguridad de tu cuenta el {when}, desde {from}.",
  "notices.secondAddress.removed.subject": "Se quitó la segunda dirección de tu cuenta",
  "notices.secondAddress.removed.what":
    "Se quitó la segunda dirección para los correos de seguridad de tu cuenta el {when}, desde {from}.",
  "notices.secondAddress.address": "La dirección: {address}",
  "notices.secondAddress.notYou":
    "Si no fuiste tú, alguien tiene tu contraseña: restablécela ahora mismo en {url} y después revisa las direcciones en la página de tu cuenta.",
  "notices.secondAddress.verify.subject": "Confirma tu segunda dirección",
  "notices.secondAddress.verify.intro":
    "Alguien (esperamos que tú) pidió añadir esta dirección a una cuenta como segunda dirección para sus correos de seguridad.",
  "notices.secondAddress.verify.open": "Para confirmarla, abre este enlace antes de un día:",
  "notices.secondAddress.verify.ignore": "Si no lo pediste, ignora este correo: no cambia nada.",
  "notices.secondAddress.heading": "Segunda dirección",
  "notices.secondAddress.none":
    "Añade una segunda dirección: todos los correos de seguridad van también a ella, y desde ella se puede pedir restablecer la contraseña.",
  "notices.secondAddress.current":
    "Los correos de seguridad van también a {address}, y desde ella se puede pedir restablecer la contraseña.",
  "notices.secondAddress.addressLabel": "Segunda dirección",
  "notices.secondAddress.passwordLabel": "Contraseña actual",
  "notices.secondAddress.add": "Enviar un enlace de confirmación",
  "notices.secondAddress.remove": "Quitar esta dirección",
  "notices.secondAddress.sent": "Enviamos un enlace de confirmación a {address}. Se añade en cuanto se abra el enlace.",
  "notices.secondAddress.removedDone": "Se quitó la segunda dirección.",
  "notices.secondAddress.same": "Esa ya es la dirección de tu cuenta.",
  "notices.secondAddress.confirmText": "¿Añadir {address} como segunda dirección de tu cuenta?",
  "notices.secondAddress.confirmButton": "Confirmar",
  "notices.secondAddress.confirmed": "{address} es ahora la segunda dirección de tu cuenta.",
  "notices.secondAddress.deadLink": "Este enlace no es válido o ha caducado. Pide uno nuevo en la página de tu cuenta.",
  "notices.secondAddress.taken": "Esta dirección no se puede usar como segunda dirección.",
  "notices.event.secondRequested": "Segunda dirección pedida (enlace enviado)",
  "notices.event.secondAdded": "Segunda dirección añadida",
  "notices.event.secondRemoved": "Segunda dirección quitada",
};
