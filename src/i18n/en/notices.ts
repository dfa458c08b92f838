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
  "notices.secondAddress.added.subject": "A second address was added to your account",
  "notices.secondAddress.added.what":
    "A second address for your account's security emails was added on {when}, from {from}.",
  "notices.secondAddress.removed.subject": "A second address was removed from your account",
  "notices.secondAddress.removed.what":
    "The second address for your account's security emails was removed on {when}, from {from}.",
  "notices.secondAddress.address": "The address: {address}",
  "notices.secondAddress.notYou":
    "If this wasn't you, someone has your password: reset it right away at {url}, then check the addresses on your account page.",
  "notices.secondAddress.verify.subject": "Confirm your second address",
  "notices.secondAddress.verify.intro":
    "Someone (hopefully you) asked to add this address to an account as a second address for its security emails.",
  "notices.secondAddress.verify.open": "To confirm it, open this link within a day:",
  "notices.secondAddress.verify.ignore": "If you did not ask for this, ignore this email: nothing changes.",
  "notices.secondAddress.heading": "Second address",
  "notices.secondAddress.none":
    "Add a second address: every security email goes to it too, and a password reset can be asked from it.",
  "notices.secondAddress.current": "Security emails also go to {address}, and a password reset can be asked from it.",
  "notices.secondAddress.addressLabel": "Second address",
  "notices.secondAddress.passwordLabel": "Current password",
  "notices.secondAddress.add": "Send a confirmation link",
  "notices.secondAddress.remove": "Remove this address",
  "notices.secondAddress.sent": "We sent a confirmation link to {address}. It is added once the link is opened.",
  "notices.secondAddress.removedDone": "The second address was removed.",
  "notices.secondAddress.same": "That is already your account's address.",
  "notices.secondAddress.confirmText": "Add {address} as your account's second address?",
  "notices.secondAddress.confirmButton": "Confirm",
  "notices.secondAddress.confirmed": "{address} is now your account's second address.",
  "notices.secondAddress.deadLink": "This link is not valid or has expired. Ask for a new one on your account page.",
  "notices.secondAddress.taken": "This address cannot be used as a second address.",
  "notices.event.secondRequested": "Second address asked for (link sent)",
  "notices.event.secondAdded": "Second address added",
  "notices.event.secondRemoved": "Second address removed",
} as const;
