/** Passkeys: on /account, at sign-in, as the second step and at the reset; how a session was created. */
export const passkeys = {
  "passkeys.heading": "Passkeys",
  "passkeys.intro":
    "A passkey signs you in with your device's screen lock (fingerprint, face or PIN) instead of your password. It cannot be phished or guessed.",
  "passkeys.none": "You have no passkeys yet.",
  "passkeys.times": "added {added} · last used {used}",
  "passkeys.neverUsed": "never",
  "passkeys.nameLabel": "Name",
  "passkeys.rename": "Rename",
  "passkeys.remove": "Remove",
  "passkeys.removeIntro":
    "Removing a passkey asks for your password (and a code if two-factor is on), or for one of your passkeys.",
  "passkeys.removeWithPasskey": "Remove with a passkey",
  "passkeys.add": "Add a passkey",
  "passkeys.addIntro":
    "Confirm with your password (and a code from your app if two-factor is on), then follow your browser's steps.",
  "passkeys.codeLabel": "Authentication code (two-factor)",
  "passkeys.needsScript":
    "Passkeys need JavaScript in this browser. Turn it on to use one, or go on with your password.",
  "passkeys.limit": "An account can have 10 passkeys. Remove one to add another.",
  "passkeys.refused": "That passkey could not be used. Try again.",
  "passkeys.cancelled": "The browser did not make a passkey. Try again when you are ready.",
  "passkeys.nameInvalid": "Give the passkey a name of at most 64 characters.",
  "passkeys.noticeAdded": "Passkey added. You can sign in with it from now on.",
  "passkeys.noticeRenamed": "Passkey renamed.",
  "passkeys.noticeRemoved": "Passkey removed.",
  "passkeys.signIn": "Sign in with a passkey",
  "notice.passkey_refused": "That passkey did not sign you in. Try again, or use your password.",
  "notice.passkey_expired": "The passkey request expired. Try again.",
  "notice.passkey_limited": "Too many passkey attempts from your network. Wait 15 minutes, or use your password.",
  "passkeys.event.added": "Passkey added",
  "passkeys.event.removed": "Passkey removed",
  "passkeys.method.password": "with a password",
  "passkeys.method.passwordCode": "with a password and a code",
  "passkeys.method.passwordPasskey": "with a password and a passkey",
  "passkeys.method.passkey": "with a passkey",
  "passkeys.secondStep": "Or use a passkey instead of the code.",
  "passkeys.usePasskey": "Use a passkey",
  "passkeys.offerHeading": "Add a passkey?",
  "passkeys.offerText":
    "Your password is changed. A passkey would let you sign in without it next time, and nobody can phish it.",
  "passkeys.offerSkip": "Not now",
} as const;
