/** The security notices beyond password and two-factor changes (a recovery code used, a new device), and their switch on /account. */
export const notices = {
  "notices.recoveryCode.subject": "A recovery code was used",
  "notices.recoveryCode.what": "A recovery code was used on your account on {when}, from {from}.",
  "notices.recoveryCode.left": { one: "{count} recovery code is left.", other: "{count} recovery codes are left." },
  "notices.recoveryCode.makeNew": "Make new ones on your account page soon, before you run out: {url}",
  "notices.recoveryCode.notYou":
    "If this wasn't you, someone has your password and a recovery code: reset your password right away at {url}, then make new recovery codes.",
  "notices.newDevice.subject": "A sign-in from a new device",
  "notices.newDevice.what":
    "Your account was signed in to on {when}, from {from}: a browser that had not signed in before, on a network your account had not used in 30 days.",
  "notices.newDevice.ifYou": "If this was you, there is nothing to do. You can turn these emails off at {url}",
  "notices.newDevice.notYou":
    "If this wasn't you, someone has your password: reset it right away at {url}. The reset signs out every device.",
  "notices.account.heading": "Sign-ins from new devices",
  "notices.account.on":
    "We email you when your account is signed in to from a browser that has not signed in before, on a network it has not used in 30 days.",
  "notices.account.off": "Emails about sign-ins from new devices are off.",
  "notices.account.turnOff": "Turn these emails off",
  "notices.account.turnOn": "Turn these emails on",
  "notices.account.doneOn": "Emails about sign-ins from new devices are on.",
  "notices.account.doneOff": "Emails about sign-ins from new devices are off.",
  "notices.event.newDevice": "Signed in from a new device (emailed)",
  "notices.event.alertsOn": "Emails about new devices turned on",
  "notices.event.alertsOff": "Emails about new devices turned off",
} as const;
